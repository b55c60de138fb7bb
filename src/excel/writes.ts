/**
 * Writing cell values: the 填报 fills (with an undo record kept in the workbook) and the 情况说明 text (a sheet, the
 * cells below the active cell, the 补充信息 input sheet).
 *
 * Text never becomes a formula: Excel parses a string written to `Range.values` like typed input, so `=…` turns
 * into a formula and `1,010.75` into a number, unless the cell is formatted as text (`@`) first. Every text write
 * therefore sets `numberFormat = '@'` before `values`, in the same batch (commands run in the order queued).
 *
 * Requirement sets: values/numberFormat, worksheets.add, format.wrapText, clear (1.1); format.columnWidth,
 * autofitRows (1.2); settings (1.4); getActiveCell, getResizedRange, freezePanes (1.7).
 */
import type { ExcelRun } from './adapter';
import { rangesOf } from './adapter';
import { quoteKey, RejectedRecord, validCell, validSheetName } from './decisions';
import { a1 } from '../engine/a1';
import { LayoutRow, reasonNote } from '../engine/narrative/supplement';

export const FILLS_KEY = 'juesuan.fills';
export const NARRATIVE_SHEET = '情况说明';
export const TEXT_FORMAT = '@';

type CellValue = string | number | boolean;

/** One cell to fill: where, what (a number, or text such as a 科目名称) and, for numbers, a format for General cells. */
export interface CellWrite {
  readonly sheet: string;
  readonly cell: string;
  readonly value: number | string;
  /** Number format to give the cell when it is General (e.g. `#,##0.00`); text always gets `@`. */
  readonly numberFormat?: string;
}

/**
 * What a fill replaced, so that 撤销填报 can put it back exactly. Fills go only into empty cells, so `previous` is
 * always empty: a record saying otherwise was not written by the add-in.
 */
export interface FillUndoEntry {
  readonly sheet: string;
  readonly cell: string;
  readonly previous: '';
  readonly previousFormat: string;
  readonly written: number | string;
}

export interface FillUndoRecord {
  readonly version: 1;
  readonly entries: FillUndoEntry[];
}

export interface WriteFillsResult {
  readonly written: number;
  /** Cells no longer empty when the fills were written: left alone. */
  readonly skipped: string[];
  readonly undo: FillUndoRecord;
}

export interface UndoFillsResult {
  readonly restored: number;
  /** Cells changed since the fill (value no longer what was written): left alone, dropped from the record. */
  readonly changed: string[];
  /** Entries that are not what the add-in writes, or name a value it could not have filled: never applied. */
  readonly rejected: RejectedRecord[];
}

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;

/** Counts non-empty cells of a values matrix: what an insert would overwrite. */
export function occupiedCells(values: readonly (readonly unknown[])[] | null | undefined): number {
  let n = 0;
  for (const row of values ?? []) for (const v of row) if (!isEmpty(v) && !(typeof v === 'string' && v.trim() === '')) n++;
  return n;
}

/** Excel's longest number format and cell text. */
const MAX_FORMAT = 255;
const MAX_TEXT = 32767;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why an undo entry is not one the add-in writes, or null when it is. */
function undoEntryProblem(e: Partial<Record<keyof FillUndoEntry, unknown>>): string | null {
  if (!validSheetName(e.sheet) || !validCell(e.cell)) return '不是一个单元格的地址';
  if (e.previous !== '') return '填报只写入空白单元格，记录却要恢复一个非空的原值';
  if (typeof e.previousFormat !== 'string' || e.previousFormat.length > MAX_FORMAT || CONTROL.test(e.previousFormat)) return '原数字格式无效';
  const w = e.written;
  if (!(typeof w === 'number' && Number.isFinite(w)) && !(typeof w === 'string' && w.length <= MAX_TEXT)) return '填入的值无效';
  return null;
}

export interface ParsedUndo {
  /** Null when there is nothing valid to undo. */
  readonly record: FillUndoRecord | null;
  readonly rejected: RejectedRecord[];
}

/**
 * Reads the stored undo record entry by entry: an entry that is not what writeFills stores (one cell, an empty
 * previous value, a plain number format, a number or text written) is reported and left out, so one bad entry neither
 * gets applied nor stops the others from being undone.
 */
