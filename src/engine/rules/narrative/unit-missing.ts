/**
 * narrative/unit-missing — a percentage without its % sign ("占76.23", "降低25.3，") or an amount without its unit
 * ("收入总计1,010.75，") (narrative.md §5). Only numbers that end a clause are read, so counts and measures followed
 * by their own unit ("3个", "24个绩效指标", "1辆") are never taken for amounts.
 */
import type { Sentence } from '../../narrative/text';
import { defineTextRule, TextHit } from './define';

export const TEXT_UNIT_MISSING = defineTextRule({
  check: (ctx) => checkUnits(ctx.sentences),
  cases: {
    valid: [['十三、预算绩效情况说明', '共涉及项目3个，资金499.63万元，占一般公共预算项目支出总额的100%。']],
    invalid: [
      ['五、一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款支出增加1193.20万元，增长13.95。'],
      ['一、收入支出决算总体情况说明', '2024年度收入总计1,010.75，支出总计1,010.75万元。'],
    ],
  },
  id: 'narrative/unit-missing',
  severity: 'warning',
  title: '百分比缺少%或金额缺少单位',
  why: '百分比必须带“%”，金额必须带“万元”（或表中的单位）；缺了单位，读者无法知道数字的含义，往往是改稿时删多了。',
});

/** The words after which a number is a percentage. */
const RATE_WORDS = '增长|降低|下降|上升|占[^0-9%。，；：]{0,16}?|完成(?:了)?(?:年初|全年)?预算(?:的)?|执行率(?:为)?';
/** A number that ends its clause: followed by punctuation or the end of the sentence. */
const ENDS = '(?![0-9.,])(?=[，。；、）]|$)';
const PERCENT = new RegExp(`(${RATE_WORDS})([0-9]+(?:\\.[0-9]+)?)${ENDS}`, 'g');
/** An amount as the tables show it: two decimals, or thousands separators. */
const AMOUNT_LIKE = new RegExp(`(?<![0-9.,])([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+\\.[0-9]{2})${ENDS}`, 'g');

export function checkUnits(sentences: ReadonlyArray<Sentence>): TextHit[] {
  const out: TextHit[] = [];
  for (const s of sentences) {
    const percents = new Set<number>();
    for (const m of s.text.matchAll(PERCENT)) {
      const at = m.index! + m[1].length;
      percents.add(at);
      out.push({ rule: TEXT_UNIT_MISSING, sentence: s, message: `“${m[0]}”是百分比但缺少%，请写成“${m[0]}%”。`, actual: m[2] });
    }
    for (const m of s.text.matchAll(AMOUNT_LIKE)) {
      if (percents.has(m.index!)) continue;
      const lead = s.text.slice(Math.max(0, m.index! - 12), m.index!).split(/[，。；：、]/).pop() ?? '';
      out.push({ rule: TEXT_UNIT_MISSING, sentence: s, message: `“${lead}${m[1]}”是金额但缺少单位，请写成“${lead}${m[1]}万元”（或表中的单位）。`, actual: m[1] });
    }
  }
  return out;
}
