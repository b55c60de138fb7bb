import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseA1 } from '../../src/engine/a1';
import { CellValue, Grid, GridCell, GridSheet } from '../../src/engine/grid';
import { readWorkbookBytes } from '../../src/io/read';

export const FIXTURES = join(__dirname, '..', 'fixtures');

const cache = new Map<string, Grid>();

/** A fixture workbook as a grid (read once per test file). */
export function fixtureGrid(name: string): Grid {
  if (!cache.has(name)) cache.set(name, readWorkbookBytes(readFileSync(join(FIXTURES, name)), name));
  return cache.get(name)!;
}

type MutableSheet = { name: string; rows: Array<Array<GridCell | undefined> | undefined>; merges: GridSheet['merges'] };

/** A deep copy of a grid that tests may change. */
export function cloneGrid(g: Grid): { sheets: MutableSheet[] } {
  return { sheets: g.sheets.map((s) => ({ name: s.name, merges: [...s.merges], rows: s.rows.map((r) => (r ? [...r] : undefined)) })) };
}

/** Sets (or clears, with null) one cell of a grid copy. */
export function setCell(g: { sheets: MutableSheet[] }, sheet: string, address: string, value: CellValue): void {
  const s = g.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { r, c } = parseA1(address);
  while (s.rows.length <= r) s.rows.push(undefined);
  const row = (s.rows[r] ??= []);
  row[c] = value === null || value === '' ? undefined : { value };
}

/** A copy of a one-sheet grid with cells overwritten (undefined empties a cell): what the fuzz tests do to a real workbook. */
export function overwriteCells(base: Grid, edits: ReadonlyArray<readonly [number, number, CellValue | undefined]>): Grid {
  const rows = Array.from(base.sheets[0].rows, (r) => (r ? [...r] : []));
  for (const [r, c, v] of edits) {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = v === undefined ? undefined : { value: v };
  }
  return { sheets: [{ ...base.sheets[0], rows }] };
}

/** The seed workbook with its one real table mistake (公开04表 G38 1,010.70) corrected. */
export function cleanSeed(): { sheets: MutableSheet[] } {
  const g = cloneGrid(fixtureGrid('hongshan-2024.xlsx'));
  setCell(g, '公开04表', 'G38', 1010.72);
  return g;
}
