/**
 * narrative/zero-base — a rate on a zero base (narrative.md §1 "No rate when the denominator is 0", §5): a 完成率
 * whose stated 预算数 is 0, or a 增长率 where the text's own figures put the previous year at 0 (本年 = 增加额).
 */
import type { Sentence } from '../../narrative/text';
import { CHANGE, defineTextRule, num, sameBlock, StatedFigure, statedFigures, TextHit } from './define';

export const TEXT_ZERO_BASE = defineTextRule({
  check: (ctx) => checkZeroBases(ctx.sentences),
  cases: {
    valid: [
      ['五、一般公共预算财政拨款支出决算情况说明', '（1）行政运行（项）年初预算为10.00万元，支出决算为8.00万元，完成年初预算的80%。'],
      ['十一、其他重要事项的情况说明', '机关运行经费支出20.00万元，比2023年度增加10.00万元，增长100.00%。'],
    ],
    invalid: [
      ['五、一般公共预算财政拨款支出决算情况说明', '（1）行政运行（项）年初预算为0万元，支出决算为8.00万元，完成年初预算的80%。'],
      ['十一、其他重要事项的情况说明', '机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。'],
    ],
  },
  id: 'narrative/zero-base',
  severity: 'error',
  title: '基数为 0 却写了百分比',
  why: '预算数为 0 时没有完成率，上年数为 0 时没有增长率（“增长100%”是常见误写）：除以 0 的百分比没有意义，应删去，只写金额。',
});

/** "预算为0万元 … 完成预算的X%" (or 执行率X%) within one sentence, with no other 预算 in between. */
function completionOnZero(s: Sentence, out: TextHit[]): void {
  const rate = /(完成(?:了)?(?:年初|全年)?预算(?:的)?|执行率(?:为)?)([0-9]+(?:\.[0-9]+)?)%/g;
  const figs = statedFigures(s.text);
  let next = 0;
  let budget: StatedFigure | undefined;
  for (const m of s.text.matchAll(rate)) {
    // Figures and rates come in text order: the last 预算 before the rate, found in one pass.
    for (; next < figs.length && figs[next].index < m.index!; next++) if (figs[next].kind === 'budget') budget = figs[next];
    if (!budget || !budget.value.isZero()) continue;
    out.push({
      rule: TEXT_ZERO_BASE,
      sentence: s,
      message: `“${budget.label}为${budget.written}万元”，预算数为 0 时不能计算完成率，请删去“${m[0]}”。`,
      actual: m[2],
    });
  }
}

/**
 * The figure a change phrase is about: the nearest earlier amount named like the phrase's subject ("收入" →
 * "收入总计"), else the nearest earlier plain amount; taken from the sentence or the previous one of the block.
 */
function figureOfChange(subject: string, before: ReadonlyArray<StatedFigure>): StatedFigure | undefined {
  const plain = before.filter((f) => f.kind === 'plain');
  const named = subject ? plain.filter((f) => f.label.startsWith(subject)) : [];
  return (named.length ? named : plain).pop();
}

const CLAUSE_WINDOW = 60;
/** How far back (characters) the figure a change is about may stand: the sentence and the one before it. */
const FIGURE_WINDOW = 400;

/** "X万元 … 增加X万元，增长R%": 上年 = X − X = 0, so there is no 增长率. */
function growthOnZero(s: Sentence, prev: Sentence | null, out: TextHit[]): void {
  const head = prev && sameBlock(prev, s) ? prev.text : '';
  const text = head + s.text;
  const figs = statedFigures(text);
  let lo = 0;
  let hi = 0;
  for (const m of s.text.matchAll(CHANGE)) {
    if (m[1] !== '增加' || !m[3]) continue;
    const at = head.length + m.index!;
    // figs[lo, hi): the figures within FIGURE_WINDOW before the change; both ends only move forward.
    while (hi < figs.length && figs[hi].index < at) hi++;
    while (lo < hi && figs[lo].index < at - FIGURE_WINDOW) lo++;
    // The subject is named within a few words of the change; a bounded window keeps this linear in the text.
    const clause = text.slice(Math.max(0, at - CLAUSE_WINDOW), at).split(/[，；。]/).pop() ?? '';
    const subject = clause.replace(/^(?:与\d{4}年度?相比|较上年|比上年)/, '').replace(/(?:较上年|比上年|比\d{4}年度?决算数)$/, '');
    const cur = figureOfChange(subject, figs.slice(lo, hi));
    if (!cur || cur.value.isZero() || !cur.value.eq(num(m[2]))) continue;
    out.push({
      rule: TEXT_ZERO_BASE,
      sentence: s,
      message: `${cur.label}为${cur.written}万元、增加${m[2]}万元，即上年数为 0，不能计算增长率，请删去“，${m[3]}${m[4]}%”。`,
      actual: m[4],
    });
  }
}

export function checkZeroBases(sentences: ReadonlyArray<Sentence>): TextHit[] {
  const out: TextHit[] = [];
  sentences.forEach((s, i) => {
    completionOnZero(s, out);
    growthOnZero(s, i > 0 ? sentences[i - 1] : null, out);
  });
  return out;
}
