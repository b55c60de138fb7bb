import Decimal from 'decimal.js';
import { refKey } from '../a1';
import { Amount } from '../model';
import { fromYuan, toYuan } from '../money';
import { Relation, relationTerms } from '../relation';
import { Role } from './roles';

/** How a derived figure was obtained. */
export type Derivation = 'copy' | 'sum' | 'difference';

/** A figure the solver knows: shown in the workbook, or derived. */
export interface Known {
  /** In the amount's own unit. */
  readonly value: Decimal;
  /**
   * Half-width of the interval of exact values the figure stands for, in 元: half a display step for a shown
   * non-zero figure, 0 for a shown zero, and the sum over its terms for a derived one (rules.md §1).
   */
  readonly half: Decimal;
  /** Number of shown non-zero figures the value is computed from (1 for a shown figure). */
  readonly terms: number;
  readonly derived: boolean;
  /**
   * Follows from entered figures only (inputs, and lines the rules make 0). A shown total is not grounded, nor
   * is anything derived from one: a total typed wrong must not win over the sum of the figures entered.
   */
  readonly grounded: boolean;
  readonly how?: Derivation;
  readonly rule?: string;
  readonly rel?: Relation;
  /** For a copy: the figure copied. */
  readonly source?: Amount;
}

/** A derivation the solver refused: the relations give a negative figure beyond rounding. */
export interface Refusal {
  readonly amount: Amount;
  readonly value: Decimal;
  readonly rule: string;
  readonly rel: Relation;
}

export interface Solution {
  readonly known: ReadonlyMap<string, Known>;
  readonly refused: ReadonlyArray<Refusal>;
}

interface Candidate {
  readonly target: Amount;
  readonly priority: number;
  readonly grounded: boolean;
  readonly rule: string;
  readonly rel: Relation;
}

function shownHalf(a: Amount): Decimal {
  return a.exactZero ? new Decimal(0) : toYuan(a.step, a.unit).dividedBy(2);
}

function roundToStep(value: Decimal, a: Amount): Decimal {
  const dp = a.step.lessThan(1) ? a.step.decimalPlaces() : 0;
  return value.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP);
}

/**
 * Solves the sum and same relations for the blank amounts, one unknown at a time.
 *
 * Order matters only through rounding (a total derived from its 款 and from 06 can differ by 尾差), so each
 * round takes the most direct derivations first: copies of a figure shown elsewhere, then totals of parts in
 * the same table, then totals across tables, then a part as the difference of a total and the other parts.
 * Derivations from entered figures come before any derivation that uses a shown total; when nothing more
 * follows from entered figures, blank inputs count as 0 (blank means zero) and solving resumes.
 */
