/**
 * The 情况说明 of the three real 上海市普陀区 2024 reports (../shared/corpus, copied into tests/fixtures/corpus),
 * audited against their own workbooks. Every finding above info is listed with the reason it is true (checked
 * against `<slug>.tables.json`, the figures exactly as printed); nothing else above info may appear. At least 95 %
 * of each text's figures are matched to a statement (checked, or unverifiable for want of a named input); the
 * rest are listed with the reason they cannot be matched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditNarrativeFigures, narrativeContext, NarrativeFinding } from '../../src/engine/narrative';
import { fixtureGrid } from '../support/grids';

const FIXTURES = join(__dirname, '..', 'fixtures', 'corpus');
const brief = (f: NarrativeFinding) => `${f.line} ${f.severity} ${f.rule}${f.sheet ? ` ${f.sheet}!${f.cell}` : ''}`;

function audit(slug: string) {
  const ctx = narrativeContext(fixtureGrid(`corpus/${slug}.xlsx`));
  const lines = readFileSync(join(FIXTURES, `${slug}.narrative.txt`), 'utf8').split('\n');
  return auditNarrativeFigures(ctx, lines, { source: `${slug}.narrative.txt`, unit: 'line' });
}

/** [finding, why it is true]. */
type Expected = ReadonlyArray<readonly [string, string]>;

/** The workbooks have no 补充信息 sheet: the one warning that says so, and the one that lists figures with no source. */
const GAPS = (sheetAt: number, otherAt: number): Expected => [
  [`${sheetAt} warning narrative/unverifiable`, 'no 补充信息 sheet: one warning naming every missing input (上年数, 年初预算, 政府采购…)'],
  [`${otherAt} warning narrative/unverifiable`, 'figures no input holds (面向中小企业预留, 车辆构成, 绩效评级…): one warning listing them'],
];

