/**
 * The three real 上海市普陀区 2024 reports (../shared/corpus, copied into tests/fixtures/corpus), checked end to end.
 * Every finding above info is listed with the reason it is true, verified against the transcription
 * (`<slug>.tables.json`, figures exactly as printed); nothing else above info may appear.
 */
import { analyze, Finding, TABLE_IDS } from '../../src/engine';
import { fixtureGrid } from '../support/grids';

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;
const analysis = (slug: string) => analyze(fixtureGrid(`corpus/${slug}.xlsx`));
const aboveInfo = (slug: string) => analysis(slug).findings.filter((f) => f.severity !== 'info');

/** [finding, why it is true]. */
type Expected = ReadonlyArray<readonly [string, string]>;

const EXPECTED: Record<string, Expected> = {
  'sh-putuo-czj-2024': [
    ['warning cross/01-03-expense 表1!D12', 't01 prints 八、社会保障和就业支出 326.71, t03 prints 208 社会保障和就业支出 326.72: one figure rounded two ways'],
    ['warning cross/04-05 表4!E12', 't04 prints 八、社会保障和就业支出 326.71 (一般公共预算), t05 prints 208 小计 326.72: the same copy difference'],
  ],
  'sh-putuo-ghzy-2024': [
    ['warning cross/01-03-expense 表1!D13', 't01 prints 九、卫生健康支出 236.63, t03 prints 210 卫生健康支出 236.64'],
    ['warning cross/01-03-expense 表1!D15', 't01 prints 十一、城乡社区支出 3845.25, t03 prints 212 城乡社区支出 3845.24'],
    ['warning cross/04-05 表4!E13', 't04 prints 九、卫生健康支出 236.63 (一般公共预算), t05 prints 210 小计 236.64'],
  ],
  // Every relation holds up to 尾差; 三公 is printed empty with a 故本表无数据 note.
  'sh-putuo-shgzb-2024': [],
};

describe.each(Object.keys(EXPECTED))('%s', (slug) => {
  test('all nine tables are found, 三公 on the 7th sheet', () => {
    const a = analysis(slug);
    expect(a.tables.map((t) => t.id)).toEqual([...TABLE_IDS]);
    expect(a.tables.find((t) => t.id === '09')?.sheet).toBe('表7');
    expect(a.workbook.otherTables).toEqual([]);
  });

  test('exactly the true findings above info', () => {
    expect(aboveInfo(slug).map(brief)).toEqual(EXPECTED[slug].map(([f]) => f));
  });

  test('copies that differ by separate rounding say so and ask for one value', () => {
    for (const f of aboveInfo(slug)) {
      expect(f.message).toContain('未超过两处分别四舍五入可能造成的差异 0.01 万元');
      expect(f.message).toContain('请确定一个数值');
      expect(f.difference?.replace('-', '')).toBe('0.01');
    }
  });
});

test('06 in two blocks with 类 | 款 split: 款 rows keep their own codes and the totals add up', () => {
  const t06 = analysis('sh-putuo-czj-2024').workbook.tables['06'];
  if (t06?.kind !== 'econ') throw new Error('06 not read');
  expect(t06.items.find((i) => i.code === '30101')).toMatchObject({ name: '基本工资', block: '人员经费', codeRef: { sheet: '表6', cell: 'A6' } });
  expect(t06.items.find((i) => i.code === '31002')).toMatchObject({ name: '办公设备购置', block: '公用经费' });
  expect(t06.items.filter((i) => i.code.length === 3).map((i) => i.code)).toEqual(['301', '302', '303', '310']);
  expect(t06.personnelTotal?.value.toFixed(2)).toBe('2152.26');
  expect(t06.publicTotal?.value.toFixed(2)).toBe('184.65');
});

test('三公 in 预算数 / 决算数 pairs: all twelve columns read, 合计 and 公务接待费 where printed', () => {
  const t09 = analysis('sh-putuo-ghzy-2024').workbook.tables['09'];
  if (t09?.kind !== 'sangong') throw new Error('09 not read');
  expect([...t09.amounts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  // Row 7: A 2.85 (预算 合计), B 0.39 (决算 合计), K 2.85 (预算 接待), L 0.39 (决算 接待).
  expect(t09.amounts.get(1)?.ref.cell).toBe('A7');
  expect(t09.amounts.get(7)?.ref.cell).toBe('B7');
  expect(t09.amounts.get(6)?.ref.cell).toBe('K7');
  expect(t09.amounts.get(12)?.value.toFixed(2)).toBe('0.39');
});

test('empty fund tables: the 合计 label on the sub-header row is no amount, and the note says why', () => {
  const a = analysis('sh-putuo-ghzy-2024');
  for (const id of ['07', '08'] as const) {
    const t = a.workbook.tables[id];
    if (t?.kind !== 'coded') throw new Error(`${id} not read`);
    expect(t.rows).toEqual([]);
    expect(t.emptyNote).toMatch(/故本表无数据。$/);
    expect([...t.columns.keys()]).toContain(1);
  }
});

test('the report counts the relations checked (all those the layout allows) and the codes checked against the catalogue', () => {
  for (const [slug, n, codes] of [
    ['sh-putuo-czj-2024', 370, 83],
    ['sh-putuo-ghzy-2024', 438, 89],
    ['sh-putuo-shgzb-2024', 351, 82],
  ] as const) {
    expect(analysis(slug).coverage).toEqual({ checked: n, allowed: n, skipped: [], codes: { checked: codes, unknown: [] } });
  }
});