export function solve(
  relations: ReadonlyArray<{ rule: string; rel: Relation }>,
  roles: ReadonlyMap<string, { amount: Amount; role: Role }>,
  /** Shown totals found to disagree with their parts: solved for like blanks (never written), not used as given. */
  distrusted: ReadonlySet<string> = new Set(),
): Solution {
  const known = new Map<string, Known>();
  const pending = new Set<string>();
  const blocked = new Set<string>();
  const refused: Refusal[] = [];
  const roleOf = (a: Amount): Role => roles.get(refKey(a.ref))?.role ?? 'input';

  // Each relation with its terms and how many of them are still unknown; relations down to one are ready.
  const usable = relations
    .filter((r) => r.rel.kind !== 'le')
    .map((r) => {
      const terms = relationTerms(r.rel);
      return { ...r, terms, keys: terms.map((t) => refKey(t.amount.ref)) };
    });
  const byKey = new Map<string, number[]>();
  usable.forEach((u, i) => u.keys.forEach((k) => byKey.set(k, [...(byKey.get(k) ?? []), i])));
  const open = usable.map((u) => u.keys.length);
  const ready = new Set<number>();
  // The same figure shown twice: once one is derived, the other must be its copy, not a second derivation.
  const partners = new Map<string, string[]>();
  for (const u of usable) {
    if (u.rel.kind !== 'same') continue;
    partners.set(u.keys[0], [...(partners.get(u.keys[0]) ?? []), u.keys[1]]);
    partners.set(u.keys[1], [...(partners.get(u.keys[1]) ?? []), u.keys[0]]);
  }
  const learn = (k: string, x: Known) => {
    known.set(k, x);
    for (const i of byKey.get(k) ?? []) {
      open[i]--;
      if (open[i] === 1) ready.add(i);
      else ready.delete(i);
    }
  };

  const seed = (a: Amount) => {
    const k = refKey(a.ref);
    if (known.has(k) || pending.has(k) || distrusted.has(k)) return;
    const role = roleOf(a);
    if (!a.blank) learn(k, { value: a.value, half: shownHalf(a), terms: a.exactZero ? 0 : 1, derived: false, grounded: role !== 'derived' });
    else if (role === 'zero') learn(k, { value: new Decimal(0), half: new Decimal(0), terms: 0, derived: false, grounded: true });
    else if (role === 'input') pending.add(k);
  };
  for (const { amount } of roles.values()) seed(amount);
  for (const u of usable) for (const t of u.terms) seed(t.amount);
  open.forEach((n, i) => {
    if (n === 1) ready.add(i);
  });

  for (;;) {
    const candidates: Candidate[] = [];
    for (const i of [...ready].sort((x, y) => x - y)) {
      const { rule, rel, terms, keys } = usable[i];
      const j = keys.findIndex((k) => !known.has(k));
      if (blocked.has(keys[j])) continue;
      const target = terms[j].amount;
      let priority: number;
      if (rel.kind === 'same') priority = 0;
      else if (rel.kind === 'sum' && rel.lhs === target) priority = terms.every((t) => t.amount.table === target.table) ? 1 : 2;
      else priority = 3;
      const grounded = keys.every((k, n) => n === j || known.get(k)!.grounded);
      candidates.push({ target, priority, grounded, rule, rel });
    }
    // Entered figures first; then inputs left blank count as 0; only then derivations from shown totals.
    let chosen = candidates.filter((c) => c.grounded);
    if (!chosen.length && pending.size) {
      const zeroed = [...pending];
      pending.clear();
      for (const k of zeroed) learn(k, { value: new Decimal(0), half: new Decimal(0), terms: 0, derived: false, grounded: true });
      continue;
    }
    if (!chosen.length) chosen = candidates;
    if (!chosen.length) break;
    const best = Math.min(...chosen.map((c) => c.priority));
    const done = new Set<string>();
    for (const c of chosen) {
      const k = refKey(c.target.ref);
      if (c.priority !== best || done.has(k) || known.has(k)) continue;
      if (c.rel.kind !== 'same' && (partners.get(k) ?? []).some((p) => done.has(p))) continue;
      done.add(k);
      derive(c, k);
    }
  }
  return { known, refused };

  function derive(c: Candidate, k: string): void {
    const terms = relationTerms(c.rel);
    const own = terms.find((t) => t.amount === c.target)!;
    let residual = new Decimal(0);
    let half = new Decimal(0);
    let count = 0;
    for (const t of terms) {
      if (t.amount === c.target) continue;
      const x = known.get(refKey(t.amount.ref))!;
      residual = residual.plus(toYuan(x.value, t.amount.unit).times(t.coef));
      half = half.plus(x.half);
      count += x.terms;
    }
    // Σ coef·x = 0, so the target is −residual / coef.
    const yuan = residual.negated().times(own.coef);
    let value = roundToStep(fromYuan(yuan, c.target.unit), c.target);
    const how: Derivation = c.rel.kind === 'same' ? 'copy' : c.priority === 3 ? 'difference' : 'sum';
    if (how === 'difference') {
      const wasInput = pending.has(k);
      // Within rounding of zero: an entered figure left blank stays 0, and no total is negative.
      if ((wasInput && yuan.abs().lessThanOrEqualTo(half)) || (yuan.isNegative() && yuan.abs().lessThanOrEqualTo(half))) value = new Decimal(0);
      else if (yuan.isNegative()) {
        blocked.add(k);
        refused.push({ amount: c.target, value, rule: c.rule, rel: c.rel });
        return;
      }
    }
    pending.delete(k);
    const source = how === 'copy' ? terms.find((t) => t.amount !== c.target)!.amount : undefined;
    learn(k, { value, half, terms: count, derived: true, grounded: c.grounded, how, rule: c.rule, rel: c.rel, source });
  }
}
