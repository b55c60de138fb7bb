import Decimal from 'decimal.js';
import { CellRef } from '../a1';
import {
  NarrativeRule,
  TEXT_AMOUNT,
  TEXT_CHANGE,
  TEXT_CONTRADICTION,
  TEXT_COUNT,
  TEXT_INCOMPLETE,
  TEXT_LIST,
  TEXT_NONE,
  TEXT_RATE,
  TEXT_SUM,
  TEXT_UNCHECKED,
  TEXT_UNRECOGNISED,
  TEXT_RULES,
  TEXT_ZERO_BASE,
  TextHit,
} from '../rules/narrative';
import { AMOUNT } from '../rules/narrative/define';
import type { NarrativeContext } from '.';
import { CodedRow, tableLabel } from '../model';
import { headerInfo, sumFig, Tables } from './facts';
import { amountText, judgePercent, parseChineseCount, percentOf, shareText } from './format';
import { econListItems, EXPENSE_ITEMS, INCOME_ITEMS, PERSONNEL_PREFIXES, PUBLIC_PREFIXES } from './generate';
import { Inputs, narrativeFinding, supplementLayout } from './supplement';
import { ACTUAL_WORDS, BUDGET_WORDS, CHANGE_PATTERN, CHANGE_UP, COMPLETION, IS, VERSUS, RATE_PATTERN, mayHaveStatement, PLACEHOLDERS, SANGONG_ITEMS, simpleStatement, TABLE_SENTENCES, TableSentence } from './phrasebook';

const PLACEHOLDER = new RegExp(`【待补充[^】]{0,40}】|[XＸ]{2,}|[×＊*]{2,}|${PLACEHOLDERS.join('|')}`);

/** Every name of a 三公 item, longest first (so that a name is not read as a shorter one it contains). */
const SANGONG_NAMES = SANGONG_ITEMS.flatMap((i) => i.names).sort((a, b) => b.length - a.length).join('|');
import { itemMentions, Sentence, sentences } from './text';
import { Fig, NarrativeFinding } from './types';

export interface AuditOptions {
  /** Name of the narrative file, reported as each finding's `source`. */
  readonly source: string;
  /** Whether the units handed in are lines of a text file or paragraphs of a document. */
  readonly unit: 'line' | 'paragraph';
}

const A = AMOUNT;
const R = '([0-9]+(?:\\.[0-9]+)?)%';
const N = '([0-9]+|[零一二两三四五六七八九十]+)';
/** {增减词}{变动额}万元，{升降词}{变动率}% — the rate part is optional (上年 = 0). */
const CHG = `${CHANGE_PATTERN}${A}万元(?:，${RATE_PATTERN}${R})?`;
const H = new Decimal('0.005');

const re = (s: string) => new RegExp(s, 'g');
const num = (s: string) => new Decimal(s.replace(/,/g, ''));
const half = (f: Fig) => (f.exact ? new Decimal(0) : H);
const TRIM_PROJECT = (s: string) => s.replace(/(项目)+$/, '');

/** A figure read from the text itself, standing for ±0.005 (used when 补充信息 lacks the input). */
function textFig(v: string, label: string): Fig {
  const value = num(v);
  return { value, exact: value.isZero(), source: { label: `文中${label}`, cells: [], keys: [] } };
}

/** What became of the text's figures: each one is checked, unverifiable (an input is missing) or unrecognised. */
export interface FigureCounts {
  readonly total: number;
  readonly checked: number;
  readonly unverifiable: number;
  readonly unrecognised: number;
}

export interface NarrativeAudit {
  readonly findings: NarrativeFinding[];
  readonly figures: FigureCounts;
}

/**
 * Audits a narrative against the tables and the 补充信息 (narrative.md §5): every amount, change, rate, share,
 * completion rate, count, listed item and "无…" claim that the text states. Findings are collected, never thrown.
 */
export function auditNarrative(ctx: NarrativeContext, units: ReadonlyArray<string>, opts: AuditOptions): NarrativeFinding[] {
  return auditNarrativeFigures(ctx, units, opts).findings;
}

/** The audit with the account of every figure (amounts in 万元 or 元, percentages, counts) of the text. */
export function auditNarrativeFigures(ctx: NarrativeContext, units: ReadonlyArray<string>, opts: AuditOptions): NarrativeAudit {
  return new Auditor(ctx, opts).run(units);
}

type FigureStatus = 'open' | 'checked' | 'unverifiable';

/** One figure of a sentence: a number with its unit, and what the audit made of it. */
interface Token {
  readonly index: number;
  readonly written: string;
  readonly unit: string;
  status: FigureStatus;
}

/**
 * A figure: a number that starts a run of digits (so that a failed match is not retried inside the run) and its
 * unit. Amounts in 元 are already 万元 here (text.ts). "100万元以上" is a threshold, not a figure.
 */
const TOKEN = /(?<![0-9.,])([0-9][0-9,]*(?:\.[0-9]+)?)(万元|%|个|辆|台|分|批次|人次|团组)/g;
const THRESHOLD = /^(?:（含）)?以[上下]/;
const COUNT_UNITS = new Set(['个', '辆', '台', '分', '批次', '人次', '团组']);
/** How far before a figure its cue may start (cues are short; the bound keeps the look-back linear). */
const CUE_WINDOW = 40;

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const after = m.index! + m[0].length;
    if (m[2] === '万元' && THRESHOLD.test(text.slice(after, after + 5))) continue;
    out.push({ index: m.index!, written: m[1], unit: m[2], status: 'open' });
  }
  return out;
}

/** A missing input and the figures that could not be checked for want of it. */
interface Gap {
  readonly first: Sentence;
  readonly label: string;
  readonly what: string[];
  readonly at: number[];
}

class Auditor {
  private readonly out: NarrativeFinding[] = [];
  private readonly t: Tables;
  private readonly in: Inputs;
  private readonly labels: Map<string, string>;
  private s!: Sentence;
  private readonly year: number | null;
  /** 五（三）: the stated 年初预算合计 and the stated item budgets, to test the text's own sum. */
  private budgetLead: { value: string; s: Sentence } | null = null;
  private readonly budgetItems: string[] = [];
  /** The figures of the current sentence and the part of it the current statement covers. */
  private tokens: Token[] = [];
  private span: readonly [number, number] = [0, 0];
  /** Missing inputs by key, reported once each at the end. */
  private readonly gaps = new Map<string, Gap>();
  private readonly counts = { total: 0, checked: 0, unverifiable: 0, unrecognised: 0 };
  /** Findings of the rules that read the text alone (narrative.md §5 "Consistency that needs no source"), by sentence. */
  private readonly hits = new Map<Sentence, TextHit[]>();
  /** The 项 that 五（三）'s figures belong to: named in an item line, it holds until the next one or a new heading. */
  private item: { row: CodedRow | null; name: string; kind: string; sub: number } | null = null;

  constructor(
    private readonly ctx: NarrativeContext,
    private readonly opts: AuditOptions,
  ) {
    this.t = new Tables(ctx.workbook);
    this.in = new Inputs(ctx.supplement);
    this.labels = new Map(supplementLayout(ctx.workbook, 9).map((r) => [r.key, r.label]));
    this.year = this.in.num('meta.year')?.toNumber() ?? headerInfo(ctx.grid, ctx.workbook).year;
  }

