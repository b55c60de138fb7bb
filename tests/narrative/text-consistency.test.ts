/** The rules that read the text alone (narrative.md §5 "Consistency that needs no source"). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditNarrative, NarrativeFinding } from '../../src/engine/narrative';
import { sentences } from '../../src/engine/narrative/text';
import { checkContradictions, checkRestated, checkTextSums, checkUnits, checkZeroBases } from '../../src/engine/rules/narrative';
import { ctxOf, EXAMPLE, seedLines } from './helpers';

const generated = readFileSync(join(__dirname, 'hongshan-2024.expected.txt'), 'utf8');
const audit = (text: string) => auditNarrative(ctxOf(EXAMPLE), text.split('\n'), { source: 'test.txt', unit: 'line' });
const mutate = (from: string, to: string) => {
  expect(generated).toContain(from);
  return audit(generated.replace(from, to));
};
const brief = (fs: ReadonlyArray<NarrativeFinding>) => fs.map((f) => `${f.line} ${f.rule} ${f.severity}`);
const only = (fs: ReadonlyArray<NarrativeFinding>, rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${f.line} ${f.message}`);
/** A text-only check on a few lines under one heading. */
const text = (heading: string, ...lines: string[]) => sentences([heading, ...lines]);
const silent = (check: (s: ReturnType<typeof sentences>) => unknown[], heading: string, ...lines: string[]) => expect(check(text(heading, ...lines))).toEqual([]);

test('the generated text and the seed report raise nothing from the text-only rules', () => {
  const textOnly = /narrative\/(contradiction|zero-base|restated|unit-missing|sum)$/;
  expect(audit(generated)).toEqual([]);
  expect(auditNarrative(ctxOf(EXAMPLE), seedLines(), { source: 'seed.txt', unit: 'line' }).filter((f) => textOnly.test(f.rule))).toEqual([]);
});

describe('narrative/contradiction', () => {
  test('增加/减少 against 增长/降低 in one phrase', () => {
    const f = mutate('收入减少341.32万元，降低25.2%', '收入减少341.32万元，增长25.2%');
    expect(only(f, 'narrative/contradiction')).toEqual(['3 情况说明第 3 行：“减少341.32万元”与“增长25.2%”方向相反，请按本年和上年数把其中一个改正（增加对应增长，减少对应降低）。']);
    expect(f.find((x) => x.rule === 'narrative/contradiction')).toMatchObject({ severity: 'error', expected: '降低', actual: '增长', quote: expect.stringContaining('收入减少341.32万元，增长25.2%') });
  });

  test('持平 next to a change amount', () => {
    const f = mutate('支出减少341.32万元，降低25.2%', '支出持平，减少341.32万元');
    expect(only(f, 'narrative/contradiction')).toEqual(['3 情况说明第 3 行：“持平，减少341.32万元”：持平表示本年与上年相等，不应再有减少341.32万元；请按本年和上年数只保留其中一种说法。']);
  });

  test('a reason for 增加 after the text said 减少', () => {
    const f = mutate('决算数较上年减少的主要原因', '决算数较上年增加的主要原因');
    expect(brief(f)).toEqual(['52 narrative/contradiction error']);
    expect(only(f, 'narrative/contradiction')).toEqual(['52 情况说明第 52 行：前文说减少，这里却写“较上年增加的主要原因”；请把原因说明的“增加”改为“减少”，或改正前文的增减方向。']);
  });

  test('决算数大于年初预算数 with a smaller 决算数 in the same sentence (and no second finding from the tables)', () => {
    const f = mutate('支出决算为367.68万元，完成年初预算的91.3%，支出决算数小于', '支出决算为367.68万元，完成年初预算的91.3%，支出决算数大于');
    expect(brief(f)).toEqual(['27 narrative/contradiction error']);
    expect(f[0].message).toBe('情况说明第 27 行：文中决算数 367.68 万元小于预算数 402.91 万元，却写“决算数大于年初预算数”；请改为“决算数小于预算数”，或改正金额。');
  });

  test('silent: consistent words, 基本持平 with a small change, and amounts equal as shown', () => {
    silent(
      checkContradictions,
      '九、财政拨款“三公”经费支出决算情况说明',
      '较上年减少0.48万元，降低35.3%。决算数较上年减少的主要原因：压减支出。',
      '与上年基本持平，增加0.01万元。',
      // 2.20 shown twice: the exact 决算 may still exceed the exact 预算 (each stands for ±0.005).
      '公务接待费全年预算为2.20万元，支出决算为2.20万元，决算数大于预算数的主要原因：接待增加。',
      '事业单位离退休（项）年初预算为0.00万元，支出决算为2.20万元，支出决算数大于年初预算数的主要原因：调剂。',
    );
  });

  test('rounding: 2.20 against 2.21 cannot be 大于 (2.20 stands for less than 2.205, 2.21 for at least 2.205)', () => {
    const hits = checkContradictions(text('九、财政拨款“三公”经费支出决算情况说明', '全年预算为2.21万元，支出决算为2.20万元，决算数大于预算数。'));
    expect(hits.map((h) => [h.rule.id, h.expected, h.actual])).toEqual([['narrative/contradiction', '小于', '大于']]);
  });
});

