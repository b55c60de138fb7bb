import fc from 'fast-check';
import { analyze } from '../../src/engine';
import { arbitraryDepartment, arbitraryLayout, buildGrid } from '../support/generate';
import { refKey } from '../../src/engine/a1';
import { planFill } from '../../src/engine/fill';
import { blankDerivable, figure, roundTrip, withCell } from './roundtrip';

/**
 * Round trip over generated departments in every layout: blank every derivable cell, fill, compare.
 * - Amounts in 分, each cell rounded on its own: a derived total is the exact sum of the shown parts, so it may
 *   differ from the published (rounded) total by 尾差 — never more than the tolerance the fill states — and
 *   nothing conflicts. A figure stated by several relations (05 合计 基本支出 from 05's rows and from 06 人员经费 +
 *   公用经费) is settled within its 尾差 so that the checker finds no error in the filled workbook.
 * - Amounts in whole display steps (no rounding anywhere): every cell comes back exactly, and the checker finds
 *   no error in the filled workbook.
 */
const RUNS_ROUNDED = 500;
const RUNS_EXACT = 250;

describe('fill round trip over generated workbooks', () => {
  test(`rounded amounts: back within the stated 尾差, no conflict, nothing else written, checks clean (${RUNS_ROUNDED} workbooks)`, () => {
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
        const errors = analyze(rt.filledGrid).findings.filter((f) => f.severity === 'error');
        expect(errors.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
      }),
      { numRuns: RUNS_ROUNDED },
    );
  }, 300_000);

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

describe('a wrong total among blanks', () => {
  test('is reported at its cell, never overwritten, and does not spread (150 workbooks)', () => {
    fc.assert(
      fc.property(arbitraryDepartment({ wholeSteps: true }), arbitraryLayout(), fc.nat(), (dept, layout, pick) => {
        const original = buildGrid(dept, layout);
        const { grid, blanked } = blankDerivable(original);
        // Put back one non-zero total, off by 1 万元 (10,000 in a 元 layout).
        const totals = [...blanked].filter(([, v]) => !figure(v).isZero());
        fc.pre(totals.length > 0);
        const [key, value] = totals[pick % totals.length];
        const wrong = figure(value).plus(layout.unit === '元' ? 10_000 : 1);
        const [sheet, cell] = key.split('!');
        const plan = planFill(withCell(grid, sheet, cell, wrong.toNumber()));
        expect(plan.fills.map((f) => refKey(f.ref))).not.toContain(key);
        expect(plan.conflicts.map((c) => `${c.sheet}!${c.cell}`)).toEqual([key]);
        expect(figure(plan.conflicts[0].expected).toString()).toBe(figure(value).toString());
        // Every other blanked cell still comes back exactly.
        const byKey = new Map(plan.fills.map((f) => [refKey(f.ref), f]));
        for (const [k, v] of blanked) {
          if (k === key) continue;
          const f = byKey.get(k);
          expect(`${k} ${f && f.kind === 'amount' ? f.value.toString() : '0'}`).toBe(`${k} ${figure(v).toString()}`);
        }
      }),
      { numRuns: 150 },
    );
  }, 180_000);
});