  run(units: ReadonlyArray<string>): NarrativeAudit {
    const all = sentences(units);
    const bySection = new Map<string, Sentence[]>();
    for (const s of all) {
      const list = bySection.get(s.kind);
      if (list) list.push(s);
      else bySection.set(s.kind, [s]);
    }
    let sangongItem = { sub: -1, item: 0 };
    const projectParagraphs = (bySection.get('perf') ?? []).filter((s) => s.text.includes('项目绩效自评综述')).length;
    let project: number | null = null;
    for (const h of TEXT_RULES.flatMap((rule) => rule.check({ sentences: all, supplement: this.ctx.supplement }))) {
      const list = this.hits.get(h.sentence);
      if (list) list.push(h);
      else this.hits.set(h.sentence, [h]);
    }
    for (const s of all) {
      this.s = s;
      this.tokens = tokensOf(s.text);
      this.span = [0, s.text.length];
      for (const h of this.hits.get(s) ?? []) this.reportHit(h);
      this.incomplete();
      this.noneClaims();
      switch (s.kind) {
        case 'total': this.total(); break;
        case 'income': this.parts('income'); break;
        case 'expense': this.parts('expense'); break;
        case 'fiscal': this.fiscal(); break;
        case 'gpb': this.gpb(); break;
        case 'basic': this.basic(); break;
        case 'sangong': sangongItem = this.sangong(sangongItem); break;
        case 'running': this.running(); break;
        case 'proc': this.proc(); break;
        case 'fund': this.tableSentence('fund'); break;
        case 'capital': this.tableSentence('capital'); break;
        case 'asset': this.asset(); break;
        case 'perf': project = this.perf(project, projectParagraphs); break;
        case 'glossary': this.glossary(); break;
        default: break;
      }
      this.simpleStatements();
      this.account();
    }
    this.omissions(bySection);
    this.budgetSum();
    this.reportGaps();
    return { findings: this.out, figures: { ...this.counts } };
  }

  /** Counts the sentence's figures; those no statement took are reported together, never dropped. */
  private account(): void {
    const open = this.tokens.filter((t) => t.status === 'open');
    for (const t of this.tokens) this.counts[t.status === 'open' ? 'unrecognised' : t.status]++;
    this.counts.total += this.tokens.length;
    // 十四 is free text from 补充信息 with no source to check against: its figures are counted, not reported.
    if (!open.length || this.s.kind === 'special') return;
    const list = `${open.slice(0, 8).map((t) => `${t.written}${t.unit}`).join('、')}${open.length > 8 ? ` 等 ${open.length} 个数字` : ''}`;
    this.report(TEXT_UNRECOGNISED, null, [], `这句话中的 ${list} 不是已知的写法，未能核对，请人工核对。`);
  }

