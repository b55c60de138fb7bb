import Decimal from 'decimal.js';
import { Amount } from './model';
import { fromYuan, toYuan } from './money';

export interface Term {
  readonly amount: Amount;
  readonly sign: 1 | -1;
}

/**
 * A relation between shown amounts, in the sense of rules.md §1.
 * - `sum`: lhs = Σ sign·rhs; broken only when no exact values inside the rounding intervals satisfy it.
 * - `same`: the same quantity shown twice: the shown figures should be identical; copies rounded separately may
 *   differ by the rounding of the two (a warning asking for one value), a larger difference breaks it.
 * - `le`: Σ sign·lhs ≤ rhs (a part never exceeds its whole), with the same interval semantics.
 */
export type Relation =
  | { readonly kind: 'sum'; readonly lhs: Amount; readonly rhs: ReadonlyArray<Term>; readonly text: string }
  | { readonly kind: 'same'; readonly lhs: Amount; readonly rhs: Amount; readonly text: string }
  | { readonly kind: 'le'; readonly lhs: ReadonlyArray<Term>; readonly rhs: Amount; readonly text: string };

/**
 * A relation the layout allows that could not be stated because an amount it needs is missing (a line or column
 * the table lacks, an unreadable cell). It is counted and named in the report, never dropped in silence.
 */
export interface SkippedRelation {
  readonly kind: 'skipped';
  readonly text: string;
}

export type StatedRelation = Relation | SkippedRelation;

export function skipped(text: string): SkippedRelation {
  return { kind: 'skipped', text };
}

export interface Evaluation {
  readonly broken: boolean;
  /** Not broken, but the shown figures differ: 尾差. */
  readonly rounding: boolean;
  /** Values in the target's unit. */
  readonly expected: Decimal;
  readonly actual: Decimal;
  readonly difference: Decimal;
  readonly tolerance: Decimal;
}

/** Every amount of the relation with its coefficient in `Σ coef·x = 0` (sum) or `Σ coef·x ≤ 0` (le). */
export function relationTerms(rel: Relation): Array<{ amount: Amount; coef: 1 | -1 }> {
  switch (rel.kind) {
    case 'sum':
      return [{ amount: rel.lhs, coef: 1 }, ...rel.rhs.map((t) => ({ amount: t.amount, coef: (-t.sign) as 1 | -1 }))];
    case 'same':
      return [
        { amount: rel.lhs, coef: 1 },
        { amount: rel.rhs, coef: -1 },
      ];
    case 'le':
      return [...rel.lhs.map((t) => ({ amount: t.amount, coef: t.sign })), { amount: rel.rhs, coef: -1 }];
  }
}

function halfStepYuan(a: Amount): Decimal {
  return a.exactZero ? new Decimal(0) : toYuan(a.step, a.unit).dividedBy(2);
}

const HOLDS = { broken: false, rounding: false } as const;

/**
 * Σ coef·li and Σ halfStepLi of a relation, walked without building its term list. Null when an amount has no
 * `li`, or when the sums could leave the integers a double holds exactly (Σ|li| + halfStepLi beyond 2^53).
 */
export function liSums(rel: Relation): { residual: number; bound: number } | null {
  // Plain loops over local numbers: a helper closure would box every partial sum.
  // Σ coef·x = 0 (sum, same) or ≤ 0 (le): lhs counts +1 and rhs −1, each term times its sign.
  const single = rel.kind === 'le' ? rel.rhs : rel.lhs;
  const others = rel.kind === 'sum' ? rel.rhs : rel.kind === 'le' ? rel.lhs : null;
  if (single.li === null) return null;
  let residual = rel.kind === 'le' ? -single.li : single.li;
  let bound = single.halfStepLi;
  let magnitude = Math.abs(single.li) + single.halfStepLi;
  if (others) {
    const side = rel.kind === 'sum' ? -1 : 1;
    for (const t of others) {
      const li = t.amount.li;
      if (li === null) return null;
      residual += side * t.sign * li;
      bound += t.amount.halfStepLi;
      magnitude += Math.abs(li) + t.amount.halfStepLi;
    }
  } else if (rel.kind === 'same') {
    const li = rel.rhs.li;
    if (li === null) return null;
    residual -= li;
    bound += rel.rhs.halfStepLi;
    magnitude += Math.abs(li) + rel.rhs.halfStepLi;
  }
  return magnitude <= Number.MAX_SAFE_INTEGER ? { residual, bound } : null;
}

/**
 * Whether a relation is broken, or holds only up to 尾差: exact integer arithmetic in 厘, the fast path for the
 * hundreds of relations of a workbook (most of which hold exactly). Falls back to `evaluate` for odd values.
 */
export function relationStatus(rel: Relation): { broken: boolean; rounding: boolean } {
  const sums = liSums(rel);
  if (!sums) return evaluate(rel, relationTerms(rel)[0].amount);
  const { residual, bound } = sums;
  if (residual === 0) return HOLDS;
  const abs = Math.abs(residual);
  // Two copies rounded separately may differ by up to the sum of their half steps: a warning, not an error.
  if (rel.kind === 'same') return { broken: abs > bound, rounding: abs <= bound };
  if (rel.kind === 'le') return { broken: residual > bound, rounding: false };
  return { broken: abs > bound, rounding: abs <= bound };
}

/** Σ coef·x and the rounding bound, in 元: summed as integer 厘 when every value allows it, else in Decimal. */
function residualAndBound(rel: Relation, terms: ReadonlyArray<{ amount: Amount; coef: 1 | -1 }>): { residual: Decimal; bound: Decimal } {
  const sums = liSums(rel);
  if (sums) return { residual: new Decimal(sums.residual).dividedBy(1000), bound: new Decimal(sums.bound).dividedBy(1000) };
  let residual = new Decimal(0);
  let bound = new Decimal(0);
  for (const x of terms) {
    residual = residual.plus(toYuan(x.amount.value, x.amount.unit).times(x.coef));
    bound = bound.plus(halfStepYuan(x.amount));
  }
  return { residual, bound };
}

/**
 * Evaluates a relation, reporting expected/actual from the point of view of `target`
 * (one of its amounts): the value the target would need for the relation to hold exactly.
 */
export function evaluate(rel: Relation, target: Amount): Evaluation {
  const terms = relationTerms(rel);
  const t = terms.find((x) => x.amount === target);
  if (!t) throw new Error('target is not part of the relation');
  const { residual, bound } = residualAndBound(rel, terms);
  const actualY = toYuan(target.value, target.unit);
  // Solve Σ coef·x = 0 for the target: x_t = x_t − residual / coef_t.
  const expectedY = actualY.minus(residual.times(t.coef));
  let broken: boolean;
  let rounding = false;
  if (rel.kind === 'sum' || rel.kind === 'same') {
    broken = residual.abs().greaterThan(bound);
    rounding = !broken && !residual.isZero();
  } else {
    broken = residual.greaterThan(bound);
  }
  const u = target.unit;
  return {
    broken,
    rounding,
    expected: fromYuan(expectedY, u),
    actual: target.value,
    difference: fromYuan(actualY.minus(expectedY), u),
    tolerance: fromYuan(bound, u),
  };
}