export function parseUndo(raw: unknown): ParsedUndo {
  const r = raw as { version?: unknown; entries?: unknown } | null;
  if (!r || typeof r !== 'object') return { record: null, rejected: [] };
  if (r.version !== 1 || !Array.isArray(r.entries)) return { record: null, rejected: [{ key: FILLS_KEY, reason: '撤销记录的格式无效' }] };
  const entries: FillUndoEntry[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  for (const raw of r.entries as unknown[]) {
    const e = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof FillUndoEntry, unknown>>;
    const key = typeof e.sheet === 'string' && typeof e.cell === 'string' ? quoteKey(`${e.sheet}!${e.cell}`) : '（无地址）';
    const problem = undoEntryProblem(e) ?? (seen.has(key) ? '同一单元格出现两次' : null);
    if (problem) rejected.push({ key, reason: problem });
    else {
      seen.add(key);
      const ok = e as FillUndoEntry;
      entries.push({ sheet: ok.sheet, cell: ok.cell, previous: '', previousFormat: ok.previousFormat, written: ok.written });
    }
  }
  return { record: entries.length ? { version: 1, entries } : null, rejected };
}

/** Splits `'Sheet 1'!B3:B9` into the sheet name and the A1 range. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: rangesOf(address)[0] ?? address.slice(bang + 1) };
}

/** The undo record stored in the workbook (null when there is nothing to undo). One sync. */
export async function readFillUndo(run: ExcelRun): Promise<FillUndoRecord | null> {
  return run(async (context) => {
    const s = context.workbook.settings.getItemOrNullObject(FILLS_KEY);
    s.load('value');
    await context.sync();
    return s.isNullObject ? null : parseUndo(s.value).record;
  });
}

/**
 * Writes the fills. One sync reads the target cells (value and number format, to record them and to leave alone a
 * cell someone filled meanwhile); then ONE sync writes every value, format and the undo record. Earlier undo entries
 * are kept (the first previous value of a cell wins), so 撤销填报 undoes all fills since the last undo.
 */
export async function writeFills(run: ExcelRun, writes: readonly CellWrite[]): Promise<WriteFillsResult> {
  return run(async (context) => {
    const stored = context.workbook.settings.getItemOrNullObject(FILLS_KEY);
    stored.load('value');
    const targets = writes.map((w) => {
      const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
      range.load('values,numberFormat');
      return { w, range };
    });
    await context.sync();

    // Only entries the add-in could have written are carried over; a bad one would otherwise stay in the record.
    const before = stored.isNullObject ? null : parseUndo(stored.value).record;
    const entries: FillUndoEntry[] = [...(before?.entries ?? [])];
    const known = new Set(entries.map((e) => `${e.sheet}!${e.cell}`));
    const skipped: string[] = [];
    const todo: typeof targets = [];
    for (const t of targets) {
      const { w, range } = t;
      const previous = range.values[0][0];
      const previousFormat = range.numberFormat[0][0] as string;
      if (!isEmpty(previous)) {
        skipped.push(`${w.sheet}!${w.cell}`);
        continue;
      }
      const key = `${w.sheet}!${w.cell}`;
      if (!known.has(key)) entries.push({ sheet: w.sheet, cell: w.cell, previous: '', previousFormat, written: w.value });
      else {
        const i = entries.findIndex((e) => `${e.sheet}!${e.cell}` === key);
        entries[i] = { ...entries[i], written: w.value };
      }
      known.add(key);
      todo.push(t);
    }
    const undo: FillUndoRecord = { version: 1, entries };
    // The record is queued before the writes: a batch is not a transaction, and should a write fail part-way, the
    // cells written before it must still be undoable.
    if (todo.length) context.workbook.settings.add(FILLS_KEY, undo);
    for (const { w, range } of todo) {
      if (typeof w.value === 'string') range.numberFormat = [[TEXT_FORMAT]];
      else if (w.numberFormat && range.numberFormat[0][0] === 'General') range.numberFormat = [[w.numberFormat]];
      range.values = [[w.value]];
    }
    await context.sync();
    const written = todo.length;
    return { written, skipped, undo };
  });
}

/**
 * Which entries are fills the add-in could have made (e.g. the value the relations still determine for the cell):
 * the others are rejected rather than emptied, so a crafted record cannot clear amounts the user typed.
 */
export type FillOrigin = (entries: readonly FillUndoEntry[]) => ReadonlySet<string>;

/**
 * 撤销填报: empties each filled cell and puts back its number format, then forgets the record. A cell whose value is
 * no longer what was written (edited since) is left as the user made it, and so is a cell whose sheet is gone.
 * Entries that are not what the add-in writes, or that `isFill` does not recognise as a fill, are reported, never
 * applied. Three syncs: the record and sheet names, the cells' current values, then every restore at once.
 */
export async function undoFills(run: ExcelRun, isFill: FillOrigin): Promise<UndoFillsResult> {
  return run(async (context) => {
    const stored = context.workbook.settings.getItemOrNullObject(FILLS_KEY);
    stored.load('value');
    const names = context.workbook.worksheets;
    names.load('items/name');
    await context.sync();
    const parsed = stored.isNullObject ? { record: null, rejected: [] } : parseUndo(stored.value);
    const rejected = [...parsed.rejected];
    if (!parsed.record) {
      if (!stored.isNullObject) {
        context.workbook.settings.getItem(FILLS_KEY).delete();
        await context.sync();
      }
      return { restored: 0, changed: [], rejected };
    }
    const fills = isFill(parsed.record.entries);
    const entries = parsed.record.entries.filter((e) => {
      const key = `${e.sheet}!${e.cell}`;
      if (fills.has(key)) return true;
      rejected.push({ key, reason: '该值不是按勾稽关系推算出的填报值（可能并非决算助手所填），未清除' });
      return false;
    });
    const targets = entries.map((e) => ({ e, range: null as Excel.Range | null }));
    const present = new Set(names.items.map((w) => w.name));
    for (const t of targets) {
      if (!present.has(t.e.sheet)) continue;
      t.range = context.workbook.worksheets.getItem(t.e.sheet).getRange(t.e.cell);
      t.range.load('values');
    }
    await context.sync();
    const changed: string[] = [];
    let restored = 0;
    for (const { e, range } of targets) {
      // Still as before the fill (a write that never happened, or the user cleared it): nothing to restore.
      if (range && range.values[0][0] === e.previous) {
        range.numberFormat = [[e.previousFormat]];
        continue;
      }
      if (!range || range.values[0][0] !== e.written) {
        changed.push(`${e.sheet}!${e.cell}`);
        continue;
      }
      // Format first, then the empty value: nothing written here can be parsed as a number or formula.
      range.numberFormat = [[e.previousFormat]];
      range.values = [[e.previous]];
      restored++;
    }
    context.workbook.settings.getItem(FILLS_KEY).delete();
    await context.sync();
    return { restored, changed, rejected };
  });
}

export type InsertResult = { readonly done: true; readonly address: string } | { readonly done: false; readonly occupied: number; readonly address: string };

/** Queues text writes: text format first, then the values, one paragraph per row. */
function writeText(range: Excel.Range, paragraphs: readonly string[]): void {
  range.numberFormat = paragraphs.map(() => [TEXT_FORMAT]);
  range.values = paragraphs.map((p) => [p]);
  range.format.wrapText = true;
  range.format.verticalAlignment = 'Top';
}

/** Points: about 50 Chinese characters per line in the default 11-point font. */
export const NARRATIVE_COLUMN_WIDTH = 560;

/**
 * Writes the paragraphs into column A of the 情况说明 sheet (created when missing), as text, wrapped. When the sheet
 * already holds something and `overwrite` is false nothing is written and the number of occupied cells is returned,
 * for the pane to ask first.
 */
export type ParagraphKind = 'title' | 'h1' | 'h2' | 'p' | 'caption';

export async function writeNarrativeSheet(run: ExcelRun, paragraphs: readonly string[], overwrite: boolean, kinds: readonly ParagraphKind[] = []): Promise<InsertResult> {
  const address = `${NARRATIVE_SHEET}!A1:A${paragraphs.length}`;
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const exists = sheets.items.some((w) => w.name === NARRATIVE_SHEET);
    let ws: Excel.Worksheet;
    if (exists) {
      ws = sheets.getItem(NARRATIVE_SHEET);
      const used = ws.getUsedRange(true);
      used.load('values');
      await context.sync();
      const occupied = occupiedCells(used.values);
      if (occupied > 0 && !overwrite) return { done: false, occupied, address };
      if (occupied > 0) used.clear('Contents');
    } else {
      ws = sheets.add(NARRATIVE_SHEET);
    }
    const range = ws.getRange(`A1:A${paragraphs.length}`);
    writeText(range, paragraphs);
    range.format.columnWidth = NARRATIVE_COLUMN_WIDTH;
    // Headings bold, the title and figure captions centred, like the command line's --sheet output.
    kinds.forEach((k, i) => {
      if (k === 'p') return;
      const row = ws.getRange(`A${i + 1}`);
      if (k !== 'caption') row.format.font.bold = true;
      if (k === 'title' || k === 'caption') row.format.horizontalAlignment = 'Center';
    });
    range.format.autofitRows();
    ws.activate();
    await context.sync();
    return { done: true, address };
  });
}

