import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import * as XLSX from '@e965/xlsx';
import { Grid, GridCell, GridSheet } from '../engine/grid';
import { fsErrorText, userMessage } from './fs-errors';
import { FilePath, shownPath } from './paths';
import { xlsProblem } from './xls-guard';
import { zipProblem } from './zip-guard';

/** A file that cannot be read, with one plain Chinese line saying why. */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}：${reason}`);
  }
}

/** Limits that keep a hostile file (zip bomb, huge sheet) from exhausting the machine. */
export const LIMITS = { maxBytes: 50 * 1024 * 1024, maxCells: 2_000_000, maxMerges: 100_000, parseMs: 60_000 };

const READ_OPTIONS: XLSX.ParsingOptions = { type: 'buffer', dense: true, cellFormula: false, cellHTML: false, cellNF: true, cellText: true, WTF: false };
/** .xlsx: formulas and stubs too, to find formulas saved without a result (SheetJS drops such cells otherwise). */
const XLSX_OPTIONS: XLSX.ParsingOptions = { ...READ_OPTIONS, cellFormula: true, sheetStubs: true };

/** A workbook as read, with what the reader noticed that the user should know (plain Chinese sentences). */
export interface ReadWorkbook {
  readonly grid: Grid;
  readonly notes: ReadonlyArray<string>;
}

function classify(err: unknown, bytes: Buffer): string {
  const msg = String((err as Error)?.message ?? err);
  if (/password|encrypt/i.test(msg)) return '文件已加密（设置了打开密码），请先在 Excel 中取消密码后再检查。';
  if (isZip(bytes) && /zip|end of data|corrupt|invalid|unexpected/i.test(msg)) return '文件已损坏或不完整（.xlsx 压缩包无法解开），请重新导出或另存一份。';
  if (isCfb(bytes)) return '无法读取这个 .xls 文件（可能已损坏），请在 Excel 中另存为 .xlsx 后再检查。';
  return '不是可识别的 Excel 工作簿，或文件已损坏。请在 Excel 中打开并另存为 .xlsx 后再检查。';
}

/** Converts SheetJS's workbook into the engine's grid: value, shown text, number format, merges. */
export function gridFromSheetJs(wb: XLSX.WorkBook): Grid {
  const sheets: GridSheet[] = [];
  let cells = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const rows: Array<Array<GridCell | undefined> | undefined> = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      const row: Array<GridCell | undefined> = [];
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell || cell.t === 'z' || cell.v === undefined) continue;
        if (++cells > LIMITS.maxCells) throw new Error(`单元格超过 ${LIMITS.maxCells} 个，超出检查上限`);
        const value = cell.t === 'e' ? String(cell.w ?? '#ERROR') : cell.t === 'd' ? String(cell.w ?? cell.v) : (cell.v as string | number | boolean);
        row[c] = { value, text: cell.w, numFmt: typeof cell.z === 'string' ? cell.z : undefined };
      }
      rows[r] = row;
    }
    const merges = (ws?.['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    sheets.push({ name, rows, merges });
  }
  return { sheets };
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

function isCfb(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0;
}

/** Zip (.xlsx), OLE compound file (.xls), or the XML/HTML that some reporting software saves as .xls. */
function looksLikeWorkbook(bytes: Buffer): boolean {
  if (isZip(bytes)) return true;
  if (isCfb(bytes)) return true;
  const head = bytes.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return /^<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<workbook/.test(head) || /^<(!doctype html|html|table)/.test(head);
}

/** Refuses what is too big, empty or plainly not a workbook, before any parser sees it. */
function precheck(bytes: Buffer, file: string): void {
  if (bytes.length > LIMITS.maxBytes) throw new UnreadableWorkbookError(file, `文件大于 ${LIMITS.maxBytes / 1024 / 1024} MB，超出检查上限。`);
  if (bytes.length === 0) throw new UnreadableWorkbookError(file, '文件是空的（0 字节）。');
  // SheetJS also parses CSV and plain text; such a file should hear that it is not a workbook, before any parsing.
  if (!looksLikeWorkbook(bytes)) throw new UnreadableWorkbookError(file, '不是 Excel 工作簿（.xlsx/.xls）。');
  const zip = isZip(bytes) ? zipProblem(bytes, LIMITS) : isCfb(bytes) ? xlsProblem(bytes) : null;
  if (zip) throw new UnreadableWorkbookError(file, zip);
}

/** Formulas saved without a result (read as blank) and sheets hidden by a duplicated name. */
export function readerNotes(wb: XLSX.WorkBook): string[] {
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const name of wb.SheetNames) {
    if (seen.has(name)) notes.push(`工作簿中有不止一个名为“${name}”的工作表，只检查了其中一个。请在 Excel 中改名后再检查。`);
    seen.add(name);
    const data = (wb.Sheets[name]?.['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const refs: string[] = [];
    data.forEach((row, r) => row?.forEach((cell, c) => cell?.t === 'z' && cell.f !== undefined && refs.push(XLSX.utils.encode_cell({ r, c }))));
    if (refs.length) notes.push(`工作表“${name}”中 ${refs.length} 个单元格有公式但文件里没有保存计算结果（${refs.slice(0, 8).join('、')}${refs.length > 8 ? ' 等' : ''}），已按空白读取。请在 Excel 中打开、重新计算并保存后再检查。`);
  }
  return notes;
}

function toGrid(wb: XLSX.WorkBook, file: string): ReadWorkbook {
  if (!wb.SheetNames?.length) throw new UnreadableWorkbookError(file, '工作簿中没有工作表。');
  try {
    return { grid: gridFromSheetJs(wb), notes: readerNotes(wb) };
  } catch (err) {
    throw new UnreadableWorkbookError(file, userMessage(err, '读取工作表时出错，请在 Excel 中打开并另存为 .xlsx 后再检查。'));
  }
}

function parseHere(bytes: Buffer, file: string): ReadWorkbook {
  precheck(bytes, file);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, isZip(bytes) ? XLSX_OPTIONS : READ_OPTIONS);
  } catch (err) {
    throw new UnreadableWorkbookError(file, classify(err, bytes));
  }
  return toGrid(wb, file);
}

/** Reads workbook bytes (.xlsx or .xls) into a grid; throws UnreadableWorkbookError with the reason. */
export function readWorkbookBytes(bytes: Buffer, file = '（内存）'): Grid {
  return parseHere(bytes, file).grid;
}

/** Runs SheetJS in a worker: its .xls formula parser can loop forever on a damaged file (docs/upstream-sheetjs-parse-rgce-loop.md). */
const ISOLATED_PARSE = `
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.lib);
try { parentPort.postMessage({ wb: XLSX.read(workerData.bytes, workerData.options) }); }
catch (err) { parentPort.postMessage({ error: String((err && err.message) || err) }); }
`;

function parseIsolated(bytes: Buffer, file: string, timeLimitMs: number): Promise<XLSX.WorkBook> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ISOLATED_PARSE, {
      eval: true,
      workerData: { lib: require.resolve('@e965/xlsx'), bytes, options: READ_OPTIONS },
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => settle(() => reject(new UnreadableWorkbookError(file, `读取超过 ${Math.round(timeLimitMs / 1000)} 秒仍未完成，已停止（文件可能已损坏）。请在 Excel 中打开并另存为 .xlsx 后再检查。`))), timeLimitMs);
    worker.on('message', (m: { wb?: XLSX.WorkBook; error?: string }) =>
      settle(() => (m.wb ? resolve(m.wb) : reject(new UnreadableWorkbookError(file, classify(new Error(m.error), bytes))))),
    );
    worker.on('error', () => settle(() => reject(new UnreadableWorkbookError(file, '读取这个文件时内存不足或解析出错，已停止。请在 Excel 中打开并另存为 .xlsx 后再检查。'))));
    worker.on('exit', () => settle(() => reject(new UnreadableWorkbookError(file, '读取这个文件时解析进程意外退出。请在 Excel 中打开并另存为 .xlsx 后再检查。'))));
  });
}

export interface ReadOptions {
  /** How long parsing an .xls (or XML/HTML workbook) may take before it is stopped. */
  readonly timeLimitMs?: number;
}

/** Reads a workbook file into a grid. */
export async function readWorkbookFile(file: FilePath, o: ReadOptions = {}): Promise<Grid> {
  return (await readWorkbook(file, o)).grid;
}

/** Reads a workbook file, with the reader's notes. .xlsx is parsed here after the zip checks; other formats in a worker under a time limit. */
export async function readWorkbook(path: FilePath, o: ReadOptions = {}): Promise<ReadWorkbook> {
  const file = shownPath(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UnreadableWorkbookError(file, '文件不存在或无法打开。');
  }
  if (size > LIMITS.maxBytes) throw new UnreadableWorkbookError(file, `文件大于 ${LIMITS.maxBytes / 1024 / 1024} MB，超出检查上限。`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new UnreadableWorkbookError(file, fsErrorText(err) ?? '文件无法打开。');
  }
  if (isZip(bytes)) return parseHere(bytes, file);
  precheck(bytes, file);
  return toGrid(await parseIsolated(bytes, file, o.timeLimitMs ?? LIMITS.parseMs), file);
}
