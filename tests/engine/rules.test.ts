/**
 * Every rule in the style of ESLint's RuleTester: on the corrected seed workbook it stays silent (valid), and
 * after one change it reports, naming the changed cell as `cell` or in `related` (invalid).
 */
import { analyze, ALL_RULES, Finding, Grid } from '../../src/engine';
import { sheetFromValues } from '../../src/engine/grid';
import { cleanSeed, cloneGrid, setCell } from '../support/grids';

type Mutable = ReturnType<typeof cleanSeed>;
interface Invalid {
  readonly name: string;
  /** Change to the corrected seed; returns the grid (defaults to the changed one). */
  readonly change: (g: Mutable) => Grid | void;
  /** Cell the finding must name (`sheet!A1`), as `cell` or in `related`. */
  readonly at: string;
  readonly severity?: Finding['severity'];
  readonly message?: string;
}

const set = (sheet: string, cell: string, v: string | number | null) => (g: Mutable) => setCell(g, sheet, cell, v);

const CASES: Record<string, Invalid[]> = {
  'structure/no-tables': [{ name: 'a sheet of prose', change: () => ({ sheets: [sheetFromValues('Sheet1', [['会议纪要'], ['今天讨论了预算']])] }), at: 'Sheet1!A1', severity: 'error' }],
  'structure/table-missing': [
    {
      name: '公开09表 deleted',
      change: (g) => ({ sheets: g.sheets.filter((s) => s.name !== '公开09表') }),
      at: '公开01表!A1',
      message: '没有找到 公开09表（财政拨款“三公”经费支出决算表），与它有关的核对关系未检查。若该表在工作簿中，请确认表名或表号写在表格上方。',
    },
  ],
  'structure/table-duplicate': [{ name: '公开03表 copied', change: (g) => ({ sheets: [...g.sheets, { ...cloneGrid({ sheets: g.sheets }).sheets[2], name: '副本' }] }), at: '副本!A1' }],
  'structure/layout': [{ name: '01 总计 label removed', change: set('公开01表', 'A36', null), at: '公开01表!A6', message: '公开01表 中没有找到“收入总计”行，涉及该行的关系未检查。请核对项目名称是否完整。' }],
  'structure/unit': [{ name: 'unit line removed from 02', change: set('公开02表', 'I3', null), at: '公开02表!A1' }],
  'value/not-a-number': [
    { name: 'words in an amount cell', change: set('公开03表', 'C8', '八百六十'), at: '公开03表!C8', severity: 'error', message: '公开03表 201 一般公共服务支出（本年支出合计）填的是“八百六十”，不是金额。请改为数字（无金额时留空或填 0）。' },
  ],
  'value/number-as-text': [{ name: 'amount typed as text', change: set('公开03表', 'C8', '860.23'), at: '公开03表!C8', severity: 'warning' }],
  'value/negative': [{ name: 'negative 公务接待费', change: set('公开09表', 'F8', -0.5), at: '公开09表!F8' }],
  'value/excess-precision': [{ name: 'three decimals', change: set('公开03表', 'C11', 492.551), at: '公开03表!C11' }],
  'code/malformed': [{ name: 'truncated 项 code', change: set('公开03表', 'A10', '201035'), at: '公开03表!A10' }],
  'code/orphan': [
    {
      name: '款 row removed',
      change: (g) => {
        for (const c of ['A9', 'B9', 'C9', 'D9', 'E9']) setCell(g, '公开03表', c, null);
      },
      at: '公开03表!A10',
    },
  ],
  'code/order': [{ name: 'code out of order', change: set('公开02表', 'A11', '2010301'), at: '公开02表!A11' }],
  'code/duplicate': [{ name: '项 code printed as its 款 (as in the seed PDF)', change: set('公开05表', 'A10', '20103'), at: '公开05表!A10' }],
  'code/name-mismatch': [{ name: 'name of another 项', change: set('公开03表', 'B10', '住房公积金'), at: '公开03表!B10' }],
  'sum/01-composition': [{ name: '本年收入合计 changed', change: set('公开01表', 'C33', 1010.85), at: '公开01表!C33' }],
  'sum/code-hierarchy': [{ name: '款 total changed', change: set('公开03表', 'C9', 860.33), at: '公开03表!C9' }],
  'sum/row-total': [{ name: '基本支出 of a 项 changed', change: set('公开03表', 'D10', 367.0), at: '公开03表!D10' }],
  'sum/04-composition': [{ name: '本年支出合计 changed', change: set('公开04表', 'F33', 1010.9), at: '公开04表!F33' }],
  'sum/04-row-total': [{ name: '208 合计 changed', change: set('公开04表', 'F14', 48.0), at: '公开04表!F14' }],
  'sum/04-balance': [{ name: '收入总计 changed', change: set('公开04表', 'C38', 1010.0), at: '公开04表!C38' }],
  'sum/06-class': [{ name: '基本工资 changed', change: set('公开06表', 'C7', 74.0), at: '公开06表!C7' }],
  'sum/06-totals': [{ name: '人员经费合计 changed', change: set('公开06表', 'C34', 462.0), at: '公开06表!C34' }],
  'sum/07-balance': [{ name: '年初 without 年末', change: set('公开07表', 'C7', 5), at: '公开07表!C7' }],
  'sum/09-totals': [{ name: '决算合计 changed', change: set('公开09表', 'G8', 1.0), at: '公开09表!G8' }],
  'cross/01-02-income': [{ name: '其他收入 in 02 changed', change: set('公开02表', 'I7', 0.04), at: '公开02表!I7' }],
  'cross/01-03-expense': [
    { name: '208 in 01 changed', change: set('公开01表', 'F14', 48.0), at: '公开01表!F14', severity: 'error' },
    // 0.01 apart: each copy may be the other's exact amount rounded separately (±0.005 each): a warning asking for one value.
    {
      name: '208 in 01 rounded the other way',
      change: set('公开01表', 'F14', 48.29),
      at: '公开01表!F14',
      severity: 'warning',
      message:
        '公开01表 八、社会保障和就业支出为 48.29 万元，公开03表 208 社会保障和就业支出（本年支出合计）为 48.28 万元，两处是同一数字，相差 0.01 万元，未超过两处分别四舍五入可能造成的差异 0.01 万元（公开01表 八、社会保障和就业支出 = 公开03表 208 社会保障和就业支出（本年支出合计））。公开的同一数字应一致：请确定一个数值，两处都填这个数。',
    },
    { name: '208 in 01 two cents off', change: set('公开01表', 'F14', 48.3), at: '公开01表!F14', severity: 'error' },
  ],
  'cross/01-04-income': [{ name: '一般公共预算财政拨款 in 04 changed', change: set('公开04表', 'C7', 1010.0), at: '公开04表!C7' }],
  'cross/04-05': [{ name: '201 in 05 changed', change: set('公开05表', 'C8', 860.0), at: '公开05表!C8' }],
  'cross/04-07': [{ name: '政府性基金 on a 类 07 lacks', change: set('公开04表', 'H7', 1.0), at: '公开04表!H7' }],
  'cross/04-08': [{ name: '国有资本经营 on a 类 08 lacks', change: set('公开04表', 'I7', 1.0), at: '公开04表!I7' }],
  'cross/05-06': [{ name: '公用经费合计 changed', change: set('公开06表', 'F34', 48.0), at: '公开06表!F34' }],
  'cross/04-01-subset': [{ name: '04 类 above 01', change: set('公开04表', 'F25', 70.0), at: '公开04表!F25' }],
  'cross/fiscal-within-03': [{ name: '05 项目支出 above 03', change: set('公开05表', 'E11', 500.0), at: '公开05表!E11' }],
  'cross/06-09-subset': [{ name: '公务用车运行维护费 in 06 above 09', change: set('公开06表', 'F30', 1.0), at: '公开06表!F30' }],
  'plausibility/09-over-budget': [{ name: '决算 above 预算', change: set('公开09表', 'K8', 1.0), at: '公开09表!K8', severity: 'warning' }],
};

const clean = analyze(cleanSeed());

test('the corrected seed has no error and no warning', () => {
  expect(clean.findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('every rule has at least one invalid case', () => {
  expect(ALL_RULES.map((r) => r.id).filter((id) => !CASES[id])).toEqual([]);
});

const names = (f: Finding) => [`${f.sheet}!${f.cell}`, ...f.related.map((r) => `${r.sheet}!${r.cell}`)];

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  test('metadata: Chinese title and explanation', () => {
    expect(rule.title).toMatch(/[\u4e00-\u9fa5]/);
    expect(rule.why.length).toBeGreaterThan(10);
  });
  test('valid: silent on the corrected seed (尾差 aside)', () => {
    expect(clean.findings.filter((f) => f.rule === id && f.severity !== 'info')).toEqual([]);
  });
  test.each((CASES[id] ?? []).map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
    const g = cleanSeed();
    const grid = (c.change(g) as Grid | undefined) ?? g;
    const found = analyze(grid).findings.filter((f) => f.rule === id && names(f).includes(c.at));
    expect(found.length).toBeGreaterThan(0);
    if (c.severity) expect(found[0].severity).toBe(c.severity);
    if (c.message) expect(found[0].message).toBe(c.message);
  });
});
