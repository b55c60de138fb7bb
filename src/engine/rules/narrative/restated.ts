/**
 * narrative/restated — the same figure stated twice with different values (narrative.md §5). A figure is known by
 * the words that name it ("一般公共预算财政拨款支出"); names that only make sense after a subject ("支出决算为",
 * "执行数为") are not compared. Within one section only: 三 "基本支出" (all funds) and a 六 "基本支出" (财政拨款)
 * may be different figures.
 */
import type { Sentence } from '../../narrative/text';
import { defineTextRule, StatedFigure, statedFigures, TextHit } from './define';

export const TEXT_RESTATED = defineTextRule({
  check: (ctx) => checkRestated(ctx.sentences),
  cases: {
    valid: [
      ['五、一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款支出1,010.72万元。', '一般公共预算财政拨款支出1,010.72万元，主要用于以下方面：'],
      ['十一、其他重要事项的情况说明', '由中小企业供应商中标或成交的，采购金额246.47万元；由小微企业供应商中标或成交的，采购金额0万元。'],
    ],
    invalid: [['五、一般公共预算财政拨款支出决算情况说明', '一般公共预算财政拨款支出1,010.72万元。', '一般公共预算财政拨款支出1,010.75万元，主要用于以下方面：']],
  },
  id: 'narrative/restated',
  severity: 'error',
  title: '同一数字前后写得不一样',
  why: '同一节中用同一名称再次引用的金额是同一个数（表中同一单元格），四舍五入也不会让它变化，前后必须完全一致。',
});

/** Labels that name an attribute of a subject stated before, not a figure by themselves. */
const GENERIC = /^(?:支出决算|决算数?|执行数|资金|(?:采购|预算|涉及预算)?金额|合计|总计|年初预算|全年预算|预算数?|项目全年预算数?|其中|支出)$|均$/;

export function checkRestated(sentences: ReadonlyArray<Sentence>): TextHit[] {
  const out: TextHit[] = [];
  const seen = new Map<string, { fig: StatedFigure; s: Sentence }>();
  for (const s of sentences) {
    for (const fig of statedFigures(s.text)) {
      if (fig.kind === 'change' || fig.label.length < 3 || GENERIC.test(fig.label)) continue;
      const key = `${s.kind}|${fig.label}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { fig, s });
        continue;
      }
      if (first.fig.value.eq(fig.value)) continue;
      out.push({
        rule: TEXT_RESTATED,
        sentence: s,
        ref: first.s,
        message: `${fig.label}在{ref}写为 ${first.fig.written} 万元，这里写为 ${fig.written} 万元；同一个数字应前后一致，请按表中数字改成同一个数。`,
        expected: first.fig.value.toFixed(2),
        actual: fig.value.toFixed(2),
        difference: fig.value.minus(first.fig.value).toFixed(2),
        tolerance: '0',
      });
    }
  }
  return out;
}
