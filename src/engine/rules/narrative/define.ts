/** The shape of a narrative rule and the helpers that the text-only rules (narrative.md §5) share. */
import Decimal from 'decimal.js';
import { Severity } from '../../finding';
import { CHANGE_PATTERN, RATE_PATTERN } from '../../narrative/phrasebook';
import type { Supplement } from '../../narrative/supplement';
import type { Sentence } from '../../narrative/text';

export interface NarrativeRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly why: string;
}

export function defineNarrativeRule(rule: NarrativeRule): NarrativeRule {
  if (!/^narrative\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`bad rule id ${rule.id}`);
  return rule;
}

/** What a rule over the text sees: its sentences (each with section, subsection and line) and the 补充信息. */
export interface NarrativeRuleContext {
  readonly sentences: ReadonlyArray<Sentence>;
  readonly supplement: Supplement | null;
}

/**
 * A rule that reads the text, in the shape of a table rule: metadata, `check`, and cases — texts (lines, the first a
 * section heading) it must leave alone and texts it must report — that tests/narrative/rules.test.ts runs.
 */
export interface TextRule extends NarrativeRule {
  readonly check: (ctx: NarrativeRuleContext) => TextHit[];
  readonly cases: { readonly valid: ReadonlyArray<ReadonlyArray<string>>; readonly invalid: ReadonlyArray<ReadonlyArray<string>> };
}

export function defineTextRule(rule: TextRule): TextRule {
  defineNarrativeRule(rule);
  return rule;
}

/** A finding of a rule that reads the text alone; the auditor adds the location and the quote. */
export interface TextHit {
  readonly rule: NarrativeRule;
  readonly sentence: Sentence;
  /** One plain Chinese sentence: what is wrong and what to do. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly difference?: string;
  readonly tolerance?: string;
  /** An earlier sentence the message refers to as `{ref}` (the auditor writes it as 第 N 行/段). */
  readonly ref?: Sentence;
}

/**
 * An amount as the text writes it ("1,010.72", "3.2", "0"). It starts only where a run of digits starts: without
 * the look-behind a failed match would be retried from every digit of a long run ("1,1,1,…" is quadratic).
 */
export const AMOUNT = '(?<![0-9.,])([0-9][0-9,]*(?:\\.[0-9]+)?)';
/** Half the display step of a table amount, 0.005 万元 (narrative.md §5 "Rounding-aware tests"). */
export const H = new Decimal('0.005');

export const num = (s: string): Decimal => new Decimal(s.replace(/,/g, ''));

/** A shown amount stands for ±0.005; a shown zero is exactly zero (rules.md §1). */
export const halfOf = (v: Decimal): Decimal => (v.isZero() ? new Decimal(0) : H);

/** Direction of a change word: +1 for 增加/增长/上升, −1 for 减少/降低/下降, 0 for 持平. */
export function direction(word: string): -1 | 0 | 1 {
  if (/增加|增长|上升|提高/.test(word)) return 1;
  if (/减少|降低|下降/.test(word)) return -1;
  return 0;
}

/** `{增减词}{变动额}万元[，{升降词}{变动率}%]` anywhere in a text. */
export const CHANGE = new RegExp(`${CHANGE_PATTERN}${AMOUNT}万元(?:，${RATE_PATTERN}([0-9]+(?:\\.[0-9]+)?)%)?`, 'g');

/** An amount in 万元 that is a figure of the text (not "100万元以上", the threshold of 十二). */
export const FIGURE = new RegExp(`${AMOUNT}万元(?!以上|以下)`, 'g');

/** Sentences grouped by consecutive section and subsection (the scope within which one figure is discussed). */
export function sameBlock(a: Sentence, b: Sentence): boolean {
  return a.kind === b.kind && a.sub === b.sub;
}

/** An amount of a sentence with the words that name it ("收入总计", "支出决算", "增加"). */
export interface StatedFigure {
  readonly value: Decimal;
  readonly written: string;
  /** Position of the amount in the sentence. */
  readonly index: number;
  /** The words between the previous punctuation and the amount, without year, list number and a final "为". */
  readonly label: string;
  /** `change`: a 变动额 (after 增加/减少); `budget`: a 预算数; `plain`: any other figure. */
  readonly kind: 'change' | 'budget' | 'plain';
}

const CLAUSE_END = new Set(['，', '。', '；', '：', '、']);

/** Several rules read the same sentence's figures: the last texts' figures are kept (a bounded cache). */
const recent = new Map<string, ReadonlyArray<StatedFigure>>();
const RECENT_MAX = 16;

export function statedFigures(text: string): ReadonlyArray<StatedFigure> {
  const known = recent.get(text);
  if (known) return known;
  const out = readFigures(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

function readFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  // The clause start moves forward only: one pass over the text, however many figures it holds.
  let start = 0;
  let scanned = 0;
  for (const m of text.matchAll(FIGURE)) {
    const index = m.index!;
    for (; scanned < index; scanned++) if (CLAUSE_END.has(text[scanned])) start = scanned + 1;
    const label = text
      .slice(start, index)
      .replace(/^(?:（\d+）|\d+\.)/, '')
      .replace(/^(?:本单位|本部门|我部门|我单位)?(?:\d{4}年度?)?/, '')
      .replace(/(?:为|是|共计|达到)$/, '');
    const kind = /(增加|减少)$/.test(label) ? 'change' : /预算数?$|预算数为$/.test(label) ? 'budget' : 'plain';
    out.push({ value: num(m[1]), written: m[1], index, label, kind });
    // A second figure of the same clause is named by the words after the first one.
    start = index + m[0].length;
  }
  return out;
}
