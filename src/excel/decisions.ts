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
}

export const EMPTY_DECISIONS: Decisions = { version: 1, ignored: [], verified: [], marked: {} };

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

function isSavedBorder(x: unknown): x is SavedBorder {
  const b = x as SavedBorder;
  return !!b && typeof b.style === 'string' && typeof b.color === 'string' && typeof b.weight === 'string';
}

function isSavedFormat(x: unknown): x is SavedFormat {
  const f = x as SavedFormat;
  return (
    !!f &&
    (f.fill === null || typeof f.fill === 'string') &&
    typeof f.fontColor === 'string' &&
    !!f.borders &&
    isSavedBorder(f.borders.top) &&
    isSavedBorder(f.borders.bottom) &&
    isSavedBorder(f.borders.left) &&
    isSavedBorder(f.borders.right)
  );
}

/**
 * Reads what another reviewer (or an older version) stored under the two keys. Anything malformed is dropped rather
 * than trusted, because a bad saved format would be written back into the user's cells.
 */
export function parseDecisions(decisionsRaw: unknown, marksRaw: unknown): Decisions {
  const obj = (raw: unknown) => {
    const v = typeof raw === 'string' ? safeJson(raw) : raw;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  };
  const d = obj(decisionsRaw);
  const m = obj(marksRaw);
  const strings = (a: unknown) => (Array.isArray(a) ? a.filter((s): s is string => typeof s === 'string') : []);
  const marked: Record<string, SavedFormat> = {};
  if (m.marked && typeof m.marked === 'object') {
    for (const [k, f] of Object.entries(m.marked)) if (k.includes('!') && isSavedFormat(f)) marked[k] = f;
  }
  return { version: 1, ignored: strings(d.ignored), verified: strings(d.verified), marked };
}

/** What is stored under DECISIONS_KEY. */
export function storedDecisions(d: Decisions): { version: 1; ignored: readonly string[]; verified: readonly string[] } {
  return { version: 1, ignored: d.ignored, verified: d.verified };
}

/** What is stored under MARKS_KEY. */
export function storedMarks(d: Decisions): { version: 1; marked: Decisions['marked'] } {
  return { version: 1, marked: d.marked };
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
