/**
 * The round trip of fill: blank every cell the relations derive, fill, and compare with the original.
 * Shared by the fixture tests and the property test.
 */
import Decimal from 'decimal.js';
import { parseA1, refKey } from '../../src/engine/a1';
import { AmountFill, applyFills, FillPlan, planFill } from '../../src/engine/fill';
import { amountRoles } from '../../src/engine/fill/roles';
import { CellValue, Grid, GridCell } from '../../src/engine/grid';
import { parseAmount } from '../../src/engine/money';
import { recognize } from '../../src/engine/recognize/recognize';

/** The figure a cell shows (blank, 0 and "-" are 0). */
export function figure(v: CellValue): Decimal {
  const p = parseAmount(v);
  return p.kind === 'number' ? p.value : new Decimal(0);
}

/** Empties every amount cell whose role is `derived`; returns the grid and what each emptied cell held. */
export function blankDerivable(grid: Grid): { grid: Grid; blanked: Map<string, CellValue> } {
  const roles = amountRoles(recognize(grid).workbook);
  const blanked = new Map<string, CellValue>();
  const sheets = grid.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => (r ? [...r] : r)) }));
  for (const { amount, role } of roles.values()) {
    if (role !== 'derived') continue;
    const sheet = sheets.find((x) => x.name === amount.ref.sheet)!;
    const { r, c } = parseA1(amount.ref.cell);
    const row = sheet.rows[r] as Array<GridCell | undefined> | undefined;
    blanked.set(refKey(amount.ref), row?.[c]?.value ?? null);
    if (row) row[c] = undefined;
  }
  return { grid: { sheets }, blanked };
}

export interface CellResult {
  readonly key: string;
  readonly original: Decimal;
  /** What the fill wrote (0 when it left the cell blank). */
  readonly filled: Decimal;
  /** The 尾差 the fill states for the cell (0 when the cell was not derived at all). */
  readonly tolerance: Decimal;
  readonly derived: boolean;
}

export interface RoundTrip {
  readonly plan: FillPlan;
  readonly blanked: ReadonlyMap<string, CellValue>;
  readonly cells: ReadonlyArray<CellResult>;
  /** Fills outside the emptied cells (there must be none: nothing else changes). */
  readonly stray: ReadonlyArray<string>;
  readonly filledGrid: Grid;
}

export function roundTrip(original: Grid): RoundTrip {
  const { grid, blanked } = blankDerivable(original);
  const plan = planFill(grid);
  const byKey = new Map<string, AmountFill>();
  for (const f of [...plan.fills, ...plan.zeros]) if (f.kind === 'amount') byKey.set(refKey(f.ref), f);
  const cells = [...blanked].map(([key, v]) => {
    const f = byKey.get(key);
    return { key, original: figure(v), filled: f ? f.value : new Decimal(0), tolerance: f ? f.tolerance : new Decimal(0), derived: !!f };
  });
  const stray = plan.fills.map((f) => refKey(f.ref)).filter((k) => !blanked.has(k));
  return { plan, blanked, cells, stray, filledGrid: applyFills(grid, plan.fills) };
}

/** A copy of the grid with one cell changed (null empties it). */
export function withCell(grid: Grid, sheet: string, cell: string, value: CellValue): Grid {
  const { r, c } = parseA1(cell);
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const rows = s.rows.map((row) => (row ? [...row] : row));
      const row = [...(rows[r] ?? [])];
      row[c] = value === null ? undefined : { value };
      rows[r] = row;
      return { ...s, rows };
    }),
  };
}

/** The grid without some sheet rows (rows below move up, with their merged ranges). */
export function dropRows(grid: Grid, sheet: string, drop: ReadonlySet<number>): Grid {
  return {
    sheets: grid.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const shift = (r: number) => r - [...drop].filter((d) => d < r).length;
      const rows = Array.from({ length: s.rows.length }, (_, r) => s.rows[r]).filter((_, r) => !drop.has(r));
      return { ...s, rows, merges: s.merges.map((m) => ({ ...m, r0: shift(m.r0), r1: shift(m.r1) })) };
    }),
  };
}

