/** The audit of a narrative text against the tables and the 补充信息. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditNarrative, auditNarrativeFigures, NarrativeFinding } from '../../src/engine/narrative';
import { ctxOf, EXAMPLE, FIXTURE, seedLines } from './helpers';

const generated = readFileSync(join(__dirname, 'hongshan-2024.expected.txt'), 'utf8');
const audit = (text: string | string[], file = EXAMPLE) => auditNarrative(ctxOf(file), Array.isArray(text) ? text : text.split('\n'), { source: 'test.txt', unit: 'line' });
const brief = (fs: ReadonlyArray<NarrativeFinding>) => fs.map((f) => `${f.line} ${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);

test('the seed report: exactly the statements the numbers contradict', () => {
  const findings = audit(seedLines());
  expect(brief(findings)).toEqual([
    '691 narrative/amount error 公开01表!F36', // 支出总计 1,010.72 vs 01 总计 1,010.75
    '693 narrative/change error 公开01表!F36', // 支出减少 341.35: 1,352.07 − 1,010.75 = 341.32
    '693 narrative/rate error 公开01表!F36', // 降低 25.3%: 25.24%
    '716 narrative/rate error 公开01表!F33', // 支出合计 降低 25.3%: 341.35 / 1,352.07 = 25.246%
    '729 narrative/rate error 公开04表!C38', // 财政拨款收、支总计 25.3%
    '737 narrative/rate error 公开04表!C7', // 一般公共预算财政拨款收入 25.3%
    '755 narrative/rate error 公开05表!C7', // 一般公共预算财政拨款支出 25.3%
    '921 narrative/list error 公开06表!C9', // 人员经费 names six items that are 0 in 06
    '921 narrative/list warning 公开06表!C15', // … and omits 公务员医疗补助缴费 7.35, 奖励金 1.40
    '936 narrative/list error 公开06表!F10', // 公用经费 names 手续费 … 其他资本性支出 (0 in 06)
    '936 narrative/list warning 公开06表!F26', // … and omits 劳务费 0.01
    '1021 narrative/rate error 补充信息!C55', // 自评资金 499.63 = 项目支出 499.63: 100%, not 49.4%
    '1352 narrative/none-claim error 公开01表!C14', // 我部门本年无其他收入: 01 其他收入 0.03
  ]);
  const none = findings[findings.length - 1];
  expect(none.related).toEqual([{ sheet: '公开02表', cell: 'I7' }]);
  expect(none.quote).toBe('我部门本年无其他收入。');
  expect(none.source).toBe('test.txt');
  const rate = findings[3];
  expect(rate.expected).toBe('25.2');
  expect(rate.actual).toBe('25.3');
  expect(rate.related).toEqual([{ sheet: '补充信息', cell: 'C9' }]);
  const list = findings.find((f) => f.line === 936 && f.severity === 'error')!;
  expect(list.message).toContain('办公设备购置、信息网络及软件购置更新、其他资本性支出');
});

test('without 补充信息 the seed\'s change rates are still judged by the text\'s own change amounts', () => {
  const findings = audit(seedLines(), FIXTURE);
  const rates = findings.filter((f) => f.rule === 'narrative/rate').map((f) => f.line);
  expect(rates).toEqual([693, 716, 729, 737, 755, 1021]);
  // One warning for the absent sheet, naming every input it would hold, not one per figure.
  const unverifiable = findings.filter((f) => f.rule === 'narrative/unverifiable');
  expect(unverifiable).toHaveLength(1);
  expect(unverifiable[0].message).toContain('工作簿中没有“补充信息”工作表');
  expect(unverifiable[0].message).toContain('缺少：上年收入总计、上年支出总计');
  const { figures } = auditNarrativeFigures(ctxOf(FIXTURE), seedLines(), { source: 'test.txt', unit: 'line' });
  expect(figures).toEqual({ total: 117, checked: 72, unverifiable: 45, unrecognised: 0 });
});

test('with its 补充信息 every figure of the seed report is checked', () => {
  expect(auditNarrativeFigures(ctxOf(EXAMPLE), seedLines(), { source: 'test.txt', unit: 'line' }).figures).toEqual({ total: 117, checked: 117, unverifiable: 0, unrecognised: 0 });
});

test('a missing 补充信息 input gives one warning, however many figures need it', () => {
  const f = audit(generated, FIXTURE).filter((x) => x.rule === 'narrative/unverifiable');
  expect(f).toHaveLength(1);
});

test('the generated text passes the audit unchanged', () => {
  expect(audit(generated)).toEqual([]);
});

describe('a changed generated text is caught', () => {
  const mutate = (from: string, to: string) => {
    expect(generated).toContain(from);
    return audit(generated.replace(from, to));
  };
  test.each([
    ['收入减少341.32万元，降低25.2%', '收入减少341.32万元，降低25.4%', 'narrative/rate', 'error'],
    ['收入减少341.32万元', '收入增加341.32万元', 'narrative/change', 'error'],
    // 减少 with 增长 contradicts itself without the tables: narrative/contradiction (was narrative/change).
    ['收入减少341.32万元，降低25.2%', '收入减少341.32万元，增长25.2%', 'narrative/contradiction', 'error'],
    // 41.23 / 45.40: exact rate 90.794%…90.836%, so 90.7 comes only from truncation.
    ['完成年初预算的90.8%', '完成年初预算的90.7%', 'narrative/rate', 'warning'],
    ['完成年初预算的56.9%', '完成年初预算的57.9%', 'narrative/rate', 'error'],
    // The sentence's own 402.91 / 367.68 contradict 大于: narrative/contradiction (was narrative/change).
    ['支出决算数小于年初预算数的主要原因：一是本年存在干部职工退休情况，相关人员', '支出决算数大于年初预算数的主要原因：一是本年存在干部职工退休情况，相关人员', 'narrative/contradiction', 'error'],
    ['其他收入0.03万元', '其他收入0.04万元', 'narrative/amount', 'error'],
    ['本年度无上级补助收入', '本年度无其他收入、上级补助收入', 'narrative/none-claim', 'error'],
    ['占85.11%', '占85.12%', 'narrative/rate', 'error'],
    ['主要包括：办公费、', '主要包括：办公费、手续费、', 'narrative/list', 'error'],
    ['主要包括：办公费、', '主要包括：', 'narrative/list', 'warning'],
    ['公务用车保有量为1辆', '公务用车保有量为2辆', 'narrative/count', 'error'],
    ['政府采购服务支出479.26万元', '政府采购服务支出478.26万元', 'narrative/sum', 'error'],
    ['年初预算为61.44万元', '年初预算为60.44万元', 'narrative/sum', 'error'],
    ['全年参与绩效自评的项目3个', '全年参与绩效自评的项目4个', 'narrative/count', 'error'],
    ['完成预算72%', '完成预算73%', 'narrative/rate', 'error'],
    ['完成全年预算的100%。较上年', '完成全年预算的90%。较上年', 'narrative/rate', 'error'],
    // A missing % is narrative/unit-missing (was narrative/incomplete).
    ['占85.11%', '占85.11', 'narrative/unit-missing', 'warning'],
    ['2024年度收入总计', '202年度收入总计', 'narrative/incomplete', 'warning'],
    ['截至2024年12月31日，武汉市', '截至2022年12月31日，武汉市', 'narrative/incomplete', 'warning'],
    ['收入减少341.32万元', '收入增加（减少）341.32万元', 'narrative/incomplete', 'warning'],
    ['1.因公出国（境）费全年预算与支出决算均为0万元。', '1.因公出国（境）费全年预算与支出决算均为0万元。本单位当年无机关运行经费。', '', ''],
  ])('%s → %s', (from, to, rule, severity) => {
    const f = mutate(from, to);
    if (!rule) return expect(f).toEqual([]);
    expect(f.map((x) => `${x.rule} ${x.severity}`)).toContain(`${rule} ${severity}`);
  });
});

test('a sentence with figures in an unknown wording is reported as unrecognised (info), never passed silently', () => {
  const f = audit(generated.replace('本单位无机关运行经费。', '本单位机关运行经费合计约12.00万元。'));
  expect(f.map((x) => `${x.rule} ${x.severity}`)).toEqual(['narrative/unrecognised info']);
});

test('other wordings of the same statements are checked too (完成预算的, 比上年, 下降, ASCII punctuation)', () => {
  const variant = generated
    .replace('完成年初预算的91.3%', '完成预算的91.4%')
    .replace('较上年减少0.48万元，降低35.3%', '比上年减少0.48万元，下降36.3%')
    .replace('降低25.2%；支出', '降低25.2%;支出');
  expect(audit(variant).map((f) => `${f.rule} ${f.severity} ${f.actual}`)).toEqual(['narrative/rate error 91.4', 'narrative/rate error 36.3']);
});

describe('the wrong figures issue #12 found passing silently are checked now', () => {
  test.each([
    ['2024年度收入总计1,010.75万元', '2024年度收入总计为1,010.76万元', '3 narrative/amount error'],
    ['收入减少341.32万元，降低25.2%；', '收入较上年决算数减少341.32万元，下降29.9%；', '3 narrative/rate error'],
    // An amount in 元: 10,117,200.00 元 = 1,011.72 万元, not the table's 1,010.72 (and no longer the sum of its parts).
    ['2024年度支出合计1,010.72万元', '本年支出合计10,117,200.00元', '9 narrative/amount error'],
    ['全年预算为0.88万元，支出决算为0.88万元，完成全年预算的100%。较上年', '全年预算为0.88万元，“三公”经费财政拨款支出决算为0.98万元，完成全年预算的100%。较上年', '52 narrative/amount error'],
  ])('%s → %s', (from, to, finding) => {
    expect(generated).toContain(from);
    const { findings, figures } = auditNarrativeFigures(ctxOf(EXAMPLE), generated.replace(from, to).split('\n'), { source: 'test.txt', unit: 'line' });
    expect(findings.map((f) => `${f.line} ${f.rule} ${f.severity}`)).toContain(finding);
    expect(figures.unrecognised).toBe(0);
  });

  test('an amount in 元 that equals the table within rounding passes', () => {
    const text = generated.replace('2024年度支出合计1,010.72万元', '本年支出合计10,107,249.00元');
    expect(auditNarrativeFigures(ctxOf(EXAMPLE), text.split('\n'), { source: 'test.txt', unit: 'line' }).findings).toEqual([]);
  });
});
