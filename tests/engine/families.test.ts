/**
 * One generated workbook per template family (src/engine/layouts.ts, variants.md): all nine tables found, every
 * table beyond the nine listed as another table, no error and no warning.
 */
import fc from 'fast-check';
import { analyze, TABLE_IDS } from '../../src/engine';
import { TEMPLATE_FAMILIES } from '../../src/engine/layouts';
import { arbitraryDepartment, buildGrid, familyLayout } from '../support/generate';

const departments = fc.sample(arbitraryDepartment(), { numRuns: 5, seed: 11 });

describe.each(TEMPLATE_FAMILIES.map((f) => [f.id, f] as const))('%s', (_, family) => {
  test.each(['万元', '元'] as const)('in %s: nine tables, the extra ones listed, no error and no warning', (unit) => {
    for (const dept of departments) {
      const a = analyze(buildGrid(dept, familyLayout(family, unit)));
      expect(a.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
      expect(a.workbook.otherTables.map((t) => t.title)).toEqual(family.extraTables.map((t) => t.title));
      expect(a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
    }
  });

  test('the 三公 table is read in the family’s place and shape, with all twelve amounts', () => {
    const a = analyze(buildGrid(departments[0], familyLayout(family)));
    const t09 = a.workbook.tables['09'];
    expect(t09?.kind === 'sangong' && [...t09.amounts.keys()].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // 三公 printed with fewer decimals is read with its own display step (its 尾差 allowance grows with it).
    expect(t09!.step.toFixed()).toBe(['1', '0.1', '0.01'][family.sanGongDecimals]);
    const position = a.workbook.sheetOrder.indexOf(t09!.sheet) + 1;
    const extrasBefore = family.extraTables.filter((x) => family.order.indexOf(x.after) < family.order.indexOf('09')).length;
    expect(position).toBe(family.order.indexOf('09') + 1 + extrasBefore);
  });
});
