/**
 * `juesuan check <workbook> --out 结果.xlsx`: the findings as a new workbook with one 检查结果 sheet, the same table
 * the task pane writes into the open workbook (src/engine/report/findings-table.ts). Each 单元格 links into the
 * checked workbook (a relative link, so the two files can be moved together). An existing file is replaced only with
 * --force, and never when it is the checked workbook itself.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Finding } from '../engine';
import { FINDINGS_SHEET, findingsTable, sheetReference } from '../engine/report/findings-table';
import { analyzeFile } from './analyze-file';
import { expandInputs } from './files';
import { hasErrors, jsonLine, textReport, visibleFindings } from './report';

export interface FindingsWorkbookOptions {
  readonly force: boolean;
  readonly noInfo: boolean;
  readonly format: 'text' | 'json';
  /** --narrative: not combined with --out (its findings come from another file). */
  readonly narrative?: string;
}

/** The findings workbook in memory: 检查结果 with links relative to `out`'s folder. */
export function findingsWorkbook(findings: readonly Finding[], checked: string, out: string): ExcelJS.Workbook {
  const table = findingsTable(findings);
  const target = relative(dirname(resolve(out)), resolve(checked)).split('\\').join('/');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FINDINGS_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', printTitlesRow: '1:1', showGridLines: true, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = table.columns.map((c) => ({ header: c.header, width: c.width, style: { alignment: { horizontal: c.align, vertical: 'top', wrapText: c.width >= 40 } } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => (cell.numFmt = '@'));
  table.rows.forEach((row, i) => {
    const r = ws.getRow(i + 2);
    row.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      if (c.kind === 'number') {
        cell.value = c.value;
        cell.numFmt = c.format;
      } else if (c.kind === 'text') {
        // A plain string is a string cell in the file: it is never read back as a formula.
        cell.value = c.text;
        cell.numFmt = '@';
      } else if (c.kind === 'link') {
        cell.value = { text: c.link.text, hyperlink: `${target}#${sheetReference(c.link.sheet, c.link.cell)}`, tooltip: `打开 ${basename(checked)} 的 ${c.link.sheet}!${c.link.cell}` };
        cell.numFmt = '@';
        cell.font = { color: { argb: 'FF0563C1' }, underline: true };
      }
    });
  });
  return wb;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Checks one workbook, prints the report as `check` does, and writes the findings workbook. Resolves to the exit code. */
export async function runCheckToWorkbook(inputs: string[], out: string, o: FindingsWorkbookOptions): Promise<number> {
  if (o.narrative) {
    process.stderr.write('--out 不能与 --narrative 同用：请分两次运行（检查表格并导出结果，再核对情况说明）。\n');
    return 2;
  }
  const files = await expandInputs(inputs);
  if (files.length !== 1) {
    process.stderr.write(`--out 只能用于一个工作簿（这次是 ${files.length} 个）。请逐个检查，或去掉 --out。\n`);
    return 2;
  }
  const [file] = files;
  if (existsSync(out) && samePath(out, file)) {
    process.stderr.write(`--out ${out} 就是被检查的工作簿，不会覆盖它。请另选文件名。\n`);
    return 2;
  }
  if (existsSync(out) && !o.force) {
    process.stderr.write(`${out} 已存在，未写入。要替换它，请加 --force。\n`);
    return 2;
  }
  const r = await analyzeFile(file);
  process.stdout.write((o.format === 'json' ? jsonLine(r, o.noInfo) : textReport(r, o.noInfo)) + '\n');
  if (!r.analysis) {
    process.stderr.write(`无法读取 ${file}：${r.error}；未写入 ${out}。\n`);
    return 2;
  }
  const findings = visibleFindings(r.analysis, o.noInfo);
  // Written next to the target, then renamed over it: an interrupted write never leaves a half-written file.
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await findingsWorkbook(findings, file, out).xlsx.writeFile(tmp);
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    process.stderr.write(`无法写入 ${out}：${(err as NodeJS.ErrnoException).code === 'ENOENT' ? '文件夹不存在' : (err as Error).message}。\n`);
    return 2;
  }
  process.stderr.write(`已把 ${findings.length} 条结果写入 ${out} 的“${FINDINGS_SHEET}”工作表。\n`);
  return hasErrors(r) ? 1 : 0;
}
