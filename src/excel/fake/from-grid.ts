/** Loads an engine Grid (e.g. a fixture read by src/io in Node) into the fake workbook's cell data. */
import type { Grid } from '../../engine';
import { a1, a1Range } from '../../engine/a1';
import type { FakeCell, FakeWorkbookData } from './fake-excel';

export function fakeWorkbookFromGrid(grid: Grid): FakeWorkbookData {
  return {
    settings: {},
    sheets: grid.sheets.map((s) => {
      const cells: Record<string, Partial<FakeCell>> = {};
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          cells[a1(r, c)] = { value: cell.value, text: cell.text, numberFormat: cell.numFmt ?? 'General' };
        }),
      );
      return { name: s.name, cells, merges: s.merges.map((m) => a1Range(m.r0, m.c0, m.r1, m.c1)) };
    }),
  };
}
