import Decimal from 'decimal.js';
import { Amount, TableId, Unit } from '../model';
import { parseAmount, toYuan } from '../money';
import { RecognitionNote } from './notes';
import { SheetView } from './sheet-view';

const ZERO = new Decimal(0);
const CENT = new Decimal('0.01');

/** value × 10^k as an exact integer, or null when the value has more than k decimals. */
function scaled(value: Decimal, k: number): bigint | null {
  const s = value.toFixed();
  const dot = s.indexOf('.');
  const frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > k) return null;
  return BigInt((dot < 0 ? s : s.slice(0, dot)) + frac.padEnd(k, '0'));
}

type MutableAmount = { -readonly [K in keyof Amount]: Amount[K] };

/**
 * Creates amounts while tables are read. Display steps are set once every table is read, because a
 * workbook in 元 converted from a 万元 report keeps the 万元 rounding (all amounts multiples of 100).
 */
export class AmountFactory {
  private readonly made: MutableAmount[] = [];
  private readonly steps = new Map<Unit, Decimal>();

  constructor(private readonly notes: RecognitionNote[]) {}

  /** Reads one amount cell; returns null when the cell holds text that is not an amount (a note says so). */
  read(table: TableId, unit: Unit, view: SheetView, r: number, c: number, label: string): Amount | null {
    const ref = view.ref(r, c);
    const cell = view.cell(r, c);
    const p = parseAmount(cell?.value ?? null);
    if (p.kind === 'invalid') {
      this.notes.push({ kind: 'not-a-number', table, at: ref, text: p.text, label });
      return null;
    }
    if (p.kind === 'number' && p.fromText) this.notes.push({ kind: 'number-as-text', table, at: ref, text: String(cell?.value), label });
    const value = p.kind === 'number' ? p.value : ZERO;
    if (value.isNegative()) this.notes.push({ kind: 'negative', table, at: ref, value: value.toFixed(), label });
    const li = p.kind === 'number' ? scaled(value, unit === '万元' ? 7 : 3) : 0n;
    const a: MutableAmount = {
      table,
      ref,
      label,
      value,
      unit,
      step: CENT,
      exactZero: p.kind === 'zero',
      blank: p.kind === 'zero' && p.blank,
      li,
      halfStepLi: 0n,
    };
    this.made.push(a);
    return a;
  }

  /** The display step chosen for a unit (0.01 until `finish` has run). */
  stepFor(unit: Unit): Decimal {
    return this.steps.get(unit) ?? new Decimal('0.01');
  }

  /** Sets the display step of every amount, per unit, and notes amounts with more decimals than shown. */
  finish(firstRefOf: (unit: Unit) => { table: TableId; at: import('../a1').CellRef } | null): void {
    for (const unit of ['万元', '元'] as Unit[]) {
      const list = this.made.filter((a) => a.unit === unit);
      const nonZero = list.filter((a) => !a.exactZero);
      let step: Decimal;
      if (unit === '元' && nonZero.length >= 3 && nonZero.every((a) => a.value.mod(100).isZero())) {
        step = new Decimal(100);
        const at = firstRefOf(unit);
        if (at) this.notes.push({ kind: 'coarse-step', table: at.table, at: at.at, step: '100', unit });
      } else if (unit === '元' && nonZero.every((a) => a.value.isInteger())) step = new Decimal(1);
      else step = new Decimal('0.01');
      this.steps.set(unit, step);
      const half = BigInt(toYuan(step, unit).times(500).toFixed(0));
      for (const a of list) {
        a.step = step;
        a.halfStepLi = a.exactZero ? 0n : half;
        if (!a.exactZero && a.value.decimalPlaces() > step.decimalPlaces()) {
          this.notes.push({ kind: 'excess-precision', table: a.table, at: a.ref, value: a.value.toFixed(), label: a.label, decimals: step.decimalPlaces() });
        }
      }
    }
  }
}
