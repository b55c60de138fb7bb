import Decimal from 'decimal.js';
import { refKey } from '../../src/engine/a1';
import { analyze } from '../../src/engine';
import { applyFills, fillCellValue, planFill } from '../../src/engine/fill';
import { Grid } from '../../src/engine/grid';
import { readWorkbookFile } from '../../src/io/read';
import { blankDerivable, withCell } from './roundtrip';

let seed: Grid;
beforeAll(async () => {
  seed = await readWorkbookFile('tests/fixtures/hongshan-2024.xlsx');
});

describe('a filled total that disagrees with its parts', () => {
  test('is reported as fill/conflict and never overwritten', () => {
    // Totals blanked, except 公开03表 201 本年支出合计, typed as 900.00 instead of 860.23.
    const { grid } = blankDerivable(seed);
    const plan = planFill(withCell(grid, '公开03表', 'C8', 900));
    expect(plan.fills.map((f) => refKey(f.ref))).not.toContain('公开03表!C8');
    const c8 = plan.conflicts.filter((c) => c.cell === 'C8' && c.sheet === '公开03表');
    expect(c8.length).toBeGreaterThan(0);
    expect(c8[0]).toMatchObject({ rule: 'fill/conflict', severity: 'error', actual: '900.00', expected: '860.23', unit: '万元' });
    expect(c8[0].message).toBe(
      '公开03表 201 一般公共服务支出（本年支出合计）表中为 900.00 万元，按已填数字推算应为 860.23 万元，相差 39.77 万元（公开03表 201 一般公共服务支出（本年支出合计） = 所属各款之和（20103））。填充不会改写已有数字，请核对。',
    );
    // The wrong total does not spread: 01's 一般公共服务支出 comes from the entered 项, not from 900.00.
    expect(plan.fills.find((f) => refKey(f.ref) === '公开01表!F7')).toMatchObject({ value: new Decimal('860.23') });
    expect(plan.conflicts.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['公开03表!C8']);
  });
});

describe('fills are trivially applicable and undoable', () => {
  test('sheet + A1 + value + previous; numbers as numbers', () => {
    const { grid } = blankDerivable(seed);
    const plan = planFill(grid);
    const g38 = plan.fills.find((f) => refKey(f.ref) === '公开04表!G38')!;
    expect(g38).toMatchObject({ kind: 'amount', previous: null, because: 'sum/04-balance', unit: '万元', decimals: 2 });
    expect(fillCellValue(g38)).toBe(1010.72);
    expect(g38.note).toMatch(/按 \d+ 个已列数字相加得出/);
    // Applying writes the values; restoring `previous` gives back the grid the fill started from.
    const applied = applyFills(grid, plan.fills);
    const undone = applyFills(applied, []);
    expect(analyze(applied).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(undone).toEqual(applied);
    let back = applied;
    for (const f of plan.fills) back = withCell(back, f.ref.sheet, f.ref.cell, f.previous);
    expect(planFill(back).fills.map((f) => refKey(f.ref))).toEqual(plan.fills.map((f) => refKey(f.ref)));
  });
});

describe('科目名称', () => {
  test('fill proposes the standard name for a code whose name is blank', () => {
    const grid = withCell(withCell(seed, '公开03表', 'B10', null), '公开06表', 'E30', null);
    const names = planFill(grid).fills.filter((f) => f.kind === 'name');
    expect(names.map((f) => [refKey(f.ref), f.kind === 'name' ? f.text : ''])).toEqual([
      ['公开03表!B10', '事业运行'],
      ['公开06表!E30', '公务用车运行维护费'],
    ]);
  });

  test('code/name-mismatch flags a code and name that do not belong together, and nothing in the seed', async () => {
    for (const f of ['hongshan-2024.xlsx', 'hongshan-2024-yuan-split.xlsx', 'hongshan-2024-one-sheet.xlsx']) {
      const findings = analyze(await readWorkbookFile(`tests/fixtures/${f}`)).findings;
      expect(findings.filter((x) => x.rule === 'code/name-mismatch')).toEqual([]);
    }
    const wrong = withCell(withCell(seed, '公开05表', 'B10', '行政运行'), '公开06表', 'B7', '津贴补贴');
    const found = analyze(wrong).findings.filter((x) => x.rule === 'code/name-mismatch');
    expect(found.map((x) => [`${x.sheet}!${x.cell}`, x.severity, x.message])).toEqual([
      ['公开05表!B10', 'warning', '公开05表 科目编码 2010350 的标准名称是“事业运行”，表中为“行政运行”。请核对编码或名称。'],
      ['公开06表!B7', 'warning', '公开06表 经济分类科目编码 30101 的标准名称是“基本工资”，表中为“津贴补贴”。请核对编码或名称。'],
    ]);
  });

  test('an abbreviated name, or an earlier year’s name of the 科目, still agrees', () => {
    const abbreviated = withCell(seed, '公开02表', 'B11', '其他政府办公厅（室）及相关机构');
    const older = withCell(abbreviated, '公开03表', 'B19', '医疗卫生与计划生育支出');
    expect(analyze(older).findings.filter((x) => x.rule === 'code/name-mismatch')).toEqual([]);
  });
});
