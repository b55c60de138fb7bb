import { Command, Option } from 'commander';
import type ExcelJS from 'exceljs';
import { Unit } from '../engine/model';
import { TemplateSheet, TemplateStyle, templateSheets } from '../engine/template';
import { userMessage } from '../io/fs-errors';
import { checkTarget, WriteError } from '../io/safe-write';
import { newWorkbook, saveXlsx, writtenNote } from './xlsx-copy';

const AMOUNT_FORMAT = '#,##0.00';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const STYLES: Record<TemplateStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  tableNo: { font: { name: '宋体', size: 10 }, alignment: { horizontal: 'right' } },
  meta: { font: { name: '宋体', size: 10 } },
  header: { font: { name: '宋体', size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  label: { font: { name: '宋体', size: 10 }, alignment: { vertical: 'middle' } },
  code: { font: { name: '宋体', size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' }, numFmt: '@' },
  amount: { font: { name: '宋体', size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, numFmt: AMOUNT_FORMAT },
  note: { font: { name: '宋体', size: 9 } },
};

function writeSheet(wbx: ExcelJS.Workbook, t: TemplateSheet): void {
  const ws = wbx.addWorksheet(t.name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = t.widths.map((width) => ({ width }));
  for (const cell of t.cells) {
    const c = ws.getCell(cell.r + 1, cell.c + 1);
    // Codes are text (`03` keeps its zero); 栏次 and 行次 numbers stay numbers.
    if (cell.value !== null) c.value = cell.value;
    c.style = { ...STYLES[cell.style] };
  }
  for (let r = t.body.r0; r <= t.body.r1; r++) {
    for (let c = t.body.c0; c <= t.body.c1; c++) ws.getCell(r + 1, c + 1).border = THIN;
  }
  for (const m of t.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  ws.getRow(1).height = 28;
}

/** Writes the blank workbook of the nine tables (never over an existing file unless `force`); resolves to what was written. */
export async function writeTemplate(out: string, year: number, unit: Unit, department: string | undefined, force: boolean): Promise<{ path: string; backup?: string }> {
  await checkTarget(out, { force });
  const wbx = await newWorkbook();
  wbx.creator = '决算助手';
  for (const t of templateSheets({ year, unit, department })) writeSheet(wbx, t);
  return saveXlsx(wbx, out, { force });
}

/** `juesuan template [--year 2024] [--unit 万元] [--dept 名称] [--out file.xlsx]`. */
export function registerTemplate(program: Command, setCode: (code: number) => void): void {
  program
    .command('template')
    .description('生成空白的部门决算公开表工作簿（公开01表—公开09表，标准格式）')
    .option('--year <year>', '年度', String(new Date().getFullYear() - 1))
    .addOption(new Option('--unit <unit>', '金额单位').choices(['万元', '元']).default('万元'))
    .option('--dept <name>', '部门（单位）名称，印在各表“部门：”之后')
    .option('--out <file>', '输出文件', '部门决算公开表.xlsx')
    .option('--force', '输出文件已存在时替换它（原有的保留为 <文件名>.bak）')
    .action(async (o: { year: string; unit: Unit; dept?: string; out: string; force?: boolean }) => {
      const year = Number(o.year);
      if (!/^\d{4}$/.test(o.year) || year < 2000 || year > 2100) {
        process.stderr.write(`年度“${o.year}”不是有效的年份，例如 --year 2024。\n`);
        setCode(2);
        return;
      }
      let written: { path: string; backup?: string };
      try {
        written = await writeTemplate(o.out, year, o.unit, o.dept, !!o.force);
      } catch (err) {
        process.stderr.write(`${err instanceof WriteError ? err.message : `没有生成 ${o.out}：${userMessage(err, '写入时出错。')}`}\n`);
        setCode(2);
        return;
      }
      process.stdout.write(`已生成 ${written.path}${writtenNote(written)}：公开01表—公开09表（${year}年度，金额单位：${o.unit}）。\n`);
      process.stdout.write('在 02、03、05、07、08 表中填入科目编码和项级金额，在 06 表填款级金额，在 01、04 表填收入和结转结余，在 09 表填各项“三公”经费，然后运行 juesuan fill 计算其余各数。\n');
    });
}