const EXPECTED: Record<string, { findings: Expected; unmatched: ReadonlyArray<string> }> = {
  'sh-putuo-czj-2024': {
    findings: [
      ['16 error narrative/amount 表4!B36', '四 says 财政拨款收入支出总计 0.3 万元; t04 prints 收入总计 2961.68 (variants.md lists this real mistake)'],
      ['26 error narrative/rate 表5!E6', '一般公共服务支出 2106.66 / 2940.05 = 71.654 %, the text says 71.73 % (the four shares add to 100.07 %)'],
      ['75 error narrative/list 表6!D28', '人员经费 lists 个人农业生产补贴, blank in t06 (30310)'],
      ['75 warning narrative/list 表6!D27', '… and leaves out 奖励金 0.31 (30309)'],
      ['83 error narrative/rate 表7!C7', '因公出国（境）费 完成预算的0% with 预算数 0 in t07 (no rate on a zero base)'],
      ['83 error narrative/rate 表7!E7', '公务用车购置及运行维护费 完成预算的0% with 预算数 0 likewise'],
      ...GAPS(6, 98),
    ],
    unmatched: [],
  },
  'sh-putuo-ghzy-2024': {
    findings: [
      ['27 warning narrative/rate 表5!C29', '9746.50 / 9759.38 = 99.868 %: 99.86 % only by truncation'],
      ['28 warning narrative/unit-missing', '“增长 13.95” without %'],
      ['33 warning narrative/amount 表5!C12', '卫生健康支出 236.63 is t01/t04\'s rounding; t05 prints 236.64 (尾差 between tables, one value wanted)'],
      ['39 warning narrative/rate 表5!C29', '9746.50 / 10210.34 = 95.457 %: 95.45 % only by truncation'],
      ['64 error narrative/list', 'no 项 机关事业单位退休人员活动费支出 in t05: its 0.88 is 其他行政事业单位养老支出'],
      ['103 error narrative/list', '其他国土资源事务支出 is named 其他自然资源事务支出 in t05'],
      ['107 error narrative/list', '住房公积金 is under 住房改革支出（款）in t05, not 住房保障支出（款）'],
      ['114 error narrative/list', '购房补贴 likewise'],
      ['120 error narrative/amount 表5!D29', '六 gives 基本支出 5377.64 (t03, all funds); t05\'s 财政拨款 基本支出 is 5364.75'],
      ['120 error narrative/amount 表6!C42', '人员经费 4896.98; t06 人员经费合计 4884.09 (the same 12.89 difference)'],
      ['120 error narrative/list 表6!C7', '人员经费 lists 奖金, 奖励金, 其他对个人和家庭的补助: 0.00 in t06'],
      ['120 error narrative/list 表6!F30', '公用经费 lists 税金及附加费用: 0.00 in t06'],
      ['135 error narrative/rate 表7!C7', '因公出国（境）费 完成预算的0.00% with 预算数 0 in t07'],
      ['135 error narrative/rate 表7!E7', '公务用车购置及运行维护费 完成预算的0.00% with 预算数 0'],
      ['142 warning narrative/incomplete', 'template wording left in: 下降（增长）27.78%'],
      ['27 warning narrative/list 表5!C11', 'the 项 of t05 named otherwise in 五（三） (the four above) are not listed under their table names'],
      ...GAPS(7, 154),
    ],
    unmatched: [
      '8 1133.95万元: a figure inside a 主要原因 (较上一度增加…), no statement of its own',
      '20 1133.95万元: the same reason repeated in 四',
      '29 1133.95万元: and in 五（一）',
      '40 92%: 规划服务较年初完成 92% inside a reason',
      '142 27.78%: the rate after the placeholder 下降（增长） (reported as narrative/incomplete)',
    ],
  },
  'sh-putuo-shgzb-2024': {
    findings: [
      ['9 error narrative/zero-base', '一: 收入支出总计 307.82, 增加 307.82 (the unit was founded in 2024): 上年 0, so no 增长 100.00%'],
      ['19 error narrative/zero-base', '四: the same for 财政拨款收入支出总计'],
      ['26 error narrative/zero-base', '五（一）: the same for 一般公共预算财政拨款支出'],
      ['29 warning narrative/rate 表5!C18', '住房保障支出 29.42 / 307.82 = 9.557 %: 9.55 % only by truncation'],
      ['34 error narrative/rate 表5!C22', '完成年初预算的 95.89 % with 年初预算 0 万元 (95.89 % is 307.82 / 321.02, the 全年预算)'],
      ['82 error narrative/list 表6!F11', '公用经费 lists 邮电费: 0.00 in t06'],
      ['113 error narrative/zero-base', '机关运行经费 10.23, 增加 10.23: 上年 0, so no 增长 100.00%'],
      ...GAPS(9, 34),
    ],
    unmatched: [],
  },
};

describe.each(Object.keys(EXPECTED))('%s', (slug) => {
  const result = audit(slug);

  test('exactly the true findings above info', () => {
    expect(result.findings.filter((f) => f.severity !== 'info').map(brief)).toEqual(EXPECTED[slug].findings.map(([f]) => f));
  });

  test('no false error: every error is one of the listed', () => {
    const listed = new Set(EXPECTED[slug].findings.map(([f]) => f));
    expect(result.findings.filter((f) => f.severity === 'error' && !listed.has(brief(f))).map(brief)).toEqual([]);
  });

  test('at least 95 % of the figures are matched; the others are the listed ones', () => {
    const { total, checked, unverifiable, unrecognised } = result.figures;
    expect(checked + unverifiable + unrecognised).toBe(total);
    expect((checked + unverifiable) / total).toBeGreaterThanOrEqual(0.95);
    const open = result.findings.filter((f) => f.rule === 'narrative/unrecognised');
    const listed = EXPECTED[slug].unmatched;
    expect(unrecognised).toBe(listed.length);
    expect(open.map((f) => f.line)).toEqual(listed.map((u) => Number(u.split(' ')[0])));
  });
});
