import Decimal from 'decimal.js';
import { CellRef } from '../a1';
import { Amount, TableId, Unit } from '../model';
import { decimalOf, liDecimals, numberDigits, parseAmountDigits, toYuan } from '../money';
import { RecognitionNote } from './notes';
import { SheetView } from './sheet-view';

const ZERO = new Decimal(0);
// Display steps; Decimals are immutable, so every amount and table can share them.
const CENT = new Decimal('0.01');
const ONE = new Decimal(1);
const TENTH = new Decimal('0.1');
const HUNDRED = new Decimal(100);

/** 厘 per 分 (0.01 of the unit). */
const LI_PER_CENT: Record<Unit, number> = { 元: 10, 万元: 100000 };

/** The value in 厘 (see `Amount.li`), or null when it has more decimals than 厘 or is too large. */
function liOf(raw: number | string, unit: Unit): number | null {
  if (typeof raw === 'number') {
    // Most cells hold at most two decimals. A double read from such a decimal of ≤ 15 significant digits
    // (below 10^13) shows exactly that decimal, so the 分 need no string.
    const cents = Math.round(raw * 100);
    if (Math.abs(raw) < 1e13 && cents / 100 === raw) return safe(cents * LI_PER_CENT[unit]);
    return scaled(numberDigits(raw), liDecimals(unit));
  }
  return scaled(raw, liDecimals(unit));
}

function safe(li: number): number | null {
  return Number.isSafeInteger(li) ? li : null;
}

/** digits × 10^k as an exact integer, or null when they have more than k decimals (trailing zeros aside) or it is too large. */
function scaled(digits: string, k: number): number | null {
  // Exponent forms (1e-7) only come from tiny doubles: let Decimal spell them out.
  const s = digits.includes('e') ? new Decimal(digits).toFixed() : digits;
  const dot = s.indexOf('.');
  const frac = dot < 0 ? '' : s.slice(dot + 1).replace(/0+$/, '');
  if (frac.length > k) return null;
  return safe(Number((dot < 0 ? s : s.slice(0, dot)) + frac.padEnd(k, '0')));
}

/**
 * An amount read from a cell. Its Decimal is made on first use: relations are decided on `li`, so most
 * amounts of a workbook never need one.
 */
class CellAmount implements Amount {
  step = CENT;
  halfStepLi = 0;
  private decimal: Decimal | undefined;

  constructor(
    readonly table: TableId,
    readonly ref: CellRef,
    readonly label: string,
    /** The cell's number or the digits of its text (see `ParsedDigits`); 0 when zero. */
    private readonly raw: number | string,
    readonly unit: Unit,
    readonly exactZero: boolean,
    readonly blank: boolean,
    readonly li: number | null,
  ) {}

  get value(): Decimal {
    return (this.decimal ??= this.exactZero ? ZERO : decimalOf(this.raw));
  }

  /** Whether the value (in its unit) is a whole multiple of `m`. */
  isMultipleOf(m: number): boolean {
    return this.li !== null ? this.li % (m * 10 ** liDecimals(this.unit)) === 0 : this.value.mod(m).isZero();
  }
}

/**
 * Creates amounts while tables are read. Display steps are set once every table is read, because a
 * workbook in 元 converted from a 万元 report keeps the 万元 rounding (all amounts multiples of 100).
 */
export class AmountFactory {
  /** Amounts made so far, by unit (the step is chosen per unit). */
  private readonly made: Record<Unit, CellAmount[]> = { 万元: [], 元: [] };
  private readonly steps = new Map<Unit, Decimal>();

  constructor(private readonly notes: RecognitionNote[]) {}

  /** Reads one amount cell; returns null when the cell holds text that is not an amount (a note says so). */
  read(table: TableId, unit: Unit, view: SheetView, r: number, c: number, label: string): Amount | null {
    const ref = view.ref(r, c);
    const cell = view.cell(r, c);
    const p = parseAmountDigits(cell?.value ?? null);
    if (p.kind === 'invalid') {
      this.notes.push({ kind: 'not-a-number', table, at: ref, text: p.text, label });
      return null;
    }
    if (p.kind === 'number' && p.fromText) this.notes.push({ kind: 'number-as-text', table, at: ref, text: String(cell?.value), label });
    const a =
      p.kind === 'number'
        ? new CellAmount(table, ref, label, p.raw, unit, false, false, liOf(p.raw, unit))
        : new CellAmount(table, ref, label, 0, unit, true, p.blank, 0);
    if (p.kind === 'number' && (typeof p.raw === 'number' ? p.raw < 0 : p.raw.startsWith('-'))) this.notes.push({ kind: 'negative', table, at: ref, value: a.value.toFixed(), label });
    this.made[unit].push(a);
    return a;
  }

  /** Tables shown with fewer decimals than the rest of their unit (三公 with one decimal or none). */
  private readonly tableSteps = new Map<TableId, Decimal>();

  /** The display step chosen for a unit, or for one table of it (0.01 until `finish` has run). */
  stepFor(unit: Unit, table?: TableId): Decimal {
    return (table && this.tableSteps.get(table)) || (this.steps.get(unit) ?? CENT);
  }

  /**
   * Some provinces print 三公 with one decimal or none while the other tables show two (variants.md): when every
   * non-zero amount of 09 (at least two) is a multiple of 0.1 or 1 in a unit shown to the cent, 09 gets that step.
   */
  private coarserSanGong(list: ReadonlyArray<CellAmount>): void {
    const amounts = list.filter((a) => a.table === '09' && !a.exactZero);
    if (amounts.length < 2) return;
    for (const step of [ONE, TENTH]) {
      if (amounts.every((a) => a.isMultipleOf(step.toNumber()))) {
        this.tableSteps.set('09', step);
        return;
      }
    }
  }

  /** Sets the display step of every amount, per unit, and notes amounts with more decimals than shown. */
  finish(firstRefOf: (unit: Unit) => { table: TableId; at: CellRef } | null): void {
    for (const unit of ['万元', '元'] as Unit[]) {
      const list = this.made[unit];
      const nonZero = list.filter((a) => !a.exactZero);
      let step: Decimal;
      if (unit === '元' && nonZero.length >= 3 && nonZero.every((a) => a.isMultipleOf(100))) {
        step = HUNDRED;
        const at = firstRefOf(unit);
        if (at) this.notes.push({ kind: 'coarse-step', table: at.table, at: at.at, step: '100', unit });
      } else if (unit === '元' && nonZero.every((a) => a.isMultipleOf(1))) step = ONE;
      else step = CENT;
      this.steps.set(unit, step);
      if (step === CENT) this.coarserSanGong(list);
      const half = toYuan(step, unit).times(500).toNumber();
      const dp = step.decimalPlaces();
      // li is a multiple of this exactly when the value has at most dp decimals.
      const shownLi = 10 ** (liDecimals(unit) - dp);
      for (const a of list) {
        const own = this.tableSteps.get(a.table);
        a.step = own ?? step;
        a.halfStepLi = a.exactZero ? 0 : own ? toYuan(own, unit).times(500).toNumber() : half;
        if (!a.exactZero && (a.li === null ? a.value.decimalPlaces() > dp : a.li % shownLi !== 0)) {
          this.notes.push({ kind: 'excess-precision', table: a.table, at: a.ref, value: a.value.toFixed(), label: a.label, decimals: dp });
        }
      }
    }
  }
}
