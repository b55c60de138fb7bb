/** 填报 helpers shared by the pane and its tests: a plan's fills as cell writes, grouped for the list. */
import type { Fill } from '../engine/fill';
import { fillCellValue } from '../engine/fill';
import { formatAmount } from '../engine/money';
import type { CellWrite } from '../excel/writes';

export const fillKey = (f: Fill) => `${f.ref.sheet}!${f.ref.cell}`;

/** Amounts keep a formatted cell's own format; a General cell gets the table's `#,##0.00`. */
export function planWrites(fills: readonly Fill[]): CellWrite[] {
  return fills.map((f) => ({
    sheet: f.ref.sheet,
    cell: f.ref.cell,
    value: fillCellValue(f),
    numberFormat: f.kind === 'amount' ? (f.decimals > 0 ? `#,##0.${'0'.repeat(f.decimals)}` : '#,##0') : undefined,
  }));
}

/** What the list shows as the value: `1,010.72 万元` or `“一般公共服务支出”`. */
export function shownValue(f: Fill): string {
  return f.kind === 'amount' ? `${formatAmount(f.value, f.decimals)} ${f.unit}` : `“${f.text}”`;
}

/** Fills by table, in plan order. */
export function groupByTable(fills: readonly Fill[]): [string, Fill[]][] {
  const groups = new Map<string, Fill[]>();
  for (const f of fills) groups.set(f.table, [...(groups.get(f.table) ?? []), f]);
  return [...groups];
}
