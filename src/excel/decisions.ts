/**
 * Reviewers' decisions and the formats the add-in replaced, as stored inside the workbook.
 * Pure data and functions: the task pane uses them without touching Office.js; src/excel/adapter.ts persists them.
 */
import type { Finding } from '../engine';

/**
 * workbook.settings keys. Reviewers' decisions and the saved formats are kept apart so that storing a decision in
 * the task pane never overwrites formats that the ribbon command (a separate runtime) saved meanwhile.
 */
export const DECISIONS_KEY = 'juesuan.decisions';
export const MARKS_KEY = 'juesuan.marks';

export interface SavedBorder {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

/** A cell's own format before the add-in marked it; `fill: null` is No Fill. */
export interface SavedFormat {
  readonly fill: string | null;
  readonly fontColor: string;
  readonly borders: { readonly top: SavedBorder; readonly bottom: SavedBorder; readonly left: SavedBorder; readonly right: SavedBorder };
}

export interface Decisions {
  readonly version: 1;
  /** Finding keys (see findingKey) the reviewers chose to ignore. */
  readonly ignored: readonly string[];
  /** Finding keys reviewers checked and confirmed; they stay listed but are no longer highlighted. */
  readonly verified: readonly string[];
  /** Cells currently marked (`sheet!A1`) with their original formats. */
  readonly marked: Readonly<Record<string, SavedFormat>>;
  /** 标记单元格 was chosen and not cleared since: every re-check brings the marks up to date with its findings. */
  readonly marking: boolean;
}

export const EMPTY_DECISIONS: Decisions = { version: 1, ignored: [], verified: [], marked: {}, marking: false };

/** Rule id + sheet + cell: stable across re-checks, and the same for every reviewer of the file. */
export function findingKey(f: Pick<Finding, 'rule' | 'sheet' | 'cell'>): string {
  return `${f.rule}|${f.sheet}|${f.cell}`;
}

export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function splitCellKey(key: string): { sheet: string; cell: string } {
  const i = key.lastIndexOf('!');
  return { sheet: key.slice(0, i), cell: key.slice(i + 1) };
}

/** Excel's limits: 16,384 columns (XFD), 1,048,576 rows; a sheet name is 1–31 characters without : \\ / ? * [ ]. */
const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;
const CELL_RE = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const SHEET_RE = /^[^:\\/?*[\]\u0000-\u001f]{1,31}$/;

/** `sheet!A1` naming one cell of a possible sheet, or null: a stored record may name nothing else. */
export function parseCellKey(key: unknown): { sheet: string; cell: string } | null {
  if (typeof key !== 'string') return null;
  const { sheet, cell } = splitCellKey(key);
  return validSheetName(sheet) && validCell(cell) ? { sheet, cell } : null;
}

export function validSheetName(sheet: unknown): sheet is string {
  return typeof sheet === 'string' && SHEET_RE.test(sheet) && !sheet.startsWith("'") && !sheet.endsWith("'");
}

export function validCell(cell: unknown): cell is string {
  if (typeof cell !== 'string') return false;
  const m = CELL_RE.exec(cell);
  if (!m) return false;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c <= MAX_COLUMN && Number(m[2]) <= MAX_ROW;
}

const COLOR_RE = /^#[0-9A-F]{6}$/i;
/** Excel.BorderLineStyle and Excel.BorderWeight: the only values a saved border may hold. */
const BORDER_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
const BORDER_WEIGHTS = new Set(['Hairline', 'Thin', 'Medium', 'Thick']);

function isSavedBorder(x: unknown): x is SavedBorder {
  const b = x as SavedBorder;
  return !!b && BORDER_STYLES.has(b.style) && typeof b.color === 'string' && COLOR_RE.test(b.color) && BORDER_WEIGHTS.has(b.weight);
}

function isSavedFormat(x: unknown): x is SavedFormat {
  const f = x as SavedFormat;
  return (
    !!f &&
    typeof f === 'object' &&
    (f.fill === null || (typeof f.fill === 'string' && COLOR_RE.test(f.fill))) &&
    typeof f.fontColor === 'string' &&
    COLOR_RE.test(f.fontColor) &&
    !!f.borders &&
    isSavedBorder(f.borders.top) &&
    isSavedBorder(f.borders.bottom) &&
    isSavedBorder(f.borders.left) &&
    isSavedBorder(f.borders.right)
  );
}

/** A stored record the add-in refused to use, and why, for the pane to report. */
export interface RejectedRecord {
  /** `sheet!A1`, or the raw key when it names no cell. */
  readonly key: string;
  readonly reason: string;
}

export interface StoredState {
  readonly decisions: Decisions;
  /** Mark records that are not what the add-in writes: never restored into cells. */
  readonly rejected: readonly RejectedRecord[];
}

/** At most this many characters of a bad key are quoted back to the user. */
const QUOTE_LIMIT = 40;
export const quoteKey = (k: string) => (k.length > QUOTE_LIMIT ? `${k.slice(0, QUOTE_LIMIT)}…` : k);

/**
 * Reads what another reviewer (or an older version) stored under the two keys. A mark record is used only when it
 * names one cell and holds a format the add-in itself saves (colours `#RRGGBB`, Excel's border styles and weights):
 * anything else is reported and dropped, because a saved format is written back into the user's cells.
 */
export function parseDecisions(decisionsRaw: unknown, marksRaw: unknown): StoredState {
  const obj = (raw: unknown) => {
    const v = typeof raw === 'string' ? safeJson(raw) : raw;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  };
  const d = obj(decisionsRaw);
  const m = obj(marksRaw);
  const strings = (a: unknown) => (Array.isArray(a) ? a.filter((s): s is string => typeof s === 'string') : []);
  const marked: Record<string, SavedFormat> = {};
  const rejected: RejectedRecord[] = [];
  if (m.marked && typeof m.marked === 'object' && !Array.isArray(m.marked)) {
    for (const [k, f] of Object.entries(m.marked)) {
      if (!parseCellKey(k)) rejected.push({ key: quoteKey(k), reason: '不是一个单元格的地址' });
      else if (!isSavedFormat(f)) rejected.push({ key: k, reason: '保存的原格式不完整或含无效的颜色、边框' });
      else marked[k] = f;
    }
  } else if (m.marked !== undefined) {
    rejected.push({ key: MARKS_KEY, reason: '标记记录的格式无效' });
  }
  return { decisions: { version: 1, ignored: strings(d.ignored), verified: strings(d.verified), marked, marking: m.on === true }, rejected };
}

/** What is stored under DECISIONS_KEY. */
export function storedDecisions(d: Decisions): { version: 1; ignored: readonly string[]; verified: readonly string[] } {
  return { version: 1, ignored: d.ignored, verified: d.verified };
}

/** What is stored under MARKS_KEY. */
export function storedMarks(d: Decisions): { version: 1; on: boolean; marked: Decisions['marked'] } {
  return { version: 1, on: d.marking, marked: d.marked };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function toggle(list: readonly string[], key: string, on: boolean): string[] {
  const rest = list.filter((k) => k !== key);
  return on ? [...rest, key].sort() : rest;
}

export function setIgnored(d: Decisions, key: string, on: boolean): Decisions {
  return { ...d, ignored: toggle(d.ignored, key, on) };
}

export function setVerified(d: Decisions, key: string, on: boolean): Decisions {
  return { ...d, verified: toggle(d.verified, key, on) };
}

export function resetIgnored(d: Decisions): Decisions {
  return { ...d, ignored: [] };
}

export type MarkKind = 'error' | 'warning' | 'related';

/**
 * The fills the add-in paints (Excel's "light red fill", "yellow fill" presets and a light blue). A saved format is
 * restored only onto a cell that still shows one of them: the add-in's own mark, not a colour the user chose since.
 */
export const MARK_FILLS: Readonly<Record<MarkKind, string>> = { error: '#FFC7CE', warning: '#FFEB9C', related: '#DDEBF7' };

/**
 * Which cells to mark and how: errors red, warnings amber, the other cells of their relations light.
 * 尾差 (info), ignored and verified findings are not marked, because they need no action.
 * A cell keeps its strongest mark when several findings touch it.
 */
export function planMarks(findings: readonly Finding[], d: Decisions): Map<string, MarkKind> {
  const rank: Record<MarkKind, number> = { error: 3, warning: 2, related: 1 };
  const plan = new Map<string, MarkKind>();
  const put = (key: string, kind: MarkKind) => {
    const old = plan.get(key);
    if (!old || rank[kind] > rank[old]) plan.set(key, kind);
  };
  const skip = new Set([...d.ignored, ...d.verified]);
  for (const f of findings) {
    if (f.severity === 'info' || skip.has(findingKey(f))) continue;
    put(cellKey(f.sheet, f.cell), f.severity);
    for (const r of f.related) put(cellKey(r.sheet, r.cell), 'related');
  }
  return plan;
}
