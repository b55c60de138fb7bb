import fc from 'fast-check';
import { analyze } from '../../src/engine';
import { arbitraryDepartment, arbitraryLayout, buildGrid } from '../support/generate';
import { roundTrip } from './roundtrip';

/**
 * Over-determined derived cells (a total stated by two relations, e.g. 05 合计 基本支出 from 05's rows and from
 * 06 人员经费 + 公用经费) must satisfy every relation, as the published figures do: over generated workbooks with
 * rounded amounts, blank every derivable cell, fill, and the checker finds no error in the filled workbook, while
 * every filled cell stays within the 尾差 the fill states for it.
 */
const RUNS = 300;

describe('the filled workbook checks clean', () => {
  test(`rounded amounts: no error finding after the fill, every cell within its stated 尾差 (${RUNS} workbooks)`, () => {
    fc.assert(
      fc.property(arbitraryDepartment(), arbitraryLayout(), (dept, layout) => {
        const rt = roundTrip(buildGrid(dept, layout));
        expect(rt.stray).toEqual([]);
        expect(rt.plan.conflicts.map((c) => c.message)).toEqual([]);
        for (const c of rt.cells) {
          const within = c.filled.minus(c.original).abs().lessThanOrEqualTo(c.tolerance);
          if (!within) throw new Error(`${c.key}: 原为 ${c.original}，填为 ${c.filled}，超出所述尾差 ${c.tolerance}`);
        }
        const errors = analyze(rt.filledGrid).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
