import Decimal from 'decimal.js';
import { refKey } from '../a1';
import { Amount } from '../model';
import { toYuan } from '../money';
import { Relation, relationTerms } from '../relation';

/**
 * A derived figure the fill writes: its value from its own derivation (`primary`), and how far it may move
 * (`tolerance`, in the amount's unit: the 尾差 stated for it, which is also what its own relation allows once
 * it is shown, rules.md §1).
 */
export interface Unknown {
  readonly amount: Amount;
  readonly primary: Decimal;
  readonly tolerance: Decimal;
  /** A figure the user enters (role `input`), blank and derived only as a copy or a difference. */
  readonly entered: boolean;
}

interface Term {
  readonly key: string;
  readonly amount: Amount;
  readonly coef: 1 | -1;
}

interface Rel {
  readonly kind: Relation['kind'];
  /** A copy shown with the same unit and step: the shown figures must be identical. */
  readonly identical: boolean;
  readonly terms: ReadonlyArray<Term>;
}

/** Moves in all; each strictly lowers the total excess, so this only bounds the work. */
const MAX_MOVES = 400;
/** Relations judged in all: a bound on the work for any workbook (a clean one needs a few thousand). */
const MAX_JUDGED = 500_000;

/**
 * Settles over-determined derived figures. A derived cell stated by more than one relation (05 合计 基本支出
 * from 05's rows and from 06 人员经费 + 公用经费) is derived through one of them, as the exact sum of rounded
 * figures; another relation over other rounded figures may then disagree by more than its tight bound. The
 * published figures satisfy every relation because each is the rounding of one exact value; so must the fill.
 *
 * After the solve, the relations are judged as the checker will judge them on the filled workbook (each
 * non-zero shown figure ± half its step, copies identical). While some relation over a derived figure is
 * broken, the derived figures (a figure and its copies move together) are moved by whole steps, each within
 * its own tolerance of its primary derivation, choosing at each move the one that lowers the total excess of
 * the broken relations most (then the one nearest its primary value). A chain of single-part totals (a 类 with
 * one 款 with one 项) is also tried as one move; when no single move helps, two are tried together. When nothing
 * helps, the rest is left as it was: the checker reports it.
 *
 * Returns the new value of each figure that moved, in its unit.
 */
