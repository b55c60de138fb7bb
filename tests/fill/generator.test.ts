import fc from 'fast-check';
import { analyze } from '../../src/engine';
import { arbitraryDepartment, arbitraryLayout, buildGrid, LAYOUTS } from '../support/generate';

/** The generator is only useful if what it builds is consistent: the checker must find no error or warning in it. */
describe('tests/support/generate', () => {
  test.each(Object.entries(LAYOUTS))('%s: consistent departments give no error', (_, layout) => {
    fc.assert(
      fc.property(arbitraryDepartment(), (dept) => {
        const a = analyze(buildGrid(dept, layout));
        const bad = a.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.rule !== 'value/number-as-text'));
        expect(bad.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
        expect(a.tables.length).toBe(9);
      }),
      { numRuns: 60 },
    );
  });

  test('mixed layouts: consistent departments give no error', () => {
    fc.assert(
      fc.property(arbitraryDepartment(), arbitraryLayout(), (dept, layout) => {
        const a = analyze(buildGrid(dept, layout));
        const bad = a.findings.filter((f) => f.severity === 'error' || (f.severity === 'warning' && f.rule !== 'value/number-as-text'));
        expect(bad.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
        expect(a.tables.length).toBe(9);
      }),
      { numRuns: 150 },
    );
  });
});
