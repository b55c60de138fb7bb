import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type ExcelJS from 'exceljs';
import { recognize } from '../engine';
import { LayoutRow, projectRows, reasonNote, SUPPLEMENT_SHEET, supplementLayout } from '../engine/narrative/supplement';
import { userMessage } from '../io/fs-errors';
import { readWorkbookFile, UnreadableWorkbookError } from '../io/read';
import { checkTarget, SafeWriteOptions } from '../io/safe-write';
import { loadXlsx, saveXlsx, writtenNote } from './xlsx-copy';

/** A value for one key: the C cell, optionally with the D cell (原因/说明). */
export type SupplementValues = Record<string, string | number | [string | number | null, string]>;

const AMOUNT_FORMAT = '#,##0.00';

/** exceljs stores a JS string as a string cell (a leading "=" stays text); only {formula} objects become formulas. */
export function textCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
}

function cellString(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

/** Values already in an existing 补充信息 sheet, by key, so that re-creating the sheet keeps the user's input. */
function existingValues(ws: ExcelJS.Worksheet): SupplementValues {
  const out: SupplementValues = {};
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const key = cellString(row.getCell(1).value).trim();
    if (!key) return;
    const c = row.getCell(3).value;
    const value = typeof c === 'number' ? c : cellString(c) || null;
    out[key] = [value, cellString(row.getCell(4).value)];
  });
  return out;
}

/**
 * Writes the 补充信息 sheet (narrative.md §4) into an exceljs workbook: every key the tables call for, labels
 * prefilled, values from `values` (else the sheet's previous values, else blank). Returns the keys written.
 */
export function writeSupplementSheet(wbx: ExcelJS.Workbook, layout: ReadonlyArray<LayoutRow>, values: SupplementValues = {}): string[] {
  const old = wbx.getWorksheet(SUPPLEMENT_SHEET);
  const carried = old ? existingValues(old) : {};
  if (old) wbx.removeWorksheet(old.id);
  const ws = wbx.addWorksheet(SUPPLEMENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '键', key: 'key', width: 26 },
    { header: '项目', key: 'label', width: 56 },
    { header: '数值', key: 'value', width: 18 },
    { header: '原因/说明', key: 'reason', width: 70 },
  ];
  ws.getRow(1).font = { bold: true };
  const rows = [...layout];
  // Projects beyond the template (p4, …) that the values or the old sheet name.
  const known = new Set(rows.map((r) => r.key));
  const extraProjects = new Set<number>();
  for (const k of [...Object.keys(values), ...Object.keys(carried)]) {
    const m = /^perf\.p(\d+)\./.exec(k);
    if (m && !known.has(k)) extraProjects.add(Number(m[1]));
  }
  const applyAt = rows.findIndex((r) => r.key === 'perf.apply.done');
  const extra = [...extraProjects].sort((a, b) => a - b).flatMap((n) => projectRows(n));
  rows.splice(applyAt < 0 ? rows.length : applyAt, 0, ...extra);
  const written: string[] = [];
  for (const spec of rows) {
    const row = ws.addRow([]);
    if (!spec.key) {
      textCell(row.getCell(2), spec.label);
      row.font = { bold: true };
      row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
      continue;
    }
    written.push(spec.key);
    textCell(row.getCell(1), spec.key);
    textCell(row.getCell(2), spec.note ? `${spec.label}（${spec.note}）` : spec.label);
    const given = values[spec.key] ?? carried[spec.key];
    const [value, reason] = Array.isArray(given) ? given : [given ?? spec.preset ?? null, ''];
    const c = row.getCell(3);
    if (spec.kind === 'text') {
      if (value !== null && value !== undefined && String(value) !== '') textCell(c, String(value));
      c.alignment = { wrapText: true, vertical: 'top' };
    } else {
      c.numFmt = spec.kind === 'amount' ? AMOUNT_FORMAT : '0';
      if (value !== null && value !== undefined && String(value).trim() !== '') {
        const n = Number(String(value).replace(/,/g, ''));
        if (Number.isFinite(n)) c.value = n;
        else textCell(c, String(value));
      }
    }
    if (reason) textCell(row.getCell(4), reason);
    else if (spec.reasonHint) row.getCell(4).note = reasonNote(spec.reasonHint);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return written;
}