export function settle(relations: ReadonlyArray<{ rel: Relation }>, unknowns: ReadonlyMap<string, Unknown>): Map<string, Decimal> {
  const current = new Map<string, Decimal>();
  for (const [k, u] of unknowns) current.set(k, u.primary);

  const rels: Rel[] = [];
  const relsOf = new Map<string, number[]>();
  for (const { rel } of relations) {
    const terms = relationTerms(rel).map((t) => ({ key: refKey(t.amount.ref), amount: t.amount, coef: t.coef }));
    if (!terms.some((t) => unknowns.has(t.key))) continue;
    const identical = rel.kind === 'same' && rel.lhs.unit === rel.rhs.unit && rel.lhs.step.equals(rel.rhs.step);
    const i = rels.push({ kind: rel.kind, identical, terms }) - 1;
    for (const t of terms) if (unknowns.has(t.key)) relsOf.set(t.key, [...new Set([...(relsOf.get(t.key) ?? []), i])]);
  }
  if (!rels.length) return new Map();

  // Copies shown alike move together.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  for (const r of rels) {
    if (!r.identical) continue;
    const [a, b] = r.terms.map((t) => t.key);
    if (!unknowns.has(a) || !unknowns.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const members = new Map<string, string[]>();
  for (const k of unknowns.keys()) members.set(find(k), [...(members.get(find(k)) ?? []), k]);
  // A total of a single part (a 类 with one 款 with one 项) may differ from it by a step, yet usually moves with
  // it: such chains are also tried as one move.
  const chainParent = new Map<string, string>();
  const findChain = (k: string): string => {
    let r = find(k);
    while (chainParent.has(r)) r = chainParent.get(r)!;
    return r;
  };
  for (const r of rels) {
    if (r.kind !== 'sum' || r.terms.length !== 2) continue;
    const [a, b] = r.terms;
    if (!unknowns.has(a.key) || !unknowns.has(b.key) || a.amount.unit !== b.amount.unit || !a.amount.step.equals(b.amount.step)) continue;
    const ra = findChain(a.key);
    const rb = findChain(b.key);
    if (ra !== rb) chainParent.set(rb, ra);
  }
  const chains = new Map<string, string[]>();
  for (const k of unknowns.keys()) chains.set(findChain(k), [...(chains.get(findChain(k)) ?? []), k]);
  for (const [root, ks] of chains) if (ks.length > members.get(find(root))!.length) members.set(`chain:${root}`, ks);
  /** The moves a figure takes part in: its copies, and its chain of single-part totals. */
  const groupsOf = (k: string): string[] => {
    const chain = `chain:${findChain(k)}`;
    return members.has(chain) ? [find(k), chain] : [find(k)];
  };

  const valueYuan = (t: Term): Decimal => {
    const cur = current.get(t.key);
    if (cur !== undefined) return toYuan(cur, t.amount.unit);
    return t.amount.blank ? new Decimal(0) : toYuan(t.amount.value, t.amount.unit);
  };
  const halfYuan = (t: Term): Decimal => {
    const cur = current.get(t.key);
    const zero = cur !== undefined ? cur.isZero() : t.amount.exactZero;
    return zero ? new Decimal(0) : toYuan(t.amount.step, t.amount.unit).dividedBy(2);
  };
  /** How far a relation is from holding, in 元 (0 when it holds). */
  let judged = 0;
  const excess = (r: Rel): Decimal => {
    judged++;
    let residual = new Decimal(0);
    let bound = new Decimal(0);
    for (const t of r.terms) {
      residual = residual.plus(valueYuan(t).times(t.coef));
      bound = bound.plus(halfYuan(t));
    }
    if (r.identical) return residual.abs();
    const over = r.kind === 'le' ? residual.minus(bound) : residual.abs().minus(bound);
    return over.isPositive() && !over.isZero() ? over : new Decimal(0);
  };

  const relsOfGroup = (g: string): number[] => [...new Set(members.get(g)!.flatMap((k) => relsOf.get(k) ?? []))];
  /** Values the group may take: whole steps from each member's primary value, within every member's tolerance. */
  const candidates = (g: string): Decimal[] => {
    const ks = members.get(g)!;
    // An entered figure the user left blank and that derives as zero stays blank: blank is what was entered.
    // Totals may leave or reach zero (a total of blank parts must be blank).
    if (ks.some((k) => unknowns.get(k)!.entered && unknowns.get(k)!.primary.isZero())) return [];
    const out = new Map<string, Decimal>();
    for (const k of ks) {
      const u = unknowns.get(k)!;
      const step = u.amount.step;
      const reach = u.tolerance.dividedBy(step).floor().toNumber();
      for (let d = -reach; d <= reach; d++) {
        const v = u.primary.plus(step.times(d));
        if (v.isNegative() && !u.primary.isNegative()) continue;
        if (ks.every((m) => v.minus(unknowns.get(m)!.primary).abs().lessThanOrEqualTo(unknowns.get(m)!.tolerance))) out.set(v.toString(), v);
      }
    }
    return [...out.values()];
  };
  const deviation = (g: string, v: Decimal): Decimal =>
    members.get(g)!.reduce((s, k) => s.plus(v.minus(unknowns.get(k)!.primary).abs()), new Decimal(0));
  const setGroup = (g: string, v: Decimal) => {
    for (const k of members.get(g)!) current.set(k, v);
  };
  const snapshot = (g: string) => members.get(g)!.map((k) => [k, current.get(k)!] as const);
  const restore = (saved: ReadonlyArray<readonly [string, Decimal]>) => {
    for (const [k, v] of saved) current.set(k, v);
  };
  const total = (is: ReadonlyArray<number>) => is.reduce((s, i) => s.plus(excess(rels[i])), new Decimal(0));

  for (let move = 0; move < MAX_MOVES && judged < MAX_JUDGED; move++) {
    const broken = rels.map((r, i) => (excess(r).isZero() ? -1 : i)).filter((i) => i >= 0);
    if (!broken.length) break;
    let best: { g: string; v: Decimal; gain: Decimal; dev: Decimal } | null = null;
    const tried = new Set<string>();
    for (const i of broken) {
      for (const t of rels[i].terms) {
        if (!unknowns.has(t.key)) continue;
        for (const g of groupsOf(t.key)) {
          if (tried.has(g)) continue;
          tried.add(g);
          const touched = relsOfGroup(g);
          const saved = snapshot(g);
          const before = total(touched);
          for (const v of candidates(g)) {
            setGroup(g, v);
            const gain = before.minus(total(touched));
            const dev = deviation(g, v);
            if (gain.isPositive() && !gain.isZero() && (!best || gain.greaterThan(best.gain) || (gain.equals(best.gain) && dev.lessThan(best.dev)))) best = { g, v, gain, dev };
          }
          restore(saved);
        }
      }
    }
    if (best) {
      setGroup(best.g, best.v);
      continue;
    }
    // No single figure helps: move two at once (a total and a figure of another relation over it).
    // (A pair found before the budget ran out still lowers the excess.)
    const pair = bestPair(broken);
    if (!pair) break;
    setGroup(pair.g1, pair.v1);
    setGroup(pair.g2, pair.v2);
  }

  function bestPair(broken: ReadonlyArray<number>): { g1: string; v1: Decimal; g2: string; v2: Decimal } | null {
    let best: { g1: string; v1: Decimal; g2: string; v2: Decimal; gain: Decimal; dev: Decimal } | null = null;
    const firsts = new Set<string>();
    for (const i of broken) for (const t of rels[i].terms) if (unknowns.has(t.key)) for (const g of groupsOf(t.key)) firsts.add(g);
    for (const g1 of firsts) {
      const touched1 = relsOfGroup(g1);
      const saved1 = snapshot(g1);
      const seconds = new Set<string>();
      const inFirst = new Set(members.get(g1)!);
      for (const i of touched1) for (const t of rels[i].terms) if (unknowns.has(t.key) && !inFirst.has(t.key)) seconds.add(find(t.key));
      for (const g2 of seconds) {
        const touched = [...new Set([...touched1, ...relsOfGroup(g2)])];
        const saved2 = snapshot(g2);
        const before = total(touched);
        const second = candidates(g2);
        for (const v1 of candidates(g1)) {
          if (judged >= MAX_JUDGED) break;
          setGroup(g1, v1);
          for (const v2 of second) {
            setGroup(g2, v2);
            const gain = before.minus(total(touched));
            const dev = deviation(g1, v1).plus(deviation(g2, v2));
            if (gain.isPositive() && !gain.isZero() && (!best || gain.greaterThan(best.gain) || (gain.equals(best.gain) && dev.lessThan(best.dev)))) best = { g1, v1, g2, v2, gain, dev };
          }
          restore(saved2);
        }
        restore(saved1);
      }
    }
    return best;
  }

  const moved = new Map<string, Decimal>();
  for (const [k, u] of unknowns) if (!current.get(k)!.equals(u.primary)) moved.set(k, current.get(k)!);
  return moved;
}
