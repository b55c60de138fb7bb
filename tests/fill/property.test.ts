import fc from 'fast-check';
import { analyze } from '../../src/engine';
import { arbitraryDepartment, arbitraryLayout, buildGrid } from '../support/generate';
import { roundTrip } from './roundtrip';

/**
 * Round trip over generated departments in every layout: blank every derivable cell, fill, compare.
 * - Amounts in 分, each cell rounded on its own: a derived total is the exact sum of the shown parts, so it may
 *   differ from the published (rounded) total by 尾差 — never more than the tolerance the fill states — and
 *   nothing conflicts.
 * - Amounts in whole display steps (no rounding anywhere): every cell comes back exactly, and the checker finds
 *   no error in the filled workbook.
 */
const RUNS_ROUNDED = 300;
const RUNS_EXACT = 250;

describe('fill round trip over generated workbooks', () => {
  test(`rounded amounts: back within the stated 尾差, no conflict, nothing else written (${RUNS_ROUNDED} workbooks)`, () => {
    fc.assert(
      fc.property(arbitraryDepartment(), arbitraryLayout(), (dept, layout) => {
        const rt = roundTrip(buildGrid(dept, layout));
        expect(rt.stray).toEqual([]);
        expect(rt.plan.conflicts.map((c) => c.message)).toEqual([]);
        for (const c of rt.cells) {
          const within = c.filled.minus(c.original).abs().lessThanOrEqualTo(c.tolerance);
          if (!within) throw new Error(`${c.key}: 原为 ${c.original}，填为 ${c.filled}，超出所述尾差 ${c.tolerance}`);
          // In 元 every figure is exact (分): the fill restores it exactly.
          if (layout.unit === '元') expect(c.filled.toString()).toBe(c.original.toString());
        }
      }),
      { numRuns: RUNS_ROUNDED },
    );
  }, 180_000);

  test(`exact amounts: every cell back exactly, and the filled workbook checks clean (${RUNS_EXACT} workbooks)`, () => {
    fc.assert(
      fc.property(arbitraryDepartment({ wholeSteps: true }), arbitraryLayout(), (dept, layout) => {
        const rt = roundTrip(buildGrid(dept, layout));
        expect(rt.stray).toEqual([]);
        expect(rt.plan.conflicts).toEqual([]);
        const wrong = rt.cells.filter((c) => !c.filled.equals(c.original)).map((c) => `${c.key}: ${c.original} → ${c.filled}`);
        expect(wrong).toEqual([]);
        const errors = analyze(rt.filledGrid).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
      }),
      { numRuns: RUNS_EXACT },
    );
  }, 180_000);
});
