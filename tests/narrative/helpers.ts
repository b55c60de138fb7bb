import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Grid, GridSheet } from '../../src/engine/grid';
import { Amount, Workbook } from '../../src/engine/model';
import { narrativeContext, NarrativeContext } from '../../src/engine/narrative';
import { readWorkbookBytes } from '../../src/io/read';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE = join(ROOT, 'examples', 'hongshan-2024.xlsx');
export const FIXTURE = join(ROOT, 'tests', 'fixtures', 'hongshan-2024.xlsx');
export const SEED = join(ROOT, 'tests', 'fixtures', 'seed-report.txt');

const grids = new Map<string, Grid>();
export function gridOf(file: string): Grid {
  if (!grids.has(file)) grids.set(file, readWorkbookBytes(readFileSync(file), file));
  return grids.get(file)!;
}

export function ctxOf(file: string): NarrativeContext {
  return narrativeContext(gridOf(file));
}

export function seedLines(): string[] {
  return readFileSync(SEED, 'utf8').split('\n');
}

/** A copy of the grid whose 补充信息 sheet is changed by `edit` (cells addressed 0-based). */
export function withSupplement(grid: Grid, edit: (rows: Array<Array<{ value: string | number | boolean | null } | undefined>>) => void): Grid {
  return {
    sheets: grid.sheets.map((s): GridSheet => {
      if (s.name !== '补充信息') return s;
      const rows = s.rows.map((r) => (r ? r.map((c) => (c ? { value: c.value } : undefined)) : []));
      edit(rows);
      return { ...s, rows };
    }),
  };
}

/** Row index (0-based) of a key in the 补充信息 sheet. */
export function rowOfKey(grid: Grid, key: string): number {
  const s = grid.sheets.find((x) => x.name === '补充信息')!;
  return s.rows.findIndex((r) => r?.[0]?.value === key);
}

/** Every amount of the recognized tables as `sheet!cell=value`, to compare two recognitions. */
export function amountsOf(wb: Workbook): string[] {
  const out: string[] = [];
  const add = (a: Amount | null | undefined) => a && out.push(`${a.ref.sheet}!${a.ref.cell}=${a.value.toString()}`);
  for (const t of Object.values(wb.tables)) {
    if (!t) continue;
    if (t.kind === 'lines') for (const l of t.lines.values()) l.amounts.forEach(add);
    if (t.kind === 'coded') for (const r of [t.total, ...t.rows]) r?.amounts.forEach(add);
    if (t.kind === 'econ') [...t.items.map((i) => i.amount), t.personnelTotal, t.publicTotal].forEach(add);
    if (t.kind === 'sangong') t.amounts.forEach(add);
  }
  return out.sort();
}
