import { analyze, recognize } from '../../src/engine';
import { applyFills, planFill } from '../../src/engine/fill';
import { insertRows, missingRows } from '../../src/engine/fill/rows';
import { Grid } from '../../src/engine/grid';
import { readWorkbookFile } from '../../src/io/read';
import { blankDerivable, dropRows } from './roundtrip';

/** Cell values only, as text, for comparing grids. */
function values(grid: Grid): string[] {
  return grid.sheets.flatMap((s) => s.rows.flatMap((row, r) => (row ?? []).map((c, col) => (c ? `${s.name}!${r},${col}=${c.value}` : '')).filter(Boolean)));
}

describe.each(['hongshan-2024.xlsx', 'hongshan-2024-yuan-split.xlsx', 'hongshan-2024-one-sheet.xlsx'])('%s entered at 项 level only', (file) => {
  test('the missing 合计/类/款 rows are proposed where they belong, and fill completes them', async () => {
    const seed = await readWorkbookFile(`tests/fixtures/${file}`);
    const { grid: blanked } = blankDerivable(seed);
    // Remove every 合计, 类 and 款 row of 02, 03 and 05: what a user who types only 项 rows has.
    let entered = blanked;
    const wb = recognize(seed).workbook;
    const bySheet = new Map<string, Set<number>>();
    for (const id of ['02', '03', '05'] as const) {
      const t = wb.tables[id];
      if (!t || t.kind !== 'coded') continue;
      const drop = bySheet.get(t.sheet) ?? new Set<number>();
      for (const row of [t.total!, ...t.rows]) if (row.level !== '项') drop.add(row.row);
      bySheet.set(t.sheet, drop);
    }
    for (const [sheet, drop] of bySheet) entered = dropRows(entered, sheet, drop);
    expect(analyze(entered).findings.some((f) => f.rule === 'code/orphan')).toBe(true);

    const proposals = missingRows(entered, recognize(entered).workbook);
    expect(proposals.filter((p) => p.table === '03').map((p) => `${p.level} ${p.code ?? ''}`)).toEqual([
      '合计 ',
      '类 201',
      '款 20103',
      '类 208',
      '款 20805',
      '款 20899',
      '类 210',
      '款 21007',
      '款 21011',
      '类 221',
      '款 22102',
    ]);
    // Inserted with codes and standard names, the rows are those of the published tables.
    const restored = insertRows(entered, proposals);
    expect(values(restored)).toEqual(values(blanked));

    const plan = planFill(restored);
    expect(plan.conflicts).toEqual([]);
    expect(analyze(applyFills(restored, plan.fills)).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
