import { Amount, CodedRow, CodedTable, Line, LineKeyOf, LinesTable } from '../model';
import { formatAmount } from '../money';
import { skipped, StatedRelation, Term } from '../relation';

/** What a relation with a missing amount is called: its text, else the label of an amount it has. */
function skippedText(text: string | undefined, amounts: ReadonlyArray<Amount | undefined | null>, fallback: string): string {
  return text ?? amounts.find((a) => a)?.label ?? fallback;
}

/** A sum relation, or a skipped one when an amount is missing (unreadable cell or column: reported elsewhere). */
export function sumOf(lhs: Amount | undefined | null, parts: ReadonlyArray<Amount | undefined | null>, text?: string): StatedRelation {
  if (!lhs || parts.some((p) => !p)) return skipped(skippedText(text, [lhs, ...parts], '合计 = 各项之和'));
  const rhs = positive(parts);
  return { kind: 'sum', lhs, rhs, text: text ?? describeSum(lhs, rhs) };
}

/** Each amount with sign +1; the callers have returned null if one is missing. */
function positive(parts: ReadonlyArray<Amount | undefined | null>): Term[] {
  return parts.map((amount) => ({ amount: amount!, sign: 1 }));
}

export function signedSum(lhs: Amount | undefined | null, terms: ReadonlyArray<[Amount | undefined | null, 1 | -1]>, text: string): StatedRelation {
  if (!lhs || terms.some(([a]) => !a)) return skipped(text);
  const rhs: Term[] = terms.map(([amount, sign]) => ({ amount: amount as Amount, sign }));
  return { kind: 'sum', lhs, rhs, text };
}

export function same(lhs: Amount | undefined | null, rhs: Amount | undefined | null, text?: string): StatedRelation {
  if (!lhs || !rhs) return skipped(text ?? `${(lhs ?? rhs)?.label ?? '同一数字'} 与其另一处相同`);
  return { kind: 'same', lhs, rhs, text: text ?? `${lhs.label} 与 ${rhs.label} 是同一数字` };
}

export function atMost(parts: ReadonlyArray<Amount | undefined | null>, whole: Amount | undefined | null, text?: string): StatedRelation {
  if (!whole || parts.some((p) => !p)) return skipped(skippedText(text, [whole, ...parts], '部分不超过整体'));
  const lhs = positive(parts);
  return { kind: 'le', lhs, rhs: whole, text: text ?? `${lhs.map((t) => t.amount.label).join(' + ')} 不超过 ${whole.label}` };
}

export function describeSum(lhs: Amount, rhs: ReadonlyArray<Term>): string {
  if (rhs.length > 4) return `${lhs.label} = 其下 ${rhs.length} 项之和`;
  return `${lhs.label} = ${rhs.map((t) => t.amount.label).join(' + ')}`;
}

export function line<T extends LinesTable>(t: T | undefined, key: LineKeyOf<T>): Line | undefined {
  return (t?.lines as ReadonlyMap<LineKeyOf<T>, Line> | undefined)?.get(key);
}

export function lineAmount<T extends LinesTable>(t: T | undefined, key: LineKeyOf<T>, n: number): Amount | undefined {
  return line(t, key)?.amounts.get(n);
}

/**
 * Per-table lookups the rules ask for again and again, built once per (immutable) table: expense 类 lines,
 * rows by code, and each row's direct children (by the parent's code; '' for the 合计 row).
 */
const CLASS_LINES = new WeakMap<LinesTable, ReadonlyArray<{ code: string; line: Line }>>();
const CODED_INDEX = new WeakMap<CodedTable, { byCode: Map<string, CodedRow>; children: Map<string, CodedRow[]> }>();

/** Expense 类 lines of 01 or 04 (keys `c201` …) with their codes. */
export function classLines(t: LinesTable): ReadonlyArray<{ code: string; line: Line }> {
  let out = CLASS_LINES.get(t);
  if (!out) {
    const list: Array<{ code: string; line: Line }> = [];
    for (const [k, line] of t.lines) if (k.startsWith('c')) list.push({ code: k.slice(1), line });
    CLASS_LINES.set(t, (out = list));
  }
  return out;
}

function codedIndex(t: CodedTable): { byCode: Map<string, CodedRow>; children: Map<string, CodedRow[]> } {
  let index = CODED_INDEX.get(t);
  if (!index) {
    index = { byCode: new Map(), children: new Map() };
    for (const r of t.rows) {
      if (!index.byCode.has(r.code!)) index.byCode.set(r.code!, r);
      const parent = r.level === '类' ? '' : r.code!.slice(0, r.code!.length - 2);
      const kids = index.children.get(parent);
      if (kids) kids.push(r);
      else index.children.set(parent, [r]);
    }
    CODED_INDEX.set(t, index);
  }
  return index;
}

const NO_ROWS: ReadonlyArray<CodedRow> = [];

/** Direct children of a row in a coded table: 合计 → 类, 类 → its 款, 款 → its 项. */
export function childrenOf(t: CodedTable, parent: CodedRow | null): ReadonlyArray<CodedRow> {
  if (parent?.level === '项') return NO_ROWS;
  return codedIndex(t).children.get(!parent || parent.level === '合计' ? '' : parent.code!) ?? NO_ROWS;
}

export function rowByCode(t: CodedTable | undefined, code: string): CodedRow | undefined {
  return t && codedIndex(t).byCode.get(code);
}

/** A read amount is zero exactly when the cell is blank, 0 or "-" (`exactZero`); no Decimal needed. */
export function isZero(a: Amount | undefined | null): boolean {
  return !a || a.exactZero;
}

export function shown(a: Amount): string {
  return `${formatAmount(a.value, a.step.lessThan(1) ? a.step.decimalPlaces() : 0)} ${a.unit}`;
}
