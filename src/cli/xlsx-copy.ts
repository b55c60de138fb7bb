/**
 * Opening a user's .xlsx with exceljs (which keeps formatting when written back) and saving the copy through
 * the safe writer. exceljs is slower and stricter than the reader used for checking: its merge handling is
 * quadratic in the number of merges and touches every merged cell, and it rejects some files SheetJS reads.
 * So the grid already read is consulted first, and every exceljs failure becomes one Chinese sentence.
 */
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { Grid } from '../engine/grid';
import { safeWrite, SafeWriteOptions } from '../io/safe-write';
import { readWorkbookBytes, UnreadableWorkbookError } from '../io/read';

/** Beyond these a copy would take minutes in exceljs; real 决算 workbooks have a few hundred merges. */
export const WRITE_LIMITS = { merges: 5_000, mergedCells: 200_000 };

/** Why this workbook cannot be copied with exceljs in reasonable time, or null. */
export function copyProblem(grid: Grid): string | null {
  let merges = 0;
  let area = 0;
  for (const s of grid.sheets) {
    merges += s.merges.length;
    for (const m of s.merges) area += (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
  }
  if (merges > WRITE_LIMITS.merges) return `工作簿有 ${merges} 处合并单元格，超过写入上限 ${WRITE_LIMITS.merges}。请先在 Excel 中取消不需要的合并后再试。`;
  if (area > WRITE_LIMITS.mergedCells) return `合并单元格共覆盖 ${area} 个单元格，超过写入上限 ${WRITE_LIMITS.mergedCells}。请先在 Excel 中取消整行、整列的合并后再试。`;
  return null;
}

/** A new exceljs workbook. exceljs is loaded only by the commands that write, so that `check` starts quickly. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}

/** Loads an .xlsx with exceljs; `grid` is the same file as read for checking, used to refuse what exceljs would choke on. */
export async function loadXlsx(file: string, grid: Grid): Promise<ExcelJS.Workbook> {
  if (extname(file).toLowerCase() !== '.xlsx') throw new Error('只能写入 .xlsx 工作簿；.xls 请先在 Excel 中另存为 .xlsx。');
  const problem = copyProblem(grid);
  if (problem) throw new Error(problem);
  const wbx = await newWorkbook();
  try {
    await wbx.xlsx.readFile(file);
  } catch {
    throw new Error(`${file} 能够检查，但无法在保留格式的前提下写入副本（文件内部结构不标准）。请在 Excel 中打开并另存为 .xlsx 后再试。`);
  }
  return wbx;
}

/** The written bytes must read back as a workbook; returns why not, or null. */
export function readsBack(bytes: Buffer): string | null {
  try {
    readWorkbookBytes(bytes);
    return null;
  } catch (err) {
    return err instanceof UnreadableWorkbookError ? err.reason : '无法读回';
  }
}

/** Saves an exceljs workbook to `target` through the safe writer (temp file, read back, rename; see safe-write.ts). */
export async function saveXlsx(wbx: ExcelJS.Workbook, target: string, o: SafeWriteOptions): Promise<{ path: string; backup?: string }> {
  const bytes = Buffer.from(await wbx.xlsx.writeBuffer());
  return safeWrite(target, bytes, { ...o, verify: readsBack });
}

/** The line that tells where the copy went, and where the replaced file was kept. */
export function writtenNote(w: { path: string; backup?: string }): string {
  return w.backup ? `（原有的 ${w.path} 已保留为 ${w.backup}）` : '';
}