export function defaultSupplementOut(input: string): string {
  return join(dirname(input), `${basename(input, extname(input))}.${SUPPLEMENT_SHEET}.xlsx`);
}

interface SupplementOptions {
  out?: string;
  values?: string;
  projects: string;
  force?: boolean;
}

/** More 绩效自评 projects than any report lists; the sheet gets six rows per project. */
export const MAX_PROJECTS = 100;

async function readValues(file: string): Promise<SupplementValues> {
  const text = await readFile(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error(`--values 文件 ${file} 不是有效的 JSON，请检查括号、引号和逗号。`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`--values 文件 ${file} 应为 {"键": 数值, …} 形式的 JSON 对象。`);
  return parsed as SupplementValues;
}

/** The values typed into an earlier copy's 补充信息 sheet, so that replacing the copy keeps them. */
async function previousCopyValues(out: string): Promise<SupplementValues> {
  const grid = await readWorkbookFile(out);
  const ws = (await loadXlsx(out, grid)).getWorksheet(SUPPLEMENT_SHEET);
  const typed = Object.entries(ws ? existingValues(ws) : {}).filter(([, v]) => Array.isArray(v) && (v[0] !== null || v[1] !== ''));
  return Object.fromEntries(typed);
}

async function runSupplement(input: string, o: SupplementOptions): Promise<number> {
  const out = o.out ?? defaultSupplementOut(input);
  const projects = Number(o.projects);
  if (!Number.isInteger(projects) || projects < 1 || projects > MAX_PROJECTS) {
    process.stderr.write(`--projects 须为 1 到 ${MAX_PROJECTS} 之间的整数（预留的绩效自评项目个数），收到“${o.projects}”。\n`);
    return 2;
  }
  const target: SafeWriteOptions = { force: o.force, inputs: [input, ...(o.values ? [o.values] : [])] };
  try {
    await checkTarget(out, target);
    const grid = await readWorkbookFile(input);
    const { workbook } = recognize(grid);
    if (!Object.keys(workbook.tables).length) {
      process.stderr.write(`${input}：没有识别到决算公开表，无法确定补充信息需要哪些行。\n`);
      return 2;
    }
    const given = o.values ? await readValues(o.values) : {};
    // --values first, then what was typed into the copy being replaced, then the input's own sheet.
    const values = existsSync(out) ? { ...(await previousCopyValues(out)), ...given } : given;
    const wbx = await loadXlsx(input, grid);
    const keys = writeSupplementSheet(wbx, supplementLayout(workbook, projects), values);
    const written = await saveXlsx(wbx, out, target);
    process.stdout.write(`已在副本中写入“${SUPPLEMENT_SHEET}”工作表（${keys.length} 个键）：${written.path}${writtenNote(written)}\n`);
    return 0;
  } catch (err) {
    const msg = err instanceof UnreadableWorkbookError ? err.reason : userMessage(err, '处理时出错。');
    process.stderr.write(`没有生成补充信息：${msg}\n`);
    return 2;
  }
}

/** `juesuan supplement <workbook>`: adds the 补充信息 sheet to a copy of the workbook. */
export function registerSupplement(program: Command, setExit: (code: number) => void): void {
  program
    .command('supplement')
    .description('在工作簿副本中添加“补充信息”工作表（情况说明所需的上年数、年初预算、三公、政府采购等）')
    .argument('<workbook>', '决算公开表工作簿（.xlsx）')
    .option('--out <file>', '输出文件（默认：<原名>.补充信息.xlsx；不能是原文件）')
    .option('--force', '输出文件已存在时替换它：其中已填的补充信息保留，原文件保留为 <文件名>.bak')
    .option('--values <json>', '从 JSON 文件填入数值：{"键": 数值, "键": [数值, "原因"]}')
    .option('--projects <n>', '预留的绩效自评项目个数', '1')
    .action(async (workbook: string, o: SupplementOptions) => setExit(await runSupplement(workbook, o)));
}
