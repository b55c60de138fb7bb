import Decimal from 'decimal.js';
import { Unit } from './model';

/** Yuan per unit: every comparison across tables is made in 元. */
export function yuanPerUnit(unit: Unit): Decimal {
  return unit === '万元' ? new Decimal(10000) : new Decimal(1);
}

export function toYuan(value: Decimal, unit: Unit): Decimal {
  return value.times(yuanPerUnit(unit));
}

export function fromYuan(value: Decimal, unit: Unit): Decimal {
  return value.dividedBy(yuanPerUnit(unit));
}

/** Decimals a step shows: 0.01 → 2, 1 → 0, 100 → 0. */
export function stepDecimals(step: Decimal): number {
  return Math.max(0, step.decimalPlaces());
}

/** `1010.72` → `1,010.72`, with exactly `decimals` places. */
export function formatAmount(value: Decimal, decimals = 2): string {
  return groupThousands(value.toFixed(decimals));
}

/** `-1010.72` → `-1,010.72`. */
export function groupThousands(fixed: string): string {
  const sign = fixed.startsWith('-') ? 1 : 0;
  const dot = fixed.indexOf('.');
  const end = dot < 0 ? fixed.length : dot;
  let out = fixed.slice(0, sign + ((end - sign) % 3 || 3));
  for (let i = out.length; i < end; i += 3) out += `,${fixed.slice(i, i + 3)}`;
  return out + fixed.slice(end);
}

/** Decimals of an amount's `li` in its unit: 1 元 = 10^3 厘, 1 万元 = 10^7 厘. */
export function liDecimals(unit: Unit): number {
  return unit === '万元' ? 7 : 3;
}

/**
 * n / 10^k with exactly `decimals` places, rounded half away from zero, for an exact integer n (|n| ≤ 2^53):
 * the text `Decimal#toFixed` gives for the same value (including `-0.00` for a small negative), without a Decimal.
 */
export function fixedText(n: number, k: number, decimals: number): string {
  const neg = n < 0;
  let m = Math.abs(n);
  if (decimals < k) {
    // Integer division by remainder keeps every step exact.
    const q = 10 ** (k - decimals);
    const r = m % q;
    m = (m - r) / q + (2 * r >= q ? 1 : 0);
  }
  let s = String(m) + '0'.repeat(Math.max(0, decimals - k));
  if (decimals > 0) {
    s = s.padStart(decimals + 1, '0');
    s = `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
  }
  return neg ? `-${s}` : s;
}

/** Decimal places of n / 10^k for an exact integer n, trailing zeros aside (`Decimal#decimalPlaces`). */
export function fixedDecimalPlaces(n: number, k: number): number {
  let dp = n === 0 ? 0 : k;
  for (let m = n; dp > 0 && m % 10 === 0; m /= 10) dp--;
  return dp;
}

/** A JavaScript number read from a file carries binary noise (367.71000000000004); 15 significant digits remove it. */
export function decimalFromNumber(n: number): Decimal {
  return new Decimal(numberDigits(n));
}

/** The digits `decimalFromNumber` reads: short plain forms (1010.72) are exact; only long or exponent forms carry noise. */
export function numberDigits(n: number): string {
  const s = String(n);
  return s.length <= 15 && !s.includes('e') ? s : Number(n.toPrecision(15)).toString();
}

const ZERO_MARKS = new Set(['', '-', '—', '－', '–', '——', '0', '0.00', '0.0']);

export type ParsedAmount =
  | { kind: 'zero'; blank: boolean }
  | { kind: 'number'; value: Decimal; fromText: boolean }
  | { kind: 'invalid'; text: string };

/**
 * `ParsedAmount` before any Decimal is made, for readers that mostly need none: `raw` is the cell's number,
 * or the digits of a number written as text (`-1,010.72` → `-1010.72`).
 */
export type ParsedDigits = Exclude<ParsedAmount, { kind: 'number' }> | { kind: 'number'; raw: number | string; fromText: boolean };

/** The Decimal of a parsed number. */
export function decimalOf(raw: number | string): Decimal {
  return typeof raw === 'number' ? decimalFromNumber(raw) : new Decimal(raw);
}

/** Reads a cell value as an amount: blank/0/"-" are zero; text with thousands separators is a number stored as text. */
export function parseAmount(value: unknown): ParsedAmount {
  const p = parseAmountDigits(value);
  return p.kind === 'number' ? { kind: 'number', value: decimalOf(p.raw), fromText: p.fromText } : p;
}

/** `parseAmount` without making a Decimal: the recognizer reads hundreds of amounts and decides most in integers. */
export function parseAmountDigits(value: unknown): ParsedDigits {
  if (value === null || value === undefined) return { kind: 'zero', blank: true };
  if (typeof value === 'number') {
    // Beyond 10^15 a double no longer holds every 分 exactly, and no budget unit reports such sums.
    if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return { kind: 'invalid', text: String(value) };
    return value === 0 ? { kind: 'zero', blank: false } : { kind: 'number', raw: value, fromText: false };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  const raw = String(value);
  const t = raw.replace(/[\s\u3000\u00a0]/g, '');
  if (t === '') return { kind: 'zero', blank: true };
  if (ZERO_MARKS.has(t)) return { kind: 'zero', blank: false };
  // Full-width digits and signs (３６７．６８, －５) are the same number; the grouping is checked on the half-width text.
  const half = t.replace(/[０-９＋－．，]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^[-+]?\d{1,3}(,\d{3})*(\.\d*)?$|^[-+]?\d+(\.\d*)?$|^[-+]?\.\d+$/.test(half)) {
    const normalised = half.replace(/,/g, '');
    // As for numbers (above): more integer digits than a double holds exactly is no budget figure.
    if (normalised.replace(/^[-+]?0*/, '').split('.')[0].length > 15) return { kind: 'invalid', text: raw };
    // The pattern admits no exponent, so the text is zero exactly when it has no digit 1–9.
    return /[1-9]/.test(normalised) ? { kind: 'number', raw: normalised, fromText: true } : { kind: 'zero', blank: false };
  }
  return { kind: 'invalid', text: raw };
}
