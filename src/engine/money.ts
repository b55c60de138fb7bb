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
  const fixed = value.toFixed(decimals);
  const neg = fixed.startsWith('-');
  const body = neg ? fixed.slice(1) : fixed;
  const [int, frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

/** A JavaScript number read from a file carries binary noise (367.71000000000004); 15 significant digits remove it. */
export function decimalFromNumber(n: number): Decimal {
  const s = String(n);
  // Short plain forms (1010.72) are already exact; only long or exponent forms can carry noise.
  return new Decimal(s.length <= 15 && !s.includes('e') ? s : Number(n.toPrecision(15)).toString());
}

const ZERO_MARKS = new Set(['', '-', '—', '－', '–', '——', '0', '0.00', '0.0']);

export type ParsedAmount =
  | { kind: 'zero'; blank: boolean }
  | { kind: 'number'; value: Decimal; fromText: boolean }
  | { kind: 'invalid'; text: string };

/** Reads a cell value as an amount: blank/0/"-" are zero; text with thousands separators is a number stored as text. */
export function parseAmount(value: unknown): ParsedAmount {
  if (value === null || value === undefined) return { kind: 'zero', blank: true };
  if (typeof value === 'number') {
    // Beyond 10^15 a double no longer holds every 分 exactly, and no budget unit reports such sums.
    if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return { kind: 'invalid', text: String(value) };
    return value === 0 ? { kind: 'zero', blank: false } : { kind: 'number', value: decimalFromNumber(value), fromText: false };
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  const raw = String(value);
  const t = raw.replace(/[\s\u3000\u00a0]/g, '');
  if (t === '') return { kind: 'zero', blank: true };
  if (ZERO_MARKS.has(t)) return { kind: 'zero', blank: false };
  const normalised = t.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，,]/g, '').replace(/．/g, '.');
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalised) && /^[-+]?\d{1,3}(,\d{3})*(\.\d*)?$|^[-+]?\d+(\.\d*)?$|^[-+]?\.\d+$/.test(t.replace(/，/g, ','))) {
    const d = new Decimal(normalised);
    return d.isZero() ? { kind: 'zero', blank: false } : { kind: 'number', value: d, fromText: true };
  }
  return { kind: 'invalid', text: raw };
}
