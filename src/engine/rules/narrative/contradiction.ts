/**
 * narrative/contradiction — words that contradict each other about one figure (narrative.md §5, "Consistency
 * that needs no source"): 增加 with 降低, 持平 with a change, a reason for 增加 after a 减少, and 大于/小于预算数
 * against the sentence's own 预算 and 决算 amounts. Needs the text only.
 */
import type { Sentence } from '../../narrative/text';
import { AMOUNT, CHANGE, defineTextRule, direction, halfOf, num, sameBlock, statedFigures, TextHit } from './define';

export const TEXT_CONTRADICTION = defineTextRule({
  check: (ctx) => checkContradictions(ctx.sentences),
  cases: {
    valid: [
      ['九、财政拨款“三公”经费支出决算情况说明', '较上年减少0.48万元，降低35.3%。决算数较上年减少的主要原因：压减支出。', '与上年基本持平，增加0.01万元。'],
      ['五、一般公共预算财政拨款支出决算情况说明', '（1）行政运行（项）年初预算为10.00万元，支出决算为12.00万元，支出决算数大于年初预算数的主要原因：调剂。'],
    ],
    invalid: [
      ['一、收入支出决算总体情况说明', '与2023年度相比，收入减少341.32万元，增长25.2%。'],
      ['一、收入支出决算总体情况说明', '支出持平，减少341.32万元。'],
      ['五、一般公共预算财政拨款支出决算情况说明', '（1）行政运行（项）年初预算为10.00万元，支出决算为8.00万元，支出决算数大于年初预算数的主要原因：调剂。'],
    ],
  },
  id: 'narrative/contradiction',
  severity: 'error',
  title: '同一数字的说法自相矛盾',
  why: '说同一个数字时，“增加”不能配“降低”，“持平”不能配增减额，“减少的主要原因”不能解释一个增加的数，“决算数大于预算数”要求文中的决算数确实大于预算数；无需查表就能看出其中一处写错了。',
});

const WORD = ['增加', '减少', '持平'] as const;
const dirWord = (d: number) => WORD[d > 0 ? 0 : d < 0 ? 1 : 2];

/** 增加…降低 / 减少…增长 inside one {增减词}{变动额}，{升降词}{变动率} phrase. */
function phraseDirection(s: Sentence, out: TextHit[]): void {
  for (const m of s.text.matchAll(CHANGE)) {
    if (!m[3] || direction(m[1]) === direction(m[3])) continue;
    out.push({
      rule: TEXT_CONTRADICTION,
      sentence: s,
      message: `“${m[1]}${m[2]}万元”与“${m[3]}${m[4]}%”方向相反，请按本年和上年数把其中一个改正（增加对应增长，减少对应降低）。`,
      expected: m[1] === '增加' ? '增长' : '降低',
      actual: m[3],
    });
  }
}

/** "持平" next to a non-zero change ("持平，增加5.00万元"); "基本持平" allows a small change and is not read. */
function flatWithChange(s: Sentence, out: TextHit[]): void {
  const chg = `(增加|减少|增长|降低|下降|上升)${AMOUNT}(万元|%)`;
  const flat = '(?<!基本|大体|大致|总体|略有)持平';
  const res = [new RegExp(`${flat}，${chg}`, 'g'), new RegExp(`${chg}(?:，(?:增长|降低|下降|上升)[0-9.]+%)?，(?:与上年|较上年)?${flat}`, 'g')];
  for (const r of res) {
    for (const m of s.text.matchAll(r)) {
      if (num(m[2]).isZero()) continue;
      out.push({
        rule: TEXT_CONTRADICTION,
        sentence: s,
        message: `“${m[0]}”：持平表示本年与上年相等，不应再有${m[1]}${m[2]}${m[3]}；请按本年和上年数只保留其中一种说法。`,
        expected: '持平',
        actual: `${m[1]}${m[2]}${m[3]}`,
      });
    }
  }
}

/** "…增加的主要原因" must explain the direction just stated (same or previous sentence of the block). */
function reasonDirection(s: Sentence, prev: Sentence | null, out: TextHit[]): void {
  const reason = /(?:较上年|比上年|同比)?(增加|减少|增长|降低|下降|上升|持平)的(?:主要)?原因/.exec(s.text);
  if (!reason) return;
  const scope = [prev && sameBlock(prev, s) ? prev.text : '', s.text.slice(0, reason.index)].join('');
  const stated = new Set<number>();
  for (const m of scope.matchAll(CHANGE)) stated.add(direction(m[1]));
  if (/(?<!基本|大体|大致|总体|略有)持平/.test(scope)) stated.add(0);
  const said = direction(reason[1]);
  if (stated.size !== 1 || stated.has(said)) return;
  const [was] = [...stated];
  out.push({
    rule: TEXT_CONTRADICTION,
    sentence: s,
    message: `前文说${dirWord(was)}，这里却写“${reason[0]}”；请把原因说明的“${reason[1]}”改为“${dirWord(was)}”，或改正前文的增减方向。`,
    expected: dirWord(was),
    actual: reason[1],
  });
}

/**
 * "决算数大于/小于预算数" against the sentence's own 预算 and 决算 amounts. Each shown amount stands for ±0.005
 * (a shown zero is exact), so only a comparison that no exact values allow is reported.
 */
function budgetComparison(s: Sentence, out: TextHit[]): void {
  const word = /决算数?(大于|超过|高于|小于|低于)(?:年初|全年)?预算数?/.exec(s.text);
  if (!word) return;
  const figs = statedFigures(s.text.slice(0, word.index));
  const budget = [...figs].reverse().find((f) => f.kind === 'budget');
  const actual = [...figs].reverse().find((f) => f.kind === 'plain' && /决算|执行数/.test(f.label));
  if (!budget || !actual) return;
  const [a, b] = [actual.value, budget.value];
  const above = /大于|超过|高于/.test(word[1]);
  const wrong = above ? a.plus(halfOf(a)).lte(b.minus(halfOf(b))) : a.minus(halfOf(a)).gte(b.plus(halfOf(b)));
  if (!wrong) return;
  const really = a.eq(b) ? '等于' : a.gt(b) ? '大于' : '小于';
  out.push({
    rule: TEXT_CONTRADICTION,
    sentence: s,
    message: `文中决算数 ${actual.written} 万元${really}预算数 ${budget.written} 万元，却写“${word[0]}”；请改为“决算数${really}预算数”，或改正金额。`,
    expected: really,
    actual: word[1],
  });
}

export function checkContradictions(sentences: ReadonlyArray<Sentence>): TextHit[] {
  const out: TextHit[] = [];
  sentences.forEach((s, i) => {
    phraseDirection(s, out);
    flatWithChange(s, out);
    reasonDirection(s, i > 0 ? sentences[i - 1] : null, out);
    budgetComparison(s, out);
  });
  return out;
}