  /** Marks the first open figure `written` within the current statement's span. */
  private take(written: string | undefined, status: Exclude<FigureStatus, 'open'>): void {
    if (written === undefined) return;
    const [from, to] = this.span;
    // Tokens are in text order: binary search for the span's start, then look only inside the span.
    let [lo, hi] = [0, this.tokens.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].index < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.tokens.length && this.tokens[i].index < to; i++) {
      const t = this.tokens[i];
      if (t.status === 'open' && t.written === written) {
        t.status = status;
        return;
      }
    }
  }

  /** Figures still open after the section's statements: a one-figure statement of the phrasebook, by the words before it. */
  private simpleStatements(): void {
    const text = this.s.text;
    for (const t of this.tokens) {
      if (t.status !== 'open' || t.unit === '%') continue;
      const kind = t.unit === '万元' ? 'amount' : COUNT_UNITS.has(t.unit) ? 'count' : null;
      if (!kind || !mayHaveStatement(text[t.index - 1] ?? '', t.unit)) continue;
      const before = text.slice(Math.max(0, t.index - CUE_WINDOW), t.index).split(/[，。；：、]/).pop()!;
      const hit = simpleStatement(before, kind, t.unit);
      if (!hit) continue;
      const { statement } = hit;
      const what = statement.what ?? statement.cues[0];
      this.span = [t.index, t.index + 1];
      if (!statement.key) {
        this.gap(`statement:${statement.id}`, `${what}（补充信息中没有这一项）`, what);
        t.status = 'unverifiable';
        continue;
      }
      const fig = statement.key === 'perf.self.count' ? this.sup(statement.key) ?? this.in.projectCount() : this.sup(statement.key);
      if (kind === 'count') this.count(t.written, fig, what, statement.key);
      else this.amount(t.written, fig, what, statement.key);
    }
    this.span = [0, text.length];
  }

  // ---- reporting -----------------------------------------------------------------------------------------

  private report(rule: NarrativeRule, at: Fig | null, related: ReadonlyArray<Fig | null>, message: string, extra: Partial<Pick<NarrativeFinding, 'expected' | 'actual' | 'difference' | 'tolerance' | 'severity'>> = {}): void {
    const cells: CellRef[] = [...(at?.source.cells ?? []), ...related.flatMap((f) => f?.source.cells ?? [])];
    const where = `情况说明第 ${this.s.at} ${this.opts.unit === 'line' ? '行' : '段'}`;
    const quote = this.s.text.length > 90 ? `${this.s.text.slice(0, 88)}…` : this.s.text;
    this.out.push(
      narrativeFinding({
        rule,
        severity: extra.severity,
        at: cells[0] ?? null,
        related: cells.slice(1),
        message: `${where}：${message}`,
        expected: extra.expected,
        actual: extra.actual,
        difference: extra.difference,
        tolerance: extra.tolerance,
        source: this.opts.source,
        line: this.opts.unit === 'line' ? this.s.at : null,
        paragraph: this.opts.unit === 'paragraph' ? this.s.at : null,
        quote,
      }),
    );
  }

  private reportHit(h: TextHit): void {
    const ref = h.ref ? `第 ${h.ref.at} ${this.opts.unit === 'line' ? '行' : '段'}` : '';
    this.report(h.rule, null, [], h.message.replace('{ref}', ref), { expected: h.expected, actual: h.actual, difference: h.difference, tolerance: h.tolerance });
  }

  /** Whether a text-only rule already reported this sentence (the table checks then leave it alone). */
  private flagged(rule: NarrativeRule): boolean {
    return (this.hits.get(this.s) ?? []).some((h) => h.rule === rule);
  }

  private each(pattern: string, fn: (m: RegExpMatchArray) => void): void {
    const outer = this.span;
    for (const m of this.s.text.matchAll(re(pattern))) {
      this.span = [m.index!, m.index! + m[0].length];
      fn(m);
    }
    this.span = outer;
  }

  private sup(key: string): Fig | null {
    return this.in.fig(key);
  }

  private unverifiable(key: string, what: string): void {
    this.gap(key, this.labels.get(key) ?? key, what);
  }

  private gap(key: string, label: string, what: string): void {
    const g = this.gaps.get(key) ?? { first: this.s, label, what: [], at: [] };
    this.gaps.set(key, g);
    g.what.push(what);
    if (!g.at.includes(this.s.at)) g.at.push(this.s.at);
  }

  /**
   * One finding per missing input (not one per figure): where it is first needed, how many figures wait for it and
   * on which lines. Without a 补充信息 sheet, one finding names every input.
   */
  private reportGaps(): void {
    const unit = this.opts.unit === 'line' ? '行' : '段';
    const lines = (at: number[]) => `第 ${at.slice(0, 6).join('、')}${at.length > 6 ? ' 等' : ''} ${unit}`;
    const inputs = [...this.gaps].filter(([k]) => !k.startsWith('statement:'));
    if (!this.ctx.supplement && inputs.length) {
      this.s = inputs.map(([, g]) => g.first).reduce((a, b) => (b.at < a.at ? b : a));
      const n = inputs.reduce((a, [, g]) => a + g.what.length, 0);
      this.report(TEXT_UNCHECKED, null, [], `工作簿中没有“补充信息”工作表，文中有 ${n} 处核对因缺少数据无法进行，缺少：${inputs.map(([, g]) => g.label).join('、')}。可运行 juesuan supplement 生成该表并填写。`);
    }
    for (const [key, g] of inputs) {
      if (!this.ctx.supplement) continue;
      this.s = g.first;
      const head = g.what.length > 1 ? `${g.what[0]}等 ${g.what.length} 处数字` : g.what[0];
      this.report(TEXT_UNCHECKED, null, [], `${head}（${lines(g.at)}）无法核对（缺少：${g.label}，补充信息键 ${key}）。`);
    }
    // Figures that no input holds (面向中小企业预留的金额, 车辆构成, 绩效评级…): one finding lists them all.
    const other = [...this.gaps].filter(([k]) => k.startsWith('statement:')).map(([, g]) => g);
    if (other.length) {
      this.s = other.map((g) => g.first).reduce((a, b) => (b.at < a.at ? b : a));
      this.report(TEXT_UNCHECKED, null, [], `以下数字在决算表和补充信息中都没有来源，无法核对，请人工核对：${other.map((g) => `${g.label.replace(/（补充信息中没有这一项）$/, '')}（${lines(g.at)}）`).join('；')}。`);
    }
  }

  // ---- the checks ----------------------------------------------------------------------------------------

  /** A copied amount must equal its source exactly (as shown). */
  /** `alt`: the same figure as another table rounds it (01/04 类 lines vs 05): a copy of it is a 尾差 warning. */
  private amount(written: string, fig: Fig | null, what: string, missingKey?: string, alt?: Fig | null): Fig | null {
    this.take(written, fig ? 'checked' : 'unverifiable');
    if (!fig) {
      if (missingKey) this.unverifiable(missingKey, what);
      return null;
    }
    const v = num(written);
    // An amount the text gave in 元 (text.ts writes it in 万元 with more than two decimals) stands within half a
    // 分 of 万元 of the table's rounded value; one in 万元 copies the table's value exactly.
    const fromYuan = (written.split('.')[1] ?? '').length > 2;
    if (fromYuan ? v.minus(fig.value).abs().gt(half(fig)) : !v.eq(fig.value)) {
      // The other table's rounding of the same figure: honest 尾差 between tables, a warning asking for one value.
      const tail = !fromYuan && !!alt && v.eq(alt.value);
      const say = tail ? `与${alt!.source.label}（${amountText(alt!.value)} 万元）一致，两表尾差不同，请统一为一个数` : '应一致';
      this.report(TEXT_AMOUNT, fig, [], `${what}写为 ${written} 万元，${fig.source.label}为 ${amountText(fig.value)} 万元，${say}。`, {
        severity: tail ? 'warning' : undefined,
        expected: fig.value.toFixed(2),
        actual: v.toFixed(2),
        difference: v.minus(fig.value).toFixed(2),
        tolerance: '0',
      });
    }
    return fig;
  }

  private count(written: string, fig: Fig | null, what: string, missingKey: string): void {
    this.take(written, fig ? 'checked' : 'unverifiable');
    const n = parseChineseCount(written);
    if (!fig) return this.unverifiable(missingKey, what);
    if (n === null || !fig.value.eq(n)) {
      this.report(TEXT_COUNT, fig, [], `${what}写为 ${written}，${fig.source.label}为 ${fig.value.toString()}，应一致。`, { expected: fig.value.toString(), actual: String(n ?? written) });
    }
  }

  /** A share, completion or execution rate written as `written` %: interval test (rules.md §1); "100" claims equality. */
  private percent(written: string, part: Fig | null, whole: Fig | null, what: string): void {
    this.take(written, part && whole ? 'checked' : 'unverifiable');
    if (!part || !whole) return;
    if (whole.value.isZero() && this.flagged(TEXT_ZERO_BASE)) return;
    const k = written.includes('.') ? written.split('.')[1].length : 0;
    if (written === '100') {
      if (!part.value.eq(whole.value)) {
        const expected = whole.value.isZero() ? '—' : shareText(part.value, whole.value, 0);
        this.report(TEXT_RATE, part, [whole], `${what}写为 100%，表示两数相等，但 ${amountText(part.value)} 与 ${amountText(whole.value)} 不相等${whole.value.isZero() ? '' : `（应为 ${expected}%）`}。`, { expected, actual: written });
      }
      return;
    }
    if (whole.value.isZero()) {
      this.report(TEXT_RATE, whole, [part], `${what}写为 ${written}%，但作为基数的${whole.source.label}为 0，不能计算百分比。`, { actual: written });
      return;
    }
    const lo = part.value.minus(half(part)).dividedBy(whole.value.plus(half(whole))).times(100);
    const hi = part.value.plus(half(part)).dividedBy(whole.value.minus(half(whole))).times(100);
    this.judge(written, Decimal.max(lo, 0), hi, shareText(part.value, whole.value, k), what, part, [whole]);
  }

  private judge(written: string, lo: Decimal, hi: Decimal, expected: string, what: string, at: Fig | null, related: ReadonlyArray<Fig | null>): void {
    this.take(written, 'checked');
    const v = judgePercent(written, lo, hi);
    if (v === 'ok') return;
    const range = `${lo.toFixed(3)}%～${hi.toFixed(3)}%`;
    this.report(
      TEXT_RATE,
      at,
      related,
      v === 'truncated'
        ? `${what}写为 ${written}%，按四舍五入应为 ${expected}%（可能的精确值在 ${range} 之间，文中数字只能由截尾得到）。`
        : `${what}写为 ${written}%，按表中金额应为 ${expected}%（考虑四舍五入，可能的精确值在 ${range} 之间）。`,
      { severity: v === 'truncated' ? 'warning' : 'error', expected, actual: written },
    );
  }

  /** {增减词}{变动额}，{升降词}{变动率}: direction, amount and rate against 本年 (table) and 上年 (补充信息). */
  private change(m: RegExpMatchArray, at: number, cur: Fig | null, prevKey: string, what: string): void {
    // 增加 with 降低 in one phrase is narrative/contradiction; a rate on a zero base the text shows, narrative/zero-base.
    const [dir, amt, rate] = [m[at], m[at + 1], this.flagged(TEXT_ZERO_BASE) ? undefined : m[at + 3]];
    // A rate on a zero base is narrative/zero-base's finding: the figure is accounted for by it.
    if (rate === undefined) this.take(m[at + 3], 'checked');
    const up = (CHANGE_UP as ReadonlyArray<string>).includes(dir);
    const prev = this.sup(prevKey);
    this.take(amt, cur && prev ? 'checked' : 'unverifiable');
    if (!cur) return this.take(rate, 'unverifiable');
    const delta = num(amt);
    if (!prev) {
      this.unverifiable(prevKey, `${what}的增减额`);
      if (rate) {
        // The amount and the rate determine each other: 上年 = 本年 ∓ 增减额 (narrative.md §5).
        const corners: Decimal[] = [];
        for (const c of [cur.value.minus(half(cur)), cur.value.plus(half(cur))]) {
          for (const d of [delta.minus(H), delta.plus(H)]) {
            const p = up ? c.minus(d) : c.plus(d);
            if (p.gt(0)) corners.push(d.dividedBy(p).times(100));
          }
        }
        if (corners.length) {
          const p = up ? cur.value.minus(delta) : cur.value.plus(delta);
          const expected = p.gt(0) ? delta.dividedBy(p).times(100).toFixed(rate.includes('.') ? rate.split('.')[1].length : 0, Decimal.ROUND_HALF_UP) : '—';
          this.judge(rate, Decimal.min(...corners), Decimal.max(...corners), expected, `${what}的增减率（按文中增减额推算上年数）`, cur, []);
        } else this.take(rate, 'unverifiable');
      }
      return;
    }
    const diff = cur.value.minus(prev.value);
    const tol = half(cur).plus(half(prev)).plus(H);
    if (diff.isZero() || diff.gt(0) !== up) {
      this.report(TEXT_CHANGE, cur, [prev], `${what}写为“${dir}”，但本年 ${amountText(cur.value)} 万元${diff.isZero() ? '与' : diff.gt(0) ? '大于' : '小于'}上年 ${amountText(prev.value)} 万元，应为“${diff.isZero() ? '持平' : diff.gt(0) ? '增加' : '减少'}”。`);
    } else if (delta.minus(diff.abs()).abs().gt(tol)) {
      this.report(TEXT_CHANGE, cur, [prev], `${what}的增减额写为 ${amt} 万元，按本年 ${amountText(cur.value)} 万元与上年 ${amountText(prev.value)} 万元应为 ${amountText(diff.abs())} 万元。`, {
        expected: diff.abs().toFixed(2),
        actual: delta.toFixed(2),
        difference: delta.minus(diff.abs()).toFixed(2),
        tolerance: tol.toString(),
      });
    }
    if (!rate) return;
    if (prev.value.isZero()) {
      this.take(rate, 'checked');
      this.report(TEXT_RATE, prev, [cur], `${what}写了增减率 ${rate}%，但上年数为 0，不能计算增减率。`);
      return;
    }
    const lo = cur.value.minus(half(cur)).dividedBy(prev.value.plus(half(prev)));
    const hi = cur.value.plus(half(cur)).dividedBy(prev.value.minus(half(prev)));
    const one = new Decimal(1);
    const [rlo, rhi] = lo.lte(one) && hi.gte(one) ? [new Decimal(0), Decimal.max(one.minus(lo), hi.minus(one))] : hi.lt(one) ? [one.minus(hi), one.minus(lo)] : [lo.minus(one), hi.minus(one)];
    const k = rate.includes('.') ? rate.split('.')[1].length : 0;
    this.judge(rate, rlo.times(100), rhi.times(100), percentOf(diff.abs(), prev.value).toFixed(k, Decimal.ROUND_HALF_UP), `${what}的增减率`, cur, [prev]);
  }

  /** Mistakes the text shows by itself: placeholders, a year that is not this or last year (a missing % or 万元 is narrative/unit-missing). */
  private incomplete(): void {
    const text = this.s.text;
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) this.report(TEXT_INCOMPLETE, null, [], `文中还有未填写的占位符“${placeholder[0]}”。`);
    for (const m of text.matchAll(/(?<![0-9])([0-9]{1,4})年(?:度|12月31日)/g)) {
      const y = Number(m[1]);
      if (m[1].length !== 4 || (this.year && y !== this.year && y !== this.year - 1)) {
        this.report(TEXT_INCOMPLETE, null, [], `年份“${m[0]}”${m[1].length !== 4 ? '不完整' : `不是本决算年度（${this.year}）或上一年度`}。`);
      }
    }
  }

  // ---- "无…" claims ----------------------------------------------------------------------------------------

  private noneTargets(name: string): Fig[] | null {
    const col = (id: '02' | '03', c: number) => this.t.total(id, c);
    // "本单位当年无…" about 07/08 claims their whole 合计 row is zero.
    const all = (id: '07' | '08') => [...(this.t.coded(id)?.total?.amounts.keys() ?? [])].map((c) => this.t.total(id, c));
    const map: Record<string, Array<Fig | null>> = {
      上级补助收入: [this.t.line01('r4', 1), col('02', 3)],
      事业收入: [this.t.line01('r5', 1), col('02', 4)],
      经营收入: [this.t.line01('r6', 1), col('02', 5)],
      附属单位上缴收入: [this.t.line01('r7', 1), col('02', 6)],
      其他收入: [this.t.line01('r8', 1), col('02', 7)],
      上缴上级支出: [col('03', 4)],
      经营支出: [col('03', 5)],
      对附属单位补助支出: [col('03', 6)],
      政府性基金预算财政拨款收入: [this.t.line04('r2', 1)],
      国有资本经营预算财政拨款收入: [this.t.line04('r3', 1)],
      政府性基金预算财政拨款收入支出: all('07'),
      国有资本经营预算财政拨款支出: all('08'),
      使用非财政拨款结余: [this.t.line01('r28', 1)],
      机关运行经费: [this.sup('org.running')],
      政府采购支出: [this.sup('proc.total')],
    };
    const figs = map[name];
    return figs ? figs.filter((f): f is Fig => !!f) : null;
  }

  private noneClaims(): void {
    for (const m of this.s.text.matchAll(/(?:本年度|本单位|我部门|本部门|我单位|本年|当年)(?:本年度|本年|当年)?无([^。；，：]{1,60})/g)) {
      for (const raw of m[1].split(/、|和|及/)) {
        const name = raw.replace(/[“”]/g, '');
        const figs = this.noneTargets(name);
        if (!figs) continue;
        const nonZero = figs.filter((f) => !f.value.isZero());
        if (nonZero.length) {
          this.report(TEXT_NONE, nonZero[0], nonZero.slice(1), `文中说无${name}，但${nonZero.map((f) => `${f.source.label}为 ${amountText(f.value)} 万元`).join('，')}。`, {
            expected: nonZero[0].value.toFixed(2),
            actual: '0.00',
          });
        }
      }
    }
  }

  // ---- sections ------------------------------------------------------------------------------------------

  private total(): void {
    this.each(`收入总计${IS}${A}万元`, (m) => this.amount(m[1], this.t.line01('r30', 1), '收入总计'));
    this.each(`支出总计${IS}${A}万元`, (m) => this.amount(m[1], this.t.line01('r60', 2), '支出总计'));
    this.each(`(收入|支出)(?:总计)?${VERSUS}${CHG}`, (m) =>
      m[1] === '收入' ? this.change(m, 2, this.t.line01('r30', 1), 'prev.income_total', '收入总计') : this.change(m, 2, this.t.line01('r60', 2), 'prev.expense_total', '支出总计'),
    );
  }

  private parts(side: 'income' | 'expense'): void {
    const [word, key, col, prevKey, items, id, base] =
      side === 'income'
        ? (['收入', 'r27', 1, 'prev.income_sum', INCOME_ITEMS, '02', '本年收入'] as const)
        : (['支出', 'r57', 2, 'prev.expense_sum', EXPENSE_ITEMS, '03', '本年支出'] as const);
    const sum = this.t.line01(key, col);
    this.each(`${word}合计${IS}${A}万元`, (m) => this.amount(m[1], sum, `${word}合计`));
    this.each(`${word}合计${VERSUS}${CHG}`, (m) => this.change(m, 1, sum, prevKey, `${word}合计`));
    const names = items.map(([, n]) => n).join('|');
    // "占本年收入99.997%" (the template) or plain "占99.79%" (上海).
    this.each(`(?<!预算|基金|经营)(${names})${IS}${A}万元(?:，占(?:${base}(?:的)?)?${R})?`, (m) => {
      const [c] = items.find(([, n]) => n === m[1])!;
      const fig = this.amount(m[2], this.t.total(id, c), m[1]);
      if (m[3]) this.percent(m[3], fig, sum, `${m[1]}占${base}的比重`);
    });
  }

  private fiscal(): void {
    // When 收入 and 支出 总计 differ the generator names them apart: "财政拨款收入总计A万元，支出总计B万元".
    this.each(`财政拨款收入总计${A}万元`, (m) => this.amount(m[1], this.t.line04('r32', 1), '财政拨款收入总计'));
    this.each(`(?<!收入)支出总计${A}万元`, (m) => this.amount(m[1], this.t.line04('r64', 2, '合计'), '财政拨款支出总计'));
    this.each(`收、支总计均为${A}万元`, (m) => {
      this.amount(m[1], this.t.line04('r32', 1), '财政拨款收入总计');
      this.amount(m[1], this.t.line04('r64', 2, '合计'), '财政拨款支出总计');
    });
    this.each(`收、支总计各${CHG}`, (m) => this.change(m, 1, this.t.line04('r32', 1), 'prev.fiscal_total', '财政拨款收支总计'));
    // "财政拨款收入支出总计X万元。与上年相比，财政拨款收入支出总计增加…" (上海): one figure for both 总计.
    this.each(`财政拨款收入支出总计为?${A}万元`, (m) => this.amount(m[1], this.t.line04('r32', 1), '财政拨款收入支出总计'));
    this.each(`财政拨款收入支出总计${CHG}`, (m) => this.change(m, 1, this.t.line04('r32', 1), 'prev.fiscal_total', '财政拨款收入支出总计'));
    this.each(`(一般公共预算|政府性基金预算|国有资本经营预算)财政拨款收入${A}万元(?:，比\\d{4}年度?决算数${CHG})?`, (m) => {
      const [key, prevKey] = m[1] === '一般公共预算' ? (['r1', 'prev.gpb_income'] as const) : m[1] === '政府性基金预算' ? (['r2', 'prev.gf_income'] as const) : (['r3', 'prev.sc_income'] as const);
      const fig = this.amount(m[2], this.t.line04(key, 1), `${m[1]}财政拨款收入`);
      if (m[3]) this.change(m, 3, fig, prevKey, `${m[1]}财政拨款收入`);
    });
  }

  private budgetFig(code: string): Fig | null {
    return this.sup(`budget.${code}`);
  }

  private gpb(): void {
    const total = this.t.total('05', 1);
    this.each(`一般公共预算财政拨款支出${IS}${A}万元(?:，占本年支出合计的${R})?`, (m) => {
      const fig = this.amount(m[1], total, '一般公共预算财政拨款支出');
      if (m[2]) this.percent(m[2], fig, this.t.line01('r57', 2), '一般公共预算财政拨款支出占本年支出合计的比重');
    });
    this.each(`一般公共预算财政拨款支出${VERSUS}${CHG}`, (m) => this.change(m, 1, total, 'prev.gpb_expense', '一般公共预算财政拨款支出'));
    // "1.X类支出A万元，占r%" (the template) or "X（类）A万元，占r%；…" (several in one sentence): a clause start, a
    // bounded name, so that a failed match is never retried over a long run.
    this.each(`(?<![^：；，。])(?:^\\d+[.、])?([^：；，。、]{2,24}?)(?:类支出|（类）)${A}万元(?:，占${R})?`, (m) => {
      const row = this.t.rows('05', '类').find((r) => r.name === m[1]);
      if (!row) return this.report(TEXT_LIST, null, [], `公开05表中没有名为“${m[1]}”的类级科目。`);
      const fig = this.amount(m[2], this.t.rowFig('05', row, 1), `${m[1]}`, undefined, this.t.line04(`c${row.code}`, 3, '一般公共预算'));
      if (m[3]) this.percent(m[3], fig, total, `${m[1]}占一般公共预算财政拨款支出的比重`);
    });
    this.budgetStatements(total);
  }

  /** The 05 项 row named `name` (`{类}（类）{款}（款）{项}（项）`), by the table's own names. */
  private itemRow(name: string): CodedRow | null {
    return this.t.rows('05', '项').find((r) => this.t.itemFullName(r.code!) === name) ?? null;
  }

  /**
   * 五（三）: 年初预算 / 全年预算, 支出决算 and 完成率 figures. Their subject is the 项 named in the sentence or in an
   * earlier one of the subsection (`1、X（类）Y（款）Z（项）。主要用于…。年初预算为…`), else the whole 一般公共预算
   * 财政拨款支出 (the lead sentence before the first item).
   */
  private budgetStatements(total: Fig | null): void {
    const s = this.s;
    if (this.item && (this.item.kind !== s.kind || this.item.sub !== s.sub)) this.item = null;
    const named = itemMentions(s.text);
    for (const mention of named) {
      const row = this.itemRow(mention.name);
      if (!row) this.report(TEXT_LIST, null, [], `公开05表中没有“${mention.name}”这一项级科目。`);
      this.item = { row, name: mention.name, kind: s.kind, sub: s.sub };
    }
    const budget = re(`${BUDGET_WORDS}${A}万元`);
    const actual = re(`${ACTUAL_WORDS}${A}万元`);
    const completion = re(`${COMPLETION.pattern}${R}`);
    const budgets = [...s.text.matchAll(budget)];
    const actuals = [...s.text.matchAll(actual)];
    const rates = [...s.text.matchAll(completion)];
    if (!budgets.length && !actuals.length && !rates.length) return;
    const item = this.item;
    const row = item?.row ?? null;
    // An unknown 项 is reported above; its amounts have no cell to be compared with, its rate is checked on them.
    const unknown = !!item && !row;
    const what = row ? `${row.name}（项）` : item ? item.name : '一般公共预算财政拨款支出';
    const actualFig = row ? this.t.rowFig('05', row, 1) : unknown ? null : total;
    let annualText: Fig | null = null;
    let fullText: Fig | null = null;
    let annualFig: Fig | null = null;
    for (const m of budgets) {
      this.span = [m.index!, m.index! + m[0].length];
      if (m[1] === '全年') {
        // 全年预算 (the budget after adjustments) is no input of 补充信息: checked only against the text's own rate.
        this.take(m[2], 'unverifiable');
        this.gap('statement:full-budget', '全年预算（调整后预算）不在补充信息中', `${what}全年预算`);
        fullText = textFig(m[2], '全年预算');
        continue;
      }
      if (unknown) {
        this.budgetItems.push(m[2]);
        this.take(m[2], 'unverifiable');
      } else if (row) {
        const key = `budget.${row.code}`;
        this.budgetItems.push(m[2]);
        annualFig = this.amount(m[2], this.budgetFig(row.code!), `${what}年初预算`, key);
      } else {
        const items = this.t.rows('05', '项').map((r) => this.budgetFig(r.code!));
        const sum = this.sup('budget.total') ?? (items.length && items.every((b) => b) ? sumFig('年初预算合计（补充信息各项之和）', items as Fig[]) : null);
        this.budgetLead = { value: m[2], s: this.s };
        annualFig = this.amount(m[2], sum, '年初预算合计', 'budget.total');
      }
      annualText = annualFig ?? textFig(m[2], '年初预算');
    }
    let actualShown: Fig | null = null;
    for (const m of actuals) {
      this.span = [m.index!, m.index! + m[0].length];
      if (unknown) this.take(m[1], 'unverifiable');
      actualShown = (unknown ? null : this.amount(m[1], actualFig, `${what}支出决算`)) ?? textFig(m[1], '支出决算');
    }
    for (const m of rates) {
      this.span = [m.index!, m.index! + m[0].length];
      // The rate is of the budget its own words name (完成全年预算…), else of the one the sentence states.
      const base = /全年/.test(m[0]) ? fullText : /年初/.test(m[0]) ? annualText : annualText ?? fullText;
      this.percent(m[1], actualFig ?? actualShown, base, `${what}${/全年/.test(m[0]) ? '全年' : '年初'}预算完成率`);
    }
    this.span = [0, s.text.length];
    const word = /支出决算数(大于|小于)年初预算数/.exec(s.text);
    const budgetFig = annualFig ?? annualText;
    if (word && row && actualFig && budgetFig && !this.flagged(TEXT_CONTRADICTION)) {
      const bigger = actualFig.value.gt(budgetFig.value);
      if ((word[1] === '大于') !== bigger || actualFig.value.eq(budgetFig.value)) {
        this.report(TEXT_CHANGE, actualFig, [budgetFig], `${what}写“支出决算数${word[1]}年初预算数”，但决算 ${amountText(actualFig.value)} 万元${actualFig.value.eq(budgetFig.value) ? '等于' : bigger ? '大于' : '小于'}年初预算 ${amountText(budgetFig.value)} 万元。`);
      }
    }
  }

  private list(listed: string, prefixes: ReadonlyArray<string>, what: string): void {
    const items = (this.ctx.workbook.tables['06'] ? this.t.econItems() : []).filter((i) => i.code.length === 5 && prefixes.includes(i.code.slice(0, 3)));
    if (!items.length) return;
    const names = listed.split('、').map((n) => n.replace(/[“”]/g, ''));
    // Writers add or drop brackets and a final 支出 ("其他社会保障缴费支出" for 06's 其他社会保障缴费).
    const key = (s: string) => s.replace(/[（）()]/g, '').replace(/支出$/, '');
    const unknown: string[] = [];
    const zero: Fig[] = [];
    for (const n of names) {
      const item = items.find((i) => key(i.name) === key(n));
      if (!item) unknown.push(n);
      else if (!item.amount || item.amount.value.isZero()) zero.push(this.t.econFig(item) ?? { value: new Decimal(0), exact: true, source: { label: `公开06表 ${item.code} ${item.name}`, cells: [item.codeRef], keys: [] } });
    }
    if (zero.length) {
      this.report(TEXT_LIST, zero[0], zero.slice(1), `${what}列举了 ${zero.map((f) => f.source.label.replace(/^公开06表 \d+ /, '')).join('、')}，但这些科目在公开06表中为 0。`);
    }
    if (unknown.length) this.report(TEXT_LIST, null, [], `${what}列举的 ${unknown.join('、')} 不是公开06表中的科目名称。`);
    const missing = econListItems(this.ctx.workbook, prefixes).filter((i) => !names.some((n) => key(n) === key(i.name)));
    if (missing.length) {
      const figs = missing.map((i) => this.t.econFig(i)!);
      this.report(TEXT_LIST, figs[0], figs.slice(1), `${what}漏列了公开06表中有金额的 ${figs.map((f) => `${f.source.label.replace(/^公开06表 \d+ /, '')}（${amountText(f.value)} 万元）`).join('、')}。`, { severity: 'warning' });
    }
  }

  private basic(): void {
    this.each(`基本支出${IS}${A}万元`, (m) => this.amount(m[1], this.t.total('05', 2), '一般公共预算财政拨款基本支出'));
    this.each(`人员经费${IS}${A}万元(?:，主要包括：([^。；]+))?`, (m) => {
      this.amount(m[1], this.t.personnel(), '人员经费');
      if (m[2]) this.list(m[2], PERSONNEL_PREFIXES, '人员经费');
    });
    this.each(`公用经费${IS}${A}万元(?:，主要包括：([^。；]+))?`, (m) => {
      this.amount(m[1], this.t.publicCost(), '公用经费');
      if (m[2]) this.list(m[2], PUBLIC_PREFIXES, '公用经费');
    });
  }

  /**
   * 九 (三公): each figure belongs to the item named last before it in the sentence ("“三公”经费…其中：因公出国（境）费
   * 决算为…；公务接待费…"), else to the item of the sentence before (a numbered item paragraph), else to the total.
   */
  private sangong(carried: { sub: number; item: number }): { sub: number; item: number } {
    const text = this.s.text;
    const mentions: Array<{ at: number; item: number }> = [];
    SANGONG_ITEMS.forEach((it, item) => {
      for (const n of it.names) for (let k = text.indexOf(n); k >= 0; k = text.indexOf(n, k + n.length)) mentions.push({ at: k, item });
    });
    mentions.sort((a, b) => a.at - b.at);
    const start = carried.sub === this.s.sub ? carried.item : 0;
    // The last mention before `at` (binary search: a sentence may name items many times).
    const itemAt = (at: number) => {
      let [lo, hi] = [0, mentions.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (mentions[mid].at < at) lo = mid + 1;
        else hi = mid;
      }
      return lo ? mentions[lo - 1].item : start;
    };
    const facts = (item: number) => {
      const it = SANGONG_ITEMS[item];
      const name = it.names[0];
      return { it, name, budget: this.t.sangong(it.budgetCol, `预算数（${name}）`), actual: this.t.sangong(it.actualCol, `决算数（${name}）`) };
    };
    this.each(`${BUDGET_WORDS}${A}万元`, (m) => {
      const f = facts(itemAt(m.index!));
      this.amount(m[2], f.budget, `${f.name}${m[1] ?? ''}预算`);
    });
    // "，支出决算为X万元" after the item's 预算, or "公务接待费支出决算为X万元" / "公务接待费支出X万元" right after its name.
    this.each(`(?<=^|[，。；：])${ACTUAL_WORDS}${A}万元`, (m) => {
      const f = facts(itemAt(m.index!));
      this.amount(m[1], f.actual, `${f.name}支出决算`);
    });
    this.each(`(?:${SANGONG_NAMES})(?:财政拨款)?(?:支出)?(?:决算数?)?为?${A}万元(?:，占${R})?`, (m) => {
      const f = facts(itemAt(m.index! + 1));
      const fig = this.amount(m[1], f.actual, `${f.name}支出决算`);
      if (m[2]) this.percent(m[2], fig, facts(0).actual, `${f.name}占“三公”经费支出决算的比重`);
    });
    this.each(`${COMPLETION.pattern}${R}`, (m) => {
      const f = facts(itemAt(m.index!));
      this.percent(m[1], f.actual, f.budget, `${f.name}完成预算的比例`);
    });
    this.each('(?:全年|年初)?预算与支出决算均为0万元', (m) => {
      const f = facts(itemAt(m.index!));
      this.take('0', 'checked');
      const nonZero = [f.budget, f.actual].filter((x): x is Fig => !!x && !x.value.isZero());
      if (nonZero.length) this.report(TEXT_NONE, nonZero[0], nonZero.slice(1), `文中说${f.name}全年预算与支出决算均为 0，但${nonZero.map((x) => `${x.source.label}为 ${amountText(x.value)} 万元`).join('，')}。`);
    });
    this.each(`(?:(?:较|比)(?:上年|上一年度|\\d{4}年度?)|支出决算)${CHG}`, (m) => {
      const f = facts(itemAt(m.index!));
      if (f.it.prevKey) return this.change(m, 1, f.actual, f.it.prevKey, `${f.name}支出决算`);
      this.take(m[2], 'unverifiable');
      this.take(m[4], 'unverifiable');
      this.gap('statement:sangong-part-prev', '公务用车购置费、运行费的上年数不在补充信息中', `${f.name}的增减`);
    });
    return { sub: this.s.sub, item: itemAt(text.length) };
  }

  /** 七/八: each `{cue}{amount}万元` of the phrasebook's sentence against the fund table's 合计 row. */
  private tableSentence(section: TableSentence['section']): void {
    const s = TABLE_SENTENCES.find((x) => x.section === section)!;
    for (const part of s.parts) {
      this.each(`${part.cue}为?${A}万元`, (m) => this.amount(m[1], this.t.total(s.table, part.col), `${tableLabel(s.table)} ${part.cue}`));
    }
  }

  private running(): void {
    this.each(`机关运行经费支出${IS}${A}万元`, (m) => {
      const fig = this.amount(m[1], this.sup('org.running'), '机关运行经费', 'org.running');
      this.each(CHG, (c) => this.change(c, 1, fig, 'org.running_prev', '机关运行经费'));
    });
  }

  private proc(): void {
    const stated = new Map<string, string>();
    const parts = ['proc.goods', 'proc.works', 'proc.services'].map((k) => this.sup(k));
    const total = this.sup('proc.total') ?? (parts.every((p) => p) ? sumFig('政府采购支出总额（三项之和）', parts as Fig[]) : null);
    this.each(`政府采购支出总额${A}万元`, (m) => {
      stated.set('total', m[1]);
      this.amount(m[1], total, '政府采购支出总额', 'proc.total');
    });
    this.each(`政府采购(货物|工程|服务)支出${A}万元`, (m) => {
      const key = { 货物: 'proc.goods', 工程: 'proc.works', 服务: 'proc.services' }[m[1]]!;
      stated.set(key, m[2]);
      this.amount(m[2], this.sup(key), `政府采购${m[1]}支出`, key);
    });
    this.each(`授予中小企业合同金额${A}万元(?:，占政府采购支出总额的${R})?`, (m) => {
      stated.set('sme', m[1]);
      const sme = this.amount(m[1], this.sup('proc.sme'), '授予中小企业合同金额', 'proc.sme') ?? textFig(m[1], '中小企业合同金额');
      if (m[2]) this.percent(m[2], sme, total ?? (stated.has('total') ? textFig(stated.get('total')!, '政府采购支出总额') : null), '中小企业合同金额占政府采购支出总额的比重');
    });
    this.each(`授予小微企业合同金额${A}万元(?:，占授予中小企业合同金额的${R})?`, (m) => {
      const micro = this.amount(m[1], this.sup('proc.small_micro'), '授予小微企业合同金额', 'proc.small_micro') ?? textFig(m[1], '小微企业合同金额');
      const sme = this.sup('proc.sme') ?? (stated.has('sme') ? textFig(stated.get('sme')!, '中小企业合同金额') : null);
      if (m[2]) this.percent(m[2], micro, sme, '小微企业合同金额占中小企业合同金额的比重');
      if (sme && micro.value.minus(sme.value).gt(H.times(2))) this.report(TEXT_SUM, micro, [sme], `授予小微企业合同金额 ${m[1]} 万元大于授予中小企业合同金额 ${amountText(sme.value)} 万元（小微企业是中小企业的一部分）。`);
    });
    // The text's own figures must add up: 货物 + 工程 + 服务 = 总额 (rounding-aware), whatever 补充信息 says.
    const keys = ['proc.goods', 'proc.works', 'proc.services'];
    if (stated.has('total') && keys.every((k) => stated.has(k))) {
      const sum = keys.reduce((s, k) => s.plus(num(stated.get(k)!)), new Decimal(0));
      const tot = num(stated.get('total')!);
      const tol = H.times(keys.filter((k) => !num(stated.get(k)!).isZero()).length + 1);
      if (sum.minus(tot).abs().gt(tol)) {
        this.report(TEXT_SUM, total, [], `政府采购货物、工程、服务支出之和为 ${amountText(sum)} 万元，与文中的支出总额 ${amountText(tot)} 万元不符。`, { expected: sum.toFixed(2), actual: tot.toFixed(2), difference: tot.minus(sum).toFixed(2), tolerance: tol.toString() });
      }
    }
  }

  private asset(): void {
    this.each(`共有车辆${N}辆`, (m) => this.count(m[1], this.sup('asset.vehicles'), '车辆数', 'asset.vehicles'));
    this.each(`设备${N}台`, (m) => this.count(m[1], this.sup('asset.equipment_1m'), '单位价值100万元以上设备数', 'asset.equipment_1m'));
  }

  /** `stated`: the number of project paragraphs (项目绩效自评综述) of the section. */
  private perf(project: number | null, stated: number): number | null {
    const projectTotal = this.t.total('05', 3);
    this.each(`共涉及项目${N}个`, (m) => {
      const fig = this.sup('perf.self.count') ?? this.in.projectCount();
      this.count(m[1], fig, '绩效自评项目数', 'perf.self.count');
    });
    this.each(`资金${A}万元(?:，占一般公共预算项目支出总额的${R})?`, (m) => {
      const fig = this.amount(m[1], this.sup('perf.self.amount') ?? projectTotal, '绩效自评资金');
      if (m[2]) this.percent(m[2], fig, projectTotal, '自评资金占一般公共预算项目支出总额的比重');
    });
    this.each(`设置${N}个绩效指标`, (m) => this.count(m[1], this.sup('perf.overall.indicators'), '部门整体绩效指标个数', 'perf.overall.indicators'));
    this.each(`全年参与绩效自评的项目${N}个`, (m) => {
      this.take(m[1], 'checked');
      const n = parseChineseCount(m[1]);
      if (stated && n !== stated) this.report(TEXT_COUNT, null, [], `文中说参与绩效自评的项目 ${m[1]} 个，但下文列出了 ${stated} 个项目的自评综述。`, { expected: String(stated), actual: m[1] });
    });
    let cur = project;
    this.each(`(?<![^：。])([^：。]{1,60}?)项目绩效自评综述：项目全年预算数为${A}万元，执行数为${A}万元(?:，完成预算${R})?`, (m) => {
      cur = this.in.projects().find((n) => TRIM_PROJECT(this.in.text(`perf.p${n}.name`)!) === TRIM_PROJECT(m[1])) ?? null;
      const k = (x: string) => `perf.p${cur}.${x}`;
      if (cur === null) {
        for (const x of [m[2], m[3], m[4]]) this.take(x, 'unverifiable');
        return this.unverifiable('perf.p1.name', `项目“${m[1]}”（补充信息中没有同名项目）`);
      }
      const budget = this.amount(m[2], this.sup(k('budget')), `${m[1]}全年预算数`, k('budget'));
      const actual = this.amount(m[3], this.sup(k('actual')), `${m[1]}执行数`, k('actual'));
      if (m[4]) this.percent(m[4], actual ?? textFig(m[3], '执行数'), budget ?? textFig(m[2], '全年预算数'), `${m[1]}的预算执行率`);
    });
    const p = cur;
    if (p === null) {
      this.each(`(?<!完成预算)执行率为${R}|执行得分为${N}分`, (m) => this.take(m[1] ?? m[2], 'unverifiable'));
    } else {
      const actual = this.sup(`perf.p${p}.actual`);
      const budget = this.sup(`perf.p${p}.budget`);
      this.each(`(?<!完成预算)执行率为${R}`, (m) => this.percent(m[1], actual, budget, '项目预算执行率'));
      this.each(`执行得分为${N}分`, (m) => {
        this.take(m[1], actual && budget ? 'checked' : 'unverifiable');
        if (!actual || !budget || budget.value.isZero()) return;
        // 预算执行 is worth 20 points: 得分 = 20 × 执行率 (the 自评表's rule), written as a whole number.
        const lo = actual.value.minus(half(actual)).dividedBy(budget.value.plus(half(budget))).times(20);
        const hi = actual.value.plus(half(actual)).dividedBy(budget.value.minus(half(budget))).times(20);
        if (judgePercent(String(parseChineseCount(m[1]) ?? m[1]), lo, Decimal.min(hi, 20)) === 'wrong') {
          this.report(TEXT_COUNT, actual, [budget], `预算执行得分写为 ${m[1]} 分，按 20 × 执行率应为 ${percentOf(actual.value, budget.value).dividedBy(5).toFixed(0, Decimal.ROUND_HALF_UP)} 分。`);
        }
      });
    }
    return cur;
  }

  private glossary(): void {
    const listed = new Set<string>();
    for (const mention of itemMentions(this.s.text)) {
      listed.add(mention.name);
      if (!this.itemRow(mention.name)) this.report(TEXT_LIST, null, [], `名词解释列出的“${mention.name}”不是公开05表中的项级科目。`);
    }
    if (!listed.size) return;
    const missing = this.t.rows('05', '项').filter((r) => r.amounts.get(1) && !r.amounts.get(1)!.value.isZero() && !listed.has(this.t.itemFullName(r.code!)));
    if (missing.length) {
      const figs = missing.map((r) => this.t.rowFig('05', r, 1)!);
      this.report(TEXT_LIST, figs[0], figs.slice(1), `名词解释的支出功能分类科目（到项级）漏列了 ${missing.map((r) => `${r.code} ${r.name}`).join('、')}。`, { severity: 'warning' });
    }
  }

  /** The text's 年初预算合计 against the sum of the item budgets it lists (each rounded: 0.005 per non-zero term). */
  private budgetSum(): void {
    if (!this.budgetLead || !this.budgetItems.length) return;
    const items = this.budgetItems.map(num);
    const sum = items.reduce((a, b) => a.plus(b), new Decimal(0));
    const lead = num(this.budgetLead.value);
    const tol = H.times(items.filter((v) => !v.isZero()).length + 1);
    if (sum.minus(lead).abs().lte(tol)) return;
    this.s = this.budgetLead.s;
    this.report(TEXT_SUM, null, [], `年初预算合计写为 ${this.budgetLead.value} 万元，但下文各项年初预算之和为 ${amountText(sum)} 万元。`, {
      expected: sum.toFixed(2),
      actual: lead.toFixed(2),
      difference: lead.minus(sum).toFixed(2),
      tolerance: tol.toString(),
    });
  }

  /** Non-zero rows that the lists of 二, 三 and 五 should name but do not. */
  private omissions(bySection: ReadonlyMap<string, ReadonlyArray<Sentence>>): void {
    // Each item with the ways writers name it ("X类支出" or "X（类）"); the first is the one the message uses.
    const check = (kind: string, names: ReadonlyArray<readonly [string | ReadonlyArray<string>, Fig | null]>, what: string) => {
      const list = bySection.get(kind);
      if (!list?.length) return;
      const text = list.map((s) => s.text).join('');
      const spellings = (n: string | ReadonlyArray<string>) => (typeof n === 'string' ? [n] : n);
      const missing = names.filter(([n, f]) => f && !f.value.isZero() && !spellings(n).some((x) => text.includes(x)));
      if (!missing.length) return;
      this.s = list[0];
      const figs = missing.map(([, f]) => f!);
      this.report(TEXT_LIST, figs[0], figs.slice(1), `${what}没有提到表中有金额的 ${missing.map(([n, f]) => `${spellings(n)[0]}（${amountText(f!.value)} 万元）`).join('、')}。`, { severity: 'warning' });
    };
    check('income', INCOME_ITEMS.map(([c, n]) => [n, this.t.total('02', c)] as const), '收入决算情况说明');
    check('expense', EXPENSE_ITEMS.map(([c, n]) => [n, this.t.total('03', c)] as const), '支出决算情况说明');
    check('gpb', this.t.rows('05', '类').map((r) => [[`${r.name}类支出`, `${r.name}（类）`], this.t.rowFig('05', r, 1)] as const), '一般公共预算财政拨款支出决算结构情况');
    check('gpb', this.t.rows('05', '项').map((r) => [this.t.itemFullName(r.code!), this.t.rowFig('05', r, 1)] as const), '一般公共预算财政拨款支出决算具体情况');
  }
}
