import { realpath } from 'node:fs/promises';
import { userCatalogue } from './catalogue';
import { extname, resolve } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { a1, a1Range } from '../engine/a1';
import { Fill, fillCellValue, FillPlan, planFill } from '../engine/fill';
import { insertRows, missingRows, RowProposal } from '../engine/fill/rows';
import { Grid } from '../engine/grid';
import { formatAmount } from '../engine/money';
import { recognize } from '../engine/recognize/recognize';
import { readWorkbookFile, UnreadableWorkbookError } from '../io/read';

interface FillOptions {
  out?: string;
  dryRun?: boolean;
  addRows?: boolean;
}

const LEVEL_NAMES: Record<RowProposal['level'], string> = { 合计: '合计行', 类: '类级科目行', 款: '款级科目行' };

function renderRows(proposals: ReadonlyArray<RowProposal>): string {
  const lines = [`插入 ${proposals.length} 个缺少的上级科目行（合计、类、款）：`];
  for (const p of proposals) {
    const name = p.cells.length > 1 ? ` ${p.cells[p.cells.length - 1].value}` : '';
    lines.push(`  ${p.sheet} 第 ${p.before + 1} 行之前  公开${p.table}表 ${LEVEL_NAMES[p.level]}${p.code ? ` ${p.code}${name}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Inserts the proposed rows into an exceljs sheet. exceljs moves cell values and styles down but not merged
 * ranges, so the merges at or below the first insertion are taken down and put back where the grid says.
 */
function insertRowsXlsx(wbx: ExcelJS.Workbook, before: Grid, after: Grid, proposals: ReadonlyArray<RowProposal>): void {
  for (const sheet of new Set(proposals.map((p) => p.sheet))) {
    const ws = wbx.getWorksheet(sheet);
    if (!ws) continue;
    const mine = proposals.filter((p) => p.sheet === sheet);
    const first = Math.min(...mine.map((p) => p.before));
    const range = (m: { r0: number; c0: number; r1: number; c1: number }) => a1Range(m.r0, m.c0, m.r1, m.c1);
    for (const m of before.sheets.find((s) => s.name === sheet)?.merges ?? []) if (m.r0 >= first) ws.unMergeCells(range(m));
    // Bottom up, and for one position in reverse, as insertRows does.
    for (const p of [...mine].reverse().sort((x, y) => y.before - x.before)) {
      ws.insertRow(p.before + 1, [], 'o+');
      for (const { col, value } of p.cells) ws.getCell(a1(p.before, col)).value = value;
    }
    for (const m of after.sheets.find((s) => s.name === sheet)?.merges ?? []) if (m.r0 >= first) ws.mergeCells(range(m));
  }
}

/** The same file, even through a different spelling or a link. */
async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  return (await real(a)) === (await real(b));
}

function shown(f: Fill): string {
  return f.kind === 'amount' ? `${formatAmount(f.value, f.decimals)} ${f.unit}` : `“${f.text}”`;
}

/** The preview, one line per cell, then what was not filled and why. */
export function renderPlan(plan: FillPlan): string {
  const lines: string[] = [];
  const amounts = plan.fills.filter((f) => f.kind === 'amount').length;
  const names = plan.fills.length - amounts;
  lines.push(plan.fills.length ? `将填写 ${plan.fills.length} 个单元格（金额 ${amounts} 个，科目名称 ${names} 个）：` : '没有可以填写的单元格。');
  for (const f of plan.fills) {
    lines.push(`  ${f.ref.sheet}!${f.ref.cell}  ${shown(f)}  ${f.label}`);
    lines.push(`      ${f.note}［${f.because}］`);
  }
  if (plan.zeros.length) lines.push(`另有 ${plan.zeros.length} 个单元格按关系为 0，保持空白（空白即为 0）。`);
  if (plan.conflicts.length) {
    lines.push(`未填写：${plan.conflicts.length} 处已有数字与按已填数字推算的结果不一致（不会改写）：`);
    for (const c of plan.conflicts) lines.push(`  ${c.sheet}!${c.cell}  ${c.message}`);
  }
  return lines.join('\n');
}

/**
 * Writes the fills into a copy of the workbook with exceljs: values only, so the input's formatting stays;
 * numbers as numbers, never formulas. A cell that is not empty in the file (a formula without a cached value
 * looks empty to the reader) is left alone and reported.
 */
async function writeCopy(input: string, out: string, fills: ReadonlyArray<Fill>, rows: { before: Grid; after: Grid; proposals: RowProposal[] } | null): Promise<string[]> {
  const wbx = new ExcelJS.Workbook();
  await wbx.xlsx.readFile(input);
  if (rows) insertRowsXlsx(wbx, rows.before, rows.after, rows.proposals);
  const skipped: string[] = [];
  for (const f of fills) {
    const ws = wbx.getWorksheet(f.ref.sheet);
    const cell = ws?.getCell(f.ref.cell);
    const current = cell?.value;
    const empty = current === null || current === undefined || (typeof current === 'string' && current.trim() === '');
    if (!cell || !empty) {
      skipped.push(`${f.ref.sheet}!${f.ref.cell}`);
      continue;
    }
    cell.value = fillCellValue(f);
  }
  await wbx.xlsx.writeFile(out);
  return skipped;
}

async function runFill(input: string, o: FillOptions): Promise<number> {
  if (!o.dryRun && !o.out) {
    process.stderr.write('请用 --out 指定输出文件（不会改写原文件），或用 --dry-run 只显示将填写的内容。\n');
    return 2;
  }
  if (!o.dryRun && extname(input).toLowerCase() !== '.xlsx') {
    process.stderr.write('只能填写 .xlsx 工作簿；.xls 请先在 Excel 中另存为 .xlsx（也可用 --dry-run 只显示结果）。\n');
    return 2;
  }
  if (o.out && (await samePath(input, o.out))) {
    process.stderr.write(`输出文件与原文件相同（${resolve(o.out)}）。填充不会改写原文件，请另指定 --out。\n`);
    return 2;
  }
  let grid: Grid;
  try {
    grid = await readWorkbookFile(input);
  } catch (err) {
    process.stderr.write(`无法读取 ${input}：${err instanceof UnreadableWorkbookError ? err.reason : (err as Error).message}\n`);
    return 2;
  }
  // Parent rows first: the fill then derives their amounts like any other total.
  const proposals = missingRows(grid, recognize(grid).workbook, userCatalogue());
  const rows = o.addRows && proposals.length ? { before: grid, after: insertRows(grid, proposals), proposals } : null;
  const plan = planFill(rows ? rows.after : grid, userCatalogue());
  process.stdout.write(`${input}\n`);
  if (rows) process.stdout.write(`${renderRows(proposals)}\n`);
  process.stdout.write(`${renderPlan(plan)}\n`);
  if (!rows && proposals.length) process.stdout.write(`有 ${proposals.length} 个上级科目行（合计、类、款）没有列出，其金额无处填写；加 --add-rows 可插入这些行并一并计算。\n`);
  if (!o.dryRun) {
    const skipped = await writeCopy(input, resolve(o.out!), plan.fills, rows);
    if (skipped.length) process.stdout.write(`以下单元格在文件中不是空的（可能含公式），未改写：${skipped.join('、')}\n`);
    process.stdout.write(`已写入 ${resolve(o.out!)}（原文件未改动）。\n`);
  }
  return plan.conflicts.length ? 1 : 0;
}

/** `juesuan fill <in.xlsx> --out <out.xlsx> [--dry-run] [--add-rows]`. Exit code 1 when some figure disagrees. */
export function registerFill(program: Command, setCode: (code: number) => void): void {
  program
    .command('fill')
    .description('按表间关系计算可推算的单元格（合计、类/款行、总表、各表间相同的数字），写入副本')
    .argument('<file>', '工作簿（.xlsx）')
    .option('--out <file>', '输出文件（必须与原文件不同）')
    .option('--dry-run', '只显示将填写的内容，不写文件')
    .option('--add-rows', '在 02、03、05、07、08 表中插入缺少的合计、类、款行，再计算其金额')
    .action(async (file: string, o: FillOptions) => {
      setCode(await runFill(file, o));
    });
}
