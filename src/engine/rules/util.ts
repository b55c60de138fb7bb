import { Amount, CodedRow, CodedTable, Line, LinesTable } from '../model';
import { formatAmount } from '../money';
import { plus, Relation, Term } from '../relation';

/** A sum relation, or null when an amount is missing (unreadable cell or column: reported elsewhere). */
export function sumOf(lhs: Amount | undefined | null, parts: ReadonlyArray<Amount | undefined | null>, text?: string): Relation | null {
  if (!lhs || parts.some((p) => !p)) return null;
  const rhs = plus(...(parts as Amount[]));
  return { kind: 'sum', lhs, rhs, text: text ?? describeSum(lhs, rhs) };
}

export function signedSum(lhs: Amount | undefined | null, terms: ReadonlyArray<[Amount | undefined | null, 1 | -1]>, text: string): Relation | null {
  if (!lhs || terms.some(([a]) => !a)) return null;
  const rhs: Term[] = terms.map(([amount, sign]) => ({ amount: amount as Amount, sign }));
  return { kind: 'sum', lhs, rhs, text };
}

export function same(lhs: Amount | undefined | null, rhs: Amount | undefined | null, text?: string): Relation | null {
  if (!lhs || !rhs) return null;
  return { kind: 'same', lhs, rhs, text: text ?? `${lhs.label} 与 ${rhs.label} 是同一数字` };
}

export function atMost(parts: ReadonlyArray<Amount | undefined | null>, whole: Amount | undefined | null, text?: string): Relation | null {
  if (!whole || parts.some((p) => !p)) return null;
  const lhs = plus(...(parts as Amount[]));
  return { kind: 'le', lhs, rhs: whole, text: text ?? `${lhs.map((t) => t.amount.label).join(' + ')} 不超过 ${whole.label}` };
}

export function describeSum(lhs: Amount, rhs: ReadonlyArray<Term>): string {
  if (rhs.length > 4) return `${lhs.label} = 其下 ${rhs.length} 项之和`;
  return `${lhs.label} = ${rhs.map((t) => t.amount.label).join(' + ')}`;
}

export function line(t: LinesTable | undefined, key: string): Line | undefined {
  return t?.lines.get(key);
}

export function lineAmount(t: LinesTable | undefined, key: string, n: number): Amount | undefined {
  return t?.lines.get(key)?.amounts.get(n);
}

/** Expense 类 lines of 01 or 04 (keys `c201` …) with their codes. */
export function classLines(t: LinesTable): Array<{ code: string; line: Line }> {
  return [...t.lines.entries()].filter(([k]) => k.startsWith('c')).map(([k, l]) => ({ code: k.slice(1), line: l }));
}

/** Direct children of a row in a coded table: 合计 → 类, 类 → its 款, 款 → its 项. */
export function childrenOf(t: CodedTable, parent: CodedRow | null): CodedRow[] {
  if (!parent || parent.level === '合计') return t.rows.filter((r) => r.level === '类');
  if (parent.level === '项') return [];
  const len = parent.level === '类' ? 5 : 7;
  return t.rows.filter((r) => r.code!.length === len && r.code!.startsWith(parent.code!));
}

export function rowByCode(t: CodedTable | undefined, code: string): CodedRow | undefined {
  return t?.rows.find((r) => r.code === code);
}

/** A read amount is zero exactly when the cell is blank, 0 or "-" (`exactZero`); no Decimal needed. */
export function isZero(a: Amount | undefined | null): boolean {
  return !a || a.exactZero;
}

export function shown(a: Amount): string {
  return `${formatAmount(a.value, a.step.lessThan(1) ? a.step.decimalPlaces() : 0)} ${a.unit}`;
}