/**
 * Writes the paragraphs downward from the active cell, as text, wrapped. When any of those cells holds something and
 * `overwrite` is false nothing is written and the number of occupied cells is returned.
 */
export async function writeAtActiveCell(run: ExcelRun, paragraphs: readonly string[], overwrite: boolean): Promise<InsertResult> {
  if (paragraphs.length === 0) return { done: true, address: '' };
  return run(async (context) => {
    const target = context.workbook.getActiveCell().getResizedRange(paragraphs.length - 1, 0);
    target.load('address,values');
    await context.sync();
    const occupied = occupiedCells(target.values);
    if (occupied > 0 && !overwrite) return { done: false, occupied, address: target.address };
    const { sheet, range } = splitAddress(target.address);
    writeText(context.workbook.worksheets.getItem(sheet).getRange(range), paragraphs);
    await context.sync();
    return { done: true, address: target.address };
  });
}

/** One row of the 补充信息 sheet, as the engine lays it out (the command line writes the same rows). */
export type SupplementRow = LayoutRow;

const SUPPLEMENT_WIDTHS = [150, 300, 100, 360];

/**
 * Adds the 补充信息 input sheet (键 / 项目 / 数值 / 原因/说明, as the command line writes it). An existing sheet is never
 * touched: the result says so. Labels and keys are written as text; amounts get `#,##0.00`, counts `0`.
 * What a D cell should hold is a cell note, as in the command line's sheet, where Excel has notes (`notes`: ExcelApi
 * 1.18); elsewhere it follows the label in column B, which the reader ignores.
 */
