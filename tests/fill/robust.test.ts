/** Fill on damaged or strange workbooks: a plan (possibly empty), never an exception, never a write over a figure. */
import fc from 'fast-check';
import { CellValue, Grid } from '../../src/engine/grid';
import { planFill } from '../../src/engine/fill';
import { missingRows } from '../../src/engine/fill/rows';
import { recognize } from '../../src/engine';
import { readWorkbookFile } from '../../src/io/read';
import { overwriteCells } from '../support/grids';
import { blankDerivable } from './roundtrip';

const cellValue: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 10 }),
  // Amounts as a sheet holds them; reading extreme doubles is the reader's own tests' business.
  fc.double({ min: -1e12, max: 1e12, noNaN: false }),
  fc.constantFrom('合计', '201', '20103', '2010350', '30101', '-', '1,010.72', '注：', '人员经费合计', -5, 0, 12.345),
);

let base: Grid;
beforeAll(async () => {
  base = blankDerivable(await readWorkbookFile('tests/fixtures/hongshan-2024-one-sheet.xlsx')).grid;
});

test('a workbook with random cells overwritten is planned to the end', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(250), fc.nat(12), cellValue), { maxLength: 30 }), (edits) => {
      const grid = overwriteCells(base, edits);
      const plan = planFill(grid);
      // Only empty cells are written (an empty string is empty; `previous` keeps it for undo).
      for (const f of plan.fills) expect(f.previous === null || String(f.previous).trim() === '').toBe(true);
      expect(plan.conflicts.every((c) => c.rule === 'fill/conflict' && c.message.length > 0)).toBe(true);
      expect(Array.isArray(missingRows(grid, recognize(grid).workbook))).toBe(true);
    }),
    { numRuns: 150 },
  );
});

test('an empty workbook has nothing to fill', () => {
  expect(planFill({ sheets: [] })).toMatchObject({ fills: [], zeros: [], conflicts: [] });
  expect(planFill({ sheets: [{ name: 'Sheet1', rows: [], merges: [] }] }).fills).toEqual([]);
});
