import Decimal from 'decimal.js';
import { formatAmount } from '../money';

const HALF_UP = Decimal.ROUND_HALF_UP;

/** Every amount in the narrative: `#,##0.00` (narrative.md §1), rounded half-up once. */
export function amountText(v: Decimal): string {
  return formatAmount(v.toDecimalPlaces(2, HALF_UP), 2);
}

/** part / whole × 100, exact (caller guarantees whole ≠ 0). */
export function percentOf(part: Decimal, whole: Decimal): Decimal {
  return part.dividedBy(whole).times(100);
}

/**
 * Decimals a share needs: the convention `k`, more when rounding would show 100 or 0 for a value that is not
 * exactly that (the seed's 99.997% / 0.003%).
 */
function decimalsNeeded(part: Decimal, whole: Decimal, k: number): number {
  if (part.eq(whole) || part.isZero()) return k;
  const p = percentOf(part, whole);
  let d = k;
  while (d < 8) {
    const r = p.toDecimalPlaces(d, HALF_UP);
    if (!r.eq(100) && !r.isZero()) break;
    d++;
  }
  return d;
}

function render(part: Decimal, whole: Decimal, d: number): string {
  if (part.eq(whole)) return '100';
  if (part.isZero()) return '0';
  return percentOf(part, whole).toFixed(d, HALF_UP);
}

/** A share or completion rate as written (without "%"); equality is "100", zero is "0". */
export function shareText(part: Decimal, whole: Decimal, k: number): string {
  return render(part, whole, decimalsNeeded(part, whole, k));
}

/** Shares that appear in one sentence get the same decimals. */
export function sharesText(parts: ReadonlyArray<Decimal>, whole: Decimal, k: number): string[] {
  const d = Math.max(k, ...parts.map((p) => decimalsNeeded(p, whole, k)));
  return parts.map((p) => render(p, whole, d));
}

/** |cur − prev| / prev × 100 with `k` decimals. */
export function changeRateText(cur: Decimal, prev: Decimal, k = 1): string {
  return percentOf(cur.minus(prev).abs(), prev).toFixed(k, HALF_UP);
}

/** Chinese numerals 一…九十九 as counts in texts ("项目三个"). */
const DIGITS = '零一二三四五六七八九';
export function parseChineseCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return null;
  const t = s.replace('两', '二');
  if (!t.includes('十')) return t.length === 1 ? DIGITS.indexOf(t) : null;
  const [tens, ones] = t.split('十');
  const a = tens === '' ? 1 : DIGITS.indexOf(tens);
  const b = ones === '' ? 0 : DIGITS.indexOf(ones);
  return a < 0 || b < 0 ? null : a * 10 + b;
}

export type IntervalVerdict = 'ok' | 'truncated' | 'wrong';

/**
 * A percentage written with k decimals against the interval [lo, hi] of possible exact percentages
 * (rules.md §1): consistent when its rounding interval meets [lo, hi]; explained by truncation only → 'truncated'.
 */
export function judgePercent(written: string, lo: Decimal, hi: Decimal): IntervalVerdict {
  const p = new Decimal(written);
  const k = written.includes('.') ? written.split('.')[1].length : 0;
  const half = new Decimal(10).pow(-k).dividedBy(2);
  if (p.plus(half).gte(lo) && p.minus(half).lte(hi)) return 'ok';
  const unit = new Decimal(10).pow(-k);
  // Truncation to k decimals gives p for every exact value in [p, p + 10^-k).
  if (p.plus(unit).gt(lo) && p.lte(hi)) return 'truncated';
  return 'wrong';
}