describe('narrative/zero-base', () => {
  test('a 完成率 on a 年初预算 of 0 (the table check stays quiet about the same rate)', () => {
    const f = mutate('年初预算为0.00万元，支出决算为2.20万元，', '年初预算为0.00万元，支出决算为2.20万元，完成年初预算的100%，');
    expect(brief(f)).toEqual(['30 narrative/zero-base error']);
    expect(f[0].message).toBe(
      '情况说明第 30 行：“社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）年初预算为0.00万元”，预算数为 0 时不能计算完成率，请删去“完成年初预算的100%”。',
    );
    expect(f[0].actual).toBe('100');
  });

  test('增长100% where the text puts the previous year at 0 (本年 0.88 = 增加 0.88)', () => {
    const f = mutate('完成全年预算的100%；较上年减少0.48万元，降低35.3%。决算数较上年减少', '完成全年预算的100%；较上年增加0.88万元，增长100%。决算数较上年增加');
    // 补充信息 gives 上年 1.36, so the direction is also wrong against the tables (narrative/change).
    expect(brief(f)).toEqual(['55 narrative/zero-base error', '55 narrative/change error']);
    expect(f[0].message).toBe('情况说明第 55 行：支出决算为0.88万元、增加0.88万元，即上年数为 0，不能计算增长率，请删去“，增长100%”。');
  });

  test('silent: a real 100% growth, and a budget of 0 without a rate', () => {
    silent(
      checkZeroBases,
      '十、机关运行经费支出说明',
      '本单位机关运行经费支出0.88万元，比上年增加0.44万元，增长100%。',
      '事业单位离退休（项）年初预算为0.00万元，支出决算为2.20万元，支出决算数大于年初预算数。',
    );
  });
});

describe('narrative/restated', () => {
  test('the same named figure with two values in one section', () => {
    const f = mutate('2024年度一般公共预算财政拨款支出1,010.72万元，主要用于', '2024年度一般公共预算财政拨款支出1,010.75万元，主要用于');
    expect(only(f, 'narrative/restated')).toEqual([
      '19 情况说明第 19 行：一般公共预算财政拨款支出在第 17 行写为 1,010.72 万元，这里写为 1,010.75 万元；同一个数字应前后一致，请按表中数字改成同一个数。',
    ]);
    expect(f.find((x) => x.rule === 'narrative/restated')).toMatchObject({ expected: '1010.72', actual: '1010.75', difference: '0.03' });
  });

  test('silent: equal values in another rendering, generic names, and the same name in another section', () => {
    expect(
      checkRestated([
        ...text('一、收入支出决算总体情况说明', '收入总计3.2万元。收入总计3.20万元。', '年初预算为1.00万元，支出决算为0.50万元。年初预算为2.00万元，支出决算为0.70万元。'),
        ...text('三、支出决算情况说明', '其中：基本支出511.09万元。'),
        ...text('六、一般公共预算财政拨款基本支出决算情况说明', '其中：基本支出500.00万元。'),
      ]),
    ).toEqual([]);
  });
});

describe('narrative/sum (the text\'s own lists)', () => {
  test('五（二） 类 that do not add up to the stated 一般公共预算财政拨款支出', () => {
    const f = mutate('住房保障支出类支出67.86万元', '住房保障支出类支出76.86万元');
    expect(only(f, 'narrative/sum')).toEqual([
      '19 情况说明第 19 行：一般公共预算财政拨款支出写为 1,010.72 万元，但文中各类支出之和为 1,019.72 万元（一般公共服务支出类支出 860.23 + 社会保障和就业支出类支出 48.28 + 卫生健康支出类支出 34.35 + 住房保障支出类支出 76.86），相差 9.00 万元；请核对合计和分项。',
    ]);
    expect(f.find((x) => x.rule === 'narrative/sum')).toMatchObject({ expected: '1019.72', actual: '1010.72', difference: '-9.00', tolerance: '0.025' });
  });

  test('a listed part larger than its whole', () => {
    const f = mutate('公务用车运行费支出0.88万元', '公务用车运行费支出8.80万元');
    expect(only(f, 'narrative/sum')).toEqual(['57 情况说明第 57 行：公务用车运行费支出 8.80 万元大于第 55 行的公务用车购置及运行费支出决算 0.88 万元，分项不能大于合计；请核对这两个数。']);
  });

  test('silent: 尾差 within 0.005 × (non-zero parts + 1), and a list without its total', () => {
    silent(
      checkTextSums,
      '六、一般公共预算财政拨款基本支出决算情况说明',
      // 462.92 + 48.18 = 511.10 against 511.09: 0.01 ≤ 0.015, honest rounding.
      '2024年度一般公共预算财政拨款基本支出511.09万元，其中：人员经费462.92万元。公用经费48.18万元。',
    );
    silent(checkTextSums, '二、收入决算情况说明', '其中：财政拨款收入1,010.72万元；其他收入0.03万元。');
  });
});

describe('narrative/unit-missing', () => {
  test('an amount without 万元', () => {
    const f = mutate('收入总计1,010.75万元，支出总计', '收入总计1,010.75，支出总计');
    expect(brief(f)).toEqual(['3 narrative/unit-missing warning']);
    expect(f[0].message).toBe('情况说明第 3 行：“2024年度收入总计1,010.75”是金额但缺少单位，请写成“2024年度收入总计1,010.75万元”（或表中的单位）。');
  });

  test('a change rate without %', () => {
    const f = mutate('降低25.2%；支出', '降低25.2；支出');
    expect(only(f, 'narrative/unit-missing')).toEqual(['3 情况说明第 3 行：“降低25.2”是百分比但缺少%，请写成“降低25.2%”。']);
  });

  test('silent: counts, thresholds, list numbers and dates', () => {
    silent(
      checkUnits,
      '十二、国有资产占用情况说明',
      '截至2024年12月31日，共有车辆1辆；单位价值100万元以上设备0台（套）。',
      '1.共涉及项目3个，资金499.63万元，占一般公共预算项目支出总额的100%，执行得分为14分。',
    );
  });
});
