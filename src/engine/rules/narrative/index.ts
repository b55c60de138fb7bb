/**
 * Rules about the 情况说明 and its 补充信息 inputs. They need the 补充信息 sheet or a text, which the table
 * RuleContext lacks, so src/engine/narrative runs them; each entry carries the catalogue metadata of a Rule.
 */
import { TEXT_CONTRADICTION } from './contradiction';
import { defineNarrativeRule, NarrativeRule, TextRule } from './define';
import { TEXT_RESTATED } from './restated';
import { TEXT_SUM } from './text-sums';
import { TEXT_UNIT_MISSING } from './unit-missing';
import { TEXT_ZERO_BASE } from './zero-base';

export type { NarrativeRule, NarrativeRuleContext, TextHit, TextRule } from './define';
export { defineNarrativeRule, defineTextRule } from './define';
export { checkContradictions, TEXT_CONTRADICTION } from './contradiction';
export { checkRestated, TEXT_RESTATED } from './restated';
export { checkTextSums, TEXT_SUM } from './text-sums';
export { checkUnits, TEXT_UNIT_MISSING } from './unit-missing';
export { checkZeroBases, TEXT_ZERO_BASE } from './zero-base';

export const SUPPLEMENT_MISSING = defineNarrativeRule({
  id: 'narrative/supplement-missing',
  severity: 'warning',
  title: '补充信息缺少情况说明需要的数据',
  why: '情况说明的上年数、年初预算、三公、政府采购等数字不在九张表中，须在“补充信息”表填写；空着时生成的文字只能留下【待补充】，检查也无法核对。',
});

export const SUPPLEMENT_NOT_A_NUMBER = defineNarrativeRule({
  id: 'narrative/supplement-not-a-number',
  severity: 'error',
  title: '补充信息的金额或数量单元格不是数字',
  why: '金额（万元）和数量必须是数字，文字无法参与计算增减额、增减率和完成率。',
});

export const SUPPLEMENT_KEY = defineNarrativeRule({
  id: 'narrative/supplement-key',
  severity: 'warning',
  title: '补充信息的键未知或重复',
  why: '补充信息按 A 列的键读取；拼错的键不会被使用，重复的键只有第一行生效。',
});

export const SUPPLEMENT_PERF = defineNarrativeRule({
  id: 'narrative/supplement-perf',
  severity: 'error',
  title: '绩效自评项目金额与决算表不符',
  why: '参与绩效自评的是一般公共预算项目支出：自评资金和各项目执行数之和不能超过公开05表的项目支出合计，自评项目数应等于所列项目个数。',
});

export const SUPPLEMENT_SUM = defineNarrativeRule({
  id: 'narrative/supplement-sum',
  severity: 'error',
  title: '补充信息的合计与分项不符',
  why: '年初预算合计应等于各项年初预算之和，政府采购支出总额应等于货物、工程、服务之和，小微企业合同金额不能超过中小企业合同金额，中小企业合同金额不能超过采购总额。',
});

export const TEXT_AMOUNT = defineNarrativeRule({
  id: 'narrative/amount',
  severity: 'error',
  title: '情况说明中的金额与表中数字不符',
  why: '情况说明引用的每个金额都必须与决算表或补充信息中的同一数字完全一致。',
});

export const TEXT_CHANGE = defineNarrativeRule({
  id: 'narrative/change',
  severity: 'error',
  title: '增减额或增减方向与上年数不符',
  why: '增减额 = |本年 − 上年|，“增加/减少”“增长/降低”必须与本年和上年数的大小一致。',
});

export const TEXT_RATE = defineNarrativeRule({
  id: 'narrative/rate',
  severity: 'error',
  title: '百分比（增减率、占比、完成率）算得不对',
  why: '按表中四舍五入后的金额可能对应的全部精确值计算，百分比四舍五入后仍不可能得到文中数字（只有截尾才能得到时为警告）。',
});

export const TEXT_NONE = defineNarrativeRule({
  id: 'narrative/none-claim',
  severity: 'error',
  title: '文中说“无…”，表中却有金额',
  why: '“本年度无…收入”“本单位当年无…”等说法要求对应单元格为 0。',
});

export const TEXT_LIST = defineNarrativeRule({
  id: 'narrative/list',
  severity: 'error',
  title: '列举的科目与表中不符',
  why: '列举的每个科目都应在表中有金额，表中有金额的科目都应列出（漏列为警告）。',
});

export const TEXT_COUNT = defineNarrativeRule({
  id: 'narrative/count',
  severity: 'error',
  title: '个数、车辆数等与补充信息或文中所列不符',
  why: '项目个数应等于所列项目数，车辆、设备、指标个数应等于补充信息中的数字。',
});

export const TEXT_INCOMPLETE = defineNarrativeRule({
  id: 'narrative/incomplete',
  severity: 'warning',
  title: '文字未写完整（占位符、年度不对）',
  why: '“XX”“××”“【待补充】”“增加（减少）”等占位符、不完整或不属于本年度和上年度的年份，说明文字还没有改完。',
});

export const TEXT_UNCHECKED = defineNarrativeRule({
  id: 'narrative/unverifiable',
  severity: 'warning',
  title: '缺少数据，无法核对',
  why: '核对这句话需要的补充信息没有填写，只能跳过；请补填后再检查。',
});

export const TEXT_UNRECOGNISED = defineNarrativeRule({
  id: 'narrative/unrecognised',
  severity: 'info',
  title: '含数字的句子未能识别',
  why: '这句话包含金额或百分比，但不符合已知的说明写法，没有核对；请人工核对。',
});

/** The rules that read the text alone, in the order their findings are reported. */
export const TEXT_RULES: ReadonlyArray<TextRule> = [TEXT_CONTRADICTION, TEXT_ZERO_BASE, TEXT_RESTATED, TEXT_SUM, TEXT_UNIT_MISSING];

export const NARRATIVE_RULES: ReadonlyArray<NarrativeRule> = [
  SUPPLEMENT_MISSING,
  SUPPLEMENT_NOT_A_NUMBER,
  SUPPLEMENT_KEY,
  SUPPLEMENT_PERF,
  SUPPLEMENT_SUM,
  TEXT_AMOUNT,
  TEXT_CHANGE,
  TEXT_RATE,
  TEXT_NONE,
  TEXT_LIST,
  TEXT_COUNT,
  TEXT_SUM,
  TEXT_CONTRADICTION,
  TEXT_ZERO_BASE,
  TEXT_RESTATED,
  TEXT_UNIT_MISSING,
  TEXT_INCOMPLETE,
  TEXT_UNCHECKED,
  TEXT_UNRECOGNISED,
];