export async function addSupplementSheet(
  run: ExcelRun,
  sheetName: string,
  layout: readonly SupplementRow[],
  notes: boolean,
): Promise<{ created: boolean }> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    if (sheets.items.some((w) => w.name.replace(/\s/g, '') === sheetName)) return { created: false };
    const ws = sheets.add(sheetName);
    const rows: CellValue[][] = [['键', '项目', '数值', '原因/说明']];
    const formats: string[][] = [[TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT]];
    for (const r of layout) {
      const inLabel = [r.note, !notes && r.reasonHint ? reasonNote(r.reasonHint) : ''].filter(Boolean).join('；');
      rows.push([r.key, inLabel ? `${r.label}（${inLabel}）` : r.label, r.preset ?? '', '']);
      formats.push([TEXT_FORMAT, TEXT_FORMAT, !r.key || r.kind === 'text' ? TEXT_FORMAT : r.kind === 'amount' ? '#,##0.00' : '0', TEXT_FORMAT]);
    }
    const range = ws.getRange(`A1:D${rows.length}`);
    range.numberFormat = formats;
    range.values = rows;
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
    ws.getRange('A1:D1').format.font.bold = true;
    ws.freezePanes.freezeRows(1);
    layout.forEach((r, i) => {
      if (!r.key) ws.getRange(`A${i + 2}:D${i + 2}`).format.font.bold = true;
      if (notes && r.reasonHint) context.workbook.notes.add(ws.getRange(`D${i + 2}`), reasonNote(r.reasonHint));
    });
    SUPPLEMENT_WIDTHS.forEach((w, c) => {
      ws.getRange(a1(0, c)).format.columnWidth = w;
    });
    ws.activate();
    ws.getRange('C2').select();
    await context.sync();
    return { created: true };
  });
}
