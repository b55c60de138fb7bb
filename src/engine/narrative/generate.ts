import Decimal from 'decimal.js';
import { econTable, Line04Key, Workbook } from '../model';
import { headerInfo, source, sumFig, Tables } from './facts';
import { amountText, changeRateText, percentOf, shareText, sharesText } from './format';
import { Inputs, SPECIAL_DEFAULT, Supplement, supplementLayout } from './supplement';
import { Fig, MissingInput, NarrativeBlock, NarrativeDoc, Segment } from './types';
import { Grid } from '../grid';
import { CHANGE_DOWN, CHANGE_UP, COMPLETION, RATE_DOWN, RATE_UP, say, TABLE_SENTENCES, TableSentence } from './phrasebook';

/** Builds one paragraph's segments; figures keep their provenance, gaps become 【待补充：…】. */
class Para {
  readonly segs: Segment[] = [];
  constructor(private readonly onMissing: (key: string, label: string) => void) {}

  t(text: string): this {
    if (text) this.segs.push({ text });
    return this;
  }

  /** A figure shown with `text` (an amount by default), or the gap marker naming the input. */
  fig(f: Fig | null, missingKey: string, missingLabel: string, text?: string): this {
    if (!f) return this.gap(missingKey, missingLabel);
    this.segs.push({ text: text ?? amountText(f.value), value: f.value.toString(), source: f.source });
    return this;
  }

  /** A figure that is always there (a row the generator iterates over). */
  known(f: Fig): this {
    return this.fig(f, '', '');
  }

  /** A derived figure (share, rate, change) whose text is computed from `sources`. */
  derived(text: string, value: Decimal, label: string, sources: ReadonlyArray<Fig>): this {
    this.segs.push({ text, value: value.toString(), source: source(label, sources) });
    return this;
  }

  gap(key: string, label: string): this {
    this.onMissing(key, label);
    this.segs.push({ text: `【待补充：${label}】`, missing: key });
    return this;
  }

  /** Free text from 补充信息 (without the sentence end the template adds). */
  textInput(value: string | null, key: string, label: string): this {
    return value ? this.t(value.replace(/[。；;，,\s]+$/, '')) : this.gap(key, label);
  }
}

export interface GenerateOptions {
  /** 部门名称 and 年度 when the grid is not at hand (defaults: 补充信息, then the table headers). */
  readonly dept?: string | null;
  readonly year?: number | null;
}

const INCOME_ITEMS: ReadonlyArray<readonly [number, string]> = [
  [2, '财政拨款收入'],
  [3, '上级补助收入'],
  [4, '事业收入'],
  [5, '经营收入'],
  [6, '附属单位上缴收入'],
  [7, '其他收入'],
];
const EXPENSE_ITEMS: ReadonlyArray<readonly [number, string]> = [
  [2, '基本支出'],
  [3, '项目支出'],
  [4, '上缴上级支出'],
  [5, '经营支出'],
  [6, '对附属单位补助支出'],
];
const PERSONNEL_PREFIXES = ['301', '303'];
const PUBLIC_PREFIXES = ['302', '307', '310', '399'];

/** The 06 items a list in 六 names: 5-digit rows under the given 类 with a non-zero amount, in code order. */
export function econListItems(wb: Workbook, prefixes: ReadonlyArray<string>) {
  return (econTable(wb)?.items ?? [])
    .filter((i) => i.code.length === 5 && prefixes.includes(i.code.slice(0, 3)) && i.amount && !i.amount.value.isZero())
    .sort((a, b) => a.code.localeCompare(b.code));
}
export { PERSONNEL_PREFIXES, PUBLIC_PREFIXES, INCOME_ITEMS, EXPENSE_ITEMS };

/** Generates 第三部分 (sections 一…十四) from the recognized tables and the 补充信息 inputs. Pure. */
export function generateNarrative(wb: Workbook, sup: Supplement | null, grid?: Grid, opts: GenerateOptions = {}): NarrativeDoc {
  return new Generator(wb, sup, grid, opts).run();
}

class Generator {
  private readonly blocks: NarrativeBlock[] = [];
  private readonly missing = new Map<string, string>();
  private readonly t: Tables;
  private readonly in: Inputs;
  private readonly year: string;
  private readonly prevYear: string;
  private readonly dept: string;
  private readonly labels: Map<string, string>;

  constructor(
    private readonly wb: Workbook,
    sup: Supplement | null,
    grid: Grid | undefined,
    opts: GenerateOptions,
  ) {
    this.t = new Tables(wb);
    this.in = new Inputs(sup);
    this.labels = new Map(supplementLayout(wb, 9).map((r) => [r.key, r.label]));
    const header = grid ? headerInfo(grid, wb) : { dept: null, year: null };
    const y = this.in.num('meta.year')?.toNumber() ?? opts.year ?? header.year;
    this.year = y ? String(y) : '【待补充：决算年度】';
    this.prevYear = y ? String(y - 1) : '【待补充：上一年度】';
    if (!y) this.missing.set('meta.year', '决算年度');
    const d = this.in.text('meta.dept') ?? opts.dept ?? header.dept;
    this.dept = d ?? '【待补充：部门名称】';
    if (!d) this.missing.set('meta.dept', '部门名称');
  }

  run(): NarrativeDoc {
    this.plain('title', `第三部分${this.year}年度部门决算情况说明`);
    this.s1();
    this.s2();
    this.s3();
    this.s4();
    this.s5();
    this.s6();
    this.s7();
    this.s8();
    this.s9();
    this.s10();
    this.s11();
    this.s12();
    this.s13();
    this.s14();
    const missing: MissingInput[] = [...this.missing].map(([key, label]) => ({ key, label }));
    return { blocks: this.blocks, missing };
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private plain(kind: NarrativeBlock['kind'], text: string): void {
    this.blocks.push({ kind, segments: [{ text }] });
  }

  private para(): Para {
    const p = new Para((k, l) => {
      // Table gaps (a table not recognized) share the key 'table'; each is listed under its own label.
      const key = k === 'table' ? `table:${l}` : k;
      if (!this.missing.has(key)) this.missing.set(key, l);
    });
    this.blocks.push({ kind: 'p', segments: p.segs });
    return p;
  }

  private label(key: string): string {
    return this.labels.get(key) ?? key;
  }

  private sup(key: string): Fig | null {
    return this.in.fig(key);
  }

  /** `{增减词}{变动额}万元，{升降词}{变动率}%` (or 持平); returns the 增减词, or null when it could not be written. */
  private change(p: Para, cur: Fig | null, prev: Fig | null, prevKey: string, name: string): '增加' | '减少' | '持平' | null {
    if (!cur) {
      p.gap('table', `${name}（表中缺少）`);
      return null;
    }
    if (!prev) {
      p.gap(prevKey, this.label(prevKey));
      return null;
    }
    const diff = cur.value.minus(prev.value);
    if (diff.isZero()) {
      p.t('持平');
      return '持平';
    }
    const up = diff.gt(0);
    const word = up ? CHANGE_UP[0] : CHANGE_DOWN[0];
    p.t(word).derived(amountText(diff.abs()), diff.abs(), `${name}增减额`, [cur, prev]).t('万元');
    if (!prev.value.isZero()) p.t(`，${up ? RATE_UP[0] : RATE_DOWN[0]}`).derived(changeRateText(cur.value, prev.value), diff.abs().dividedBy(prev.value).times(100), `${name}增减率`, [cur, prev]).t('%');
    return word;
  }

  private reason(p: Para, keys: ReadonlyArray<string>, lead: string): void {
    const r = keys.map((k) => this.in.reason(k)).find((x) => x);
    p.t(lead);
    if (r) p.t(r.replace(/[。\s]+$/, ''));
    else p.gap(`${keys[0]}.原因`, '主要原因');
    p.t('。');
  }

  // ---- sections ------------------------------------------------------------------------------------------

  private s1(): void {
    this.plain('h1', '一、收入支出决算总体情况说明');
    const inc = this.t.line01('r30', 1);
    const exp = this.t.line01('r60', 2);
    const p = this.para();
    p.t(`${this.year}年度收入总计`).fig(inc, 'table', '公开01表 收入总计').t('万元，支出总计').fig(exp, 'table', '公开01表 支出总计').t(`万元。与${this.prevYear}年度相比，收入`);
    const a = this.change(p, inc, this.sup('prev.income_total'), 'prev.income_total', '收入总计');
    p.t('；支出');
    const b = this.change(p, exp, this.sup('prev.expense_total'), 'prev.expense_total', '支出总计');
    p.t('。');
    if ((a && a !== '持平') || (b && b !== '持平')) this.reason(p, ['prev.income_total', 'prev.expense_total'], '主要原因是');
    this.plain('caption', '图1：收、支决算总计变动情况');
  }

  private s2(): void {
    this.plain('h1', '二、收入决算情况说明');
    const sum = this.t.line01('r27', 1);
    const p = this.para();
    p.t(`${this.year}年度收入合计`).fig(sum, 'table', '公开01表 本年收入合计').t(`万元，与${this.prevYear}年度相比，收入合计`);
    this.change(p, sum, this.sup('prev.income_sum'), 'prev.income_sum', '收入合计');
    p.t('。');
    const items = INCOME_ITEMS.map(([c, name]) => ({ name, fig: this.t.total('02', c) }));
    this.composition(p, items, sum, '占本年收入', '。本年度无', '。');
    this.plain('caption', '图2：收入决算结构');
  }

  /** "其中：{名称}{金额}万元，占…{占比}%；…" then the zero items after `noneLead`. */
  private composition(p: Para, items: ReadonlyArray<{ name: string; fig: Fig | null }>, whole: Fig | null, shareWord: string, noneLead: string, end: string): void {
    const present = items.filter((i) => i.fig && !i.fig.value.isZero());
    const zero = items.filter((i) => i.fig && i.fig.value.isZero());
    if (present.length && whole && !whole.value.isZero()) {
      const shares = sharesText(present.map((i) => i.fig!.value), whole.value, 1);
      p.t('其中：');
      present.forEach((i, n) => {
        if (n) p.t('；');
        p.t(i.name).fig(i.fig, 'table', i.name).t(`万元，${shareWord}`).derived(shares[n], percentOf(i.fig!.value, whole.value), `${i.name}占比`, [i.fig!, whole]).t('%');
      });
    }
    if (zero.length) p.t(`${present.length ? noneLead : noneLead.replace(/^[。；]/, '')}${zero.map((i) => i.name).join('、')}`);
    p.t(end);
  }

  private s3(): void {
    this.plain('h1', '三、支出决算情况说明');
    const sum = this.t.line01('r57', 2);
    const p = this.para();
    p.t(`${this.year}年度支出合计`).fig(sum, 'table', '公开01表 本年支出合计').t(`万元，与${this.prevYear}年度相比，支出合计`);
    this.change(p, sum, this.sup('prev.expense_sum'), 'prev.expense_sum', '支出合计');
    p.t('。');
    const items = EXPENSE_ITEMS.map(([c, name]) => ({ name, fig: this.t.total('03', c) }));
    this.composition(p, items, sum, '占本年支出', '；本年度无', '。');
    this.plain('caption', '图3：支出决算结构');
  }

  private s4(): void {
    this.plain('h1', '四、财政拨款收入支出决算总体情况说明');
    const inc = this.t.line04('r32', 1);
    const exp = this.t.line04('r64', 2, '合计');
    const p = this.para();
    if (inc && exp && !inc.value.eq(exp.value)) {
      p.t(`${this.year}年度财政拨款收入总计`).fig(inc, 'table', '公开04表 收入总计').t('万元，支出总计').fig(exp, 'table', '公开04表 支出总计').t('万元。');
    } else {
      const both: Fig | null = inc && exp ? { value: inc.value, exact: inc.exact, source: source('公开04表 收入总计、支出总计（合计）', [inc, exp]) } : null;
      p.t(`${this.year}年度财政拨款收、支总计均为`).fig(both, 'table', '公开04表 收入总计').t('万元。');
    }
    p.t(`与${this.prevYear}年度相比，财政拨款收、支总计各`);
    const c = this.change(p, inc, this.sup('prev.fiscal_total'), 'prev.fiscal_total', '财政拨款收支总计');
    p.t('。');
    if (c && c !== '持平') this.reason(p, ['prev.fiscal_total'], '主要原因是');
    const kinds: ReadonlyArray<readonly [Line04Key, string, string]> = [
      ['r1', '一般公共预算财政拨款收入', 'prev.gpb_income'],
      ['r2', '政府性基金预算财政拨款收入', 'prev.gf_income'],
      ['r3', '国有资本经营预算财政拨款收入', 'prev.sc_income'],
    ];
    const q = this.para();
    q.t(`${this.year}年度财政拨款收入中，`);
    const zero: string[] = [];
    for (const [key, name, prevKey] of kinds) {
      const f = this.t.line04(key, 1);
      if (key !== 'r1' && (!f || f.value.isZero())) {
        zero.push(name);
        continue;
      }
      q.t(name).fig(f, 'table', `公开04表 ${name}`).t(`万元，比${this.prevYear}年度决算数`);
      const d = this.change(q, f, this.sup(prevKey), prevKey, name);
      q.t('。');
      if (d && d !== '持平') this.reason(q, [prevKey], '主要原因是');
    }
    if (zero.length) q.t(`本年度无${zero.join('和')}。`);
    this.plain('caption', '图4：财政拨款收、支决算总计变动情况');
  }

  private s5(): void {
    this.plain('h1', '五、一般公共预算财政拨款支出决算情况说明');
    const gpb = this.t.total('05', 1);
    const all = this.t.line01('r57', 2);
    this.plain('h2', '（一）一般公共预算财政拨款支出决算总体情况。');
    const p = this.para();
    p.t(`${this.year}年度一般公共预算财政拨款支出`).fig(gpb, 'table', '公开05表 合计').t('万元，占本年支出合计的');
    if (gpb && all && !all.value.isZero()) p.derived(shareText(gpb.value, all.value, 1), percentOf(gpb.value, all.value), '一般公共预算财政拨款支出占本年支出合计的比重', [gpb, all]);
    else p.gap('table', '公开01表 本年支出合计');
    p.t(`%。与${this.prevYear}年度相比，一般公共预算财政拨款支出`);
    const c = this.change(p, gpb, this.sup('prev.gpb_expense'), 'prev.gpb_expense', '一般公共预算财政拨款支出');
    if (c && c !== '持平') this.reason(p, ['prev.gpb_expense'], '，主要原因是');
    else p.t('。');

    this.plain('h2', '（二）一般公共预算财政拨款支出决算结构情况。');
    this.para().t(`${this.year}年度一般公共预算财政拨款支出`).fig(gpb, 'table', '公开05表 合计').t('万元，主要用于以下方面：');
    const classes = this.t.rows('05', '类').filter((r) => !r.amounts.get(1)?.value.isZero() && r.amounts.get(1));
    classes.forEach((r, i) => {
      const f = this.t.rowFig('05', r, 1)!;
      const q = this.para();
      q.t(`${i + 1}.${r.name}类支出`).known(f).t('万元，占');
      if (gpb && !gpb.value.isZero()) q.derived(shareText(f.value, gpb.value, 2), percentOf(f.value, gpb.value), `${r.name}占比`, [f, gpb]);
      q.t('%。主要是用于');
      const purpose = this.in.text(`purpose.${r.code}`);
      // Default (narrative.md §3.1 (3)): the names of the 类's non-zero 款.
      const kuan = this.t.rows('05', '款').filter((k) => k.code!.startsWith(r.code!) && k.amounts.get(1) && !k.amounts.get(1)!.value.isZero());
      q.t((purpose ?? kuan.map((k) => k.name).join('、')).replace(/[。\s]+$/, '')).t('。');
    });

    this.plain('h2', '（三）一般公共预算财政拨款支出决算具体情况。');
    const items = this.t.rows('05', '项').filter((r) => r.amounts.get(1) && !r.amounts.get(1)!.value.isZero());
    const budgets = items.map((r) => this.sup(`budget.${r.code}`));
    const total = this.sup('budget.total') ?? (budgets.every((b) => b) && budgets.length ? sumFig('年初预算合计（各项之和）', budgets as Fig[]) : null);
    const lead = this.para();
    lead.t(`${this.year}年度一般公共预算财政拨款支出年初预算为`).fig(total, 'budget.total', this.label('budget.total')).t('万元，支出决算为').fig(gpb, 'table', '公开05表 合计').t('万元');
    if (total && gpb && !total.value.isZero()) lead.t(`，${COMPLETION.annual}`).derived(shareText(gpb.value, total.value, 1), percentOf(gpb.value, total.value), '年初预算完成率', [gpb, total]).t('%');
    lead.t('。其中：');
    let klass = '';
    let ci = 0;
    let j = 0;
    items.forEach((r, n) => {
      if (r.code!.slice(0, 3) !== klass) {
        klass = r.code!.slice(0, 3);
        ci++;
        j = 0;
        this.para().t(`${ci}.${this.t.row('05', klass)?.name ?? klass}具体包括：`);
      }
      j++;
      this.item(r.code!, `（${j}）`, this.t.rowFig('05', r, 1)!, budgets[n]);
    });
  }

  private item(code: string, num: string, actual: Fig, budget: Fig | null): void {
    const key = `budget.${code}`;
    const p = this.para();
    p.t(`${num}${this.t.itemFullName(code)}年初预算为`).fig(budget, key, this.label(key)).t('万元，支出决算为').known(actual).t('万元');
    if (!budget) {
      p.t('。');
      return;
    }
    const why = this.in.reason(key)?.replace(/[。\s]+$/, '');
    const rate = () => p.t(`，${COMPLETION.annual}`).derived(shareText(actual.value, budget.value, 1), percentOf(actual.value, budget.value), '年初预算完成率', [actual, budget]).t('%');
    if (budget.value.isZero()) {
      p.t(why ? `，支出决算数大于年初预算数的主要原因：${why}。` : '。');
    } else if (actual.value.eq(budget.value) || !why) {
      rate();
      p.t('。');
    } else {
      rate();
      p.t(`，支出决算数${actual.value.lt(budget.value) ? '小于' : '大于'}年初预算数的主要原因：${why}。`);
    }
  }

  private s6(): void {
    this.plain('h1', '六、一般公共预算财政拨款基本支出决算情况说明');
    this.para().t(`${this.year}年度一般公共预算财政拨款基本支出`).fig(this.t.total('05', 2), 'table', '公开05表 合计（基本支出）').t('万元，其中：');
    const lists: ReadonlyArray<readonly [string, Fig | null, ReadonlyArray<string>]> = [
      ['人员经费', this.t.personnel(), PERSONNEL_PREFIXES],
      ['公用经费', this.t.publicCost(), PUBLIC_PREFIXES],
    ];
    for (const [name, total, prefixes] of lists) {
      const p = this.para().t(name).fig(total, 'table', `公开06表 ${name}合计`).t('万元');
      const names = econListItems(this.wb, prefixes).map((i) => i.name);
      p.t(names.length ? `，主要包括：${names.join('、')}。` : '。');
    }
  }

  private s7(): void {
    this.plain('h1', '七、政府性基金预算财政拨款收入支出决算情况说明');
    const t07 = this.t.coded('07');
    const nonZero = t07 && [t07.total, ...t07.rows].some((r) => r && [...r.amounts.values()].some((a) => !a.value.isZero()));
    if (!nonZero) {
      this.para().t('本单位当年无政府性基金预算财政拨款收入支出。');
      return;
    }
    this.tableSentence('fund');
  }

  /** 七/八 with amounts: the phrasebook's sentence of 合计-row figures. */
  private tableSentence(section: TableSentence['section']): void {
    const s = TABLE_SENTENCES.find((x) => x.section === section)!;
    const p = this.para().t(`${this.year}年度${s.lead}`);
    for (const part of s.parts) p.t(`${part.join}${part.cue}`).fig(this.t.total(s.table, part.col), 'table', `公开${s.table}表 ${part.cue}`).t('万元');
    p.t('。');
  }

  private s8(): void {
    this.plain('h1', '八、国有资本经营预算财政拨款支出决算情况说明');
    const t08 = this.t.coded('08');
    const nonZero = t08 && [t08.total, ...t08.rows].some((r) => r && [...r.amounts.values()].some((a) => !a.value.isZero()));
    if (!nonZero) {
      this.para().t('本单位当年无国有资本经营预算财政拨款支出。');
      return;
    }
    this.tableSentence('capital');
  }

  /** "较上年{增减}…。决算数较上年{增减}的主要原因：{原因}。" after a 三公 figure. */
  private sangongChange(p: Para, cur: Fig | null, prevKey: string, name: string, sep: string): void {
    const prev = this.sup(prevKey);
    if (prev && cur && prev.value.isZero() && cur.value.isZero()) return;
    p.t(`${sep}较上年`);
    const c = this.change(p, cur, prev, prevKey, name);
    p.t('。');
    if (c && c !== '持平') this.reason(p, [prevKey], `决算数较上年${c}的主要原因：`);
  }

  private s9(): void {
    this.plain('h1', '九、财政拨款“三公”经费支出决算情况说明');
    this.plain('h2', '（一）“三公”经费财政拨款支出决算总体情况说明');
    const budget = this.t.sangong(1, '预算数合计');
    const actual = this.t.sangong(7, '决算数合计');
    const p = this.para();
    if (budget && actual && budget.value.isZero() && actual.value.isZero()) {
      p.t(`${this.year}年度“三公”经费财政拨款支出全年预算与支出决算均为0万元。`);
      this.sangongChange(p, actual, 'sangong.prev_total', '“三公”经费', '');
    } else {
      p.t(`${this.year}年度“三公”经费财政拨款支出全年预算为`).fig(budget, 'table', '公开09表 预算数合计').t('万元，支出决算为').fig(actual, 'table', '公开09表 决算数合计').t('万元');
      if (budget && actual && !budget.value.isZero()) p.t(`，${COMPLETION.full}`).derived(shareText(actual.value, budget.value, 1), percentOf(actual.value, budget.value), '“三公”经费完成率', [actual, budget]).t('%');
      this.sangongChange(p, actual, 'sangong.prev_total', '“三公”经费', '。');
    }
    this.plain('h2', '（二）“三公”经费财政拨款支出决算具体情况说明。');
    const items: ReadonlyArray<readonly [number, number, string, string]> = [
      [2, 8, '因公出国（境）费', 'sangong.prev_abroad'],
      [3, 9, '公务用车购置及运行费', 'sangong.prev_vehicle'],
      [6, 12, '公务接待费', 'sangong.prev_reception'],
    ];
    items.forEach(([bc, ac, name, prevKey], i) => {
      const b = this.t.sangong(bc, `预算数（${name}）`);
      const a = this.t.sangong(ac, `决算数（${name}）`);
      const q = this.para().t(`${i + 1}.${name}`);
      if (b && a && b.value.isZero() && a.value.isZero()) {
        q.t('全年预算与支出决算均为0万元。');
        const prev = this.sup(prevKey);
        if (prev && !prev.value.isZero()) this.sangongChange(q, a, prevKey, name, '');
        return;
      }
      q.t('全年预算为').fig(b, 'table', `公开09表 预算数（${name}）`).t('万元，支出决算为').fig(a, 'table', `公开09表 决算数（${name}）`).t('万元');
      if (b && a && !b.value.isZero()) q.t(`，${COMPLETION.full}`).derived(shareText(a.value, b.value, 1), percentOf(a.value, b.value), `${name}完成率`, [a, b]).t('%');
      this.sangongChange(q, a, prevKey, name, '；');
      if (bc !== 3) return;
      q.t('其中：');
      this.para().t('（1）公务用车购置费支出').fig(this.t.sangong(10, '决算数（公务用车购置费）'), 'table', '公开09表 公务用车购置费').t('万元。');
      const r = this.para().t('（2）公务用车运行费支出').fig(this.t.sangong(11, '决算数（公务用车运行维护费）'), 'table', '公开09表 公务用车运行维护费').t('万元，主要用于');
      r.textInput(this.in.text('sangong.vehicle_use'), 'sangong.vehicle_use', this.label('sangong.vehicle_use'));
      r.t(`。截至${this.year}年12月31日，开支财政拨款的公务用车保有量为`).fig(this.sup('sangong.vehicle_count'), 'sangong.vehicle_count', this.label('sangong.vehicle_count'), this.in.num('sangong.vehicle_count')?.toString()).t('辆。');
    });
  }

  private s10(): void {
    this.plain('h1', '十、机关运行经费支出说明');
    const cur = this.sup('org.running');
    if (!cur || cur.value.isZero()) {
      this.para().t('本单位无机关运行经费。');
      return;
    }
    const p = this.para().t(`${this.year}年度本单位机关运行经费支出`).known(cur).t(`万元，与${this.prevYear}年度相比，`);
    const c = this.change(p, cur, this.sup('org.running_prev'), 'org.running_prev', '机关运行经费');
    p.t('。');
    if (c && c !== '持平') this.reason(p, ['org.running_prev'], '主要原因是');
  }

  private s11(): void {
    this.plain('h1', '十一、政府采购支出说明');
    const goods = this.sup('proc.goods');
    const works = this.sup('proc.works');
    const services = this.sup('proc.services');
    const parts = [goods, works, services];
    const total = this.sup('proc.total') ?? (parts.every((x) => x) ? sumFig('政府采购支出总额（三项之和）', parts as Fig[]) : null);
    const sme = this.sup('proc.sme');
    const micro = this.sup('proc.small_micro');
    if (total && total.value.isZero() && [sme, micro].every((x) => !x || x.value.isZero())) {
      this.para().t(`本单位${this.year}年度无政府采购支出。`);
      return;
    }
    const p = this.para().t(`本单位${this.year}年度${say('proc.total')}`).fig(total, 'proc.total', this.label('proc.total')).t(`万元，其中：${say('proc.goods')}`);
    p.fig(goods, 'proc.goods', this.label('proc.goods')).t(`万元、${say('proc.works')}`).fig(works, 'proc.works', this.label('proc.works')).t(`万元、${say('proc.services')}`).fig(services, 'proc.services', this.label('proc.services')).t(`万元。${say('proc.sme')}`);
    p.fig(sme, 'proc.sme', this.label('proc.sme')).t('万元');
    this.share(p, sme, total, '，占政府采购支出总额的', '中小企业合同金额占比');
    p.t(`，其中：${say('proc.small_micro')}`).fig(micro, 'proc.small_micro', this.label('proc.small_micro')).t('万元');
    this.share(p, micro, sme, '，占授予中小企业合同金额的', '小微企业合同金额占比');
    p.t('。');
  }

  /** "，占…的r%" when both figures are known and the whole is not 0 (no share of nothing); the gaps are marked already. */
  private share(p: Para, part: Fig | null, whole: Fig | null, words: string, label: string): void {
    if (part && whole && !whole.value.isZero()) p.t(words).derived(shareText(part.value, whole.value, 1), percentOf(part.value, whole.value), label, [part, whole]).t('%');
  }

  private s12(): void {
    this.plain('h1', '十二、国有资产占用情况说明');
    const count = (k: string) => p.fig(this.sup(k), k, this.label(k), this.in.num(k)?.toString());
    const p = this.para().t(`截至${this.year}年12月31日，${this.dept}${say('asset.vehicles')}`);
    count('asset.vehicles').t('辆');
    const desc = this.in.text('asset.vehicles_desc');
    if (desc) p.t(`，${desc.replace(/^[，,]|[。；\s]+$/g, '')}`);
    p.t(`；${say('asset.equipment_1m')}`);
    count('asset.equipment_1m').t('台（套）。');
  }

  private s13(): void {
    this.plain('h1', '十三、预算绩效情况说明');
    this.plain('h2', '（一）预算绩效管理工作开展情况。');
    const projectTotal = this.t.total('05', 3);
    const projects = this.in.projects();
    const count = this.sup('perf.self.count') ?? this.in.projectCount();
    const amount = this.sup('perf.self.amount') ?? projectTotal;
    const p = this.para().t(`根据预算绩效管理要求，本部门组织对${this.year}年度一般公共预算项目支出全面开展绩效自评，共涉及项目`);
    p.fig(count, 'perf.self.count', this.label('perf.self.count'), count?.value.toString()).t('个，资金').fig(amount, 'perf.self.amount', this.label('perf.self.amount')).t('万元，占一般公共预算项目支出总额的');
    if (amount && projectTotal && !projectTotal.value.isZero()) p.derived(shareText(amount.value, projectTotal.value, 1), percentOf(amount.value, projectTotal.value), '自评资金占项目支出比重', [amount, projectTotal]);
    else p.gap('table', '公开05表 项目支出合计');
    p.t('%。');
    const summary = this.in.text('perf.self.summary');
    if (summary) p.t(summary.replace(/[。\s]*$/, '。'));
    else p.gap('perf.self.summary', this.label('perf.self.summary'));
    const q = this.para().t(`组织开展部门整体绩效评价，评价情况来看，${this.year}年度部门整体支出共设置`);
    q.fig(this.sup('perf.overall.indicators'), 'perf.overall.indicators', this.label('perf.overall.indicators'), this.in.num('perf.overall.indicators')?.toString()).t('个绩效指标，');
    q.textInput(this.in.text('perf.overall.summary'), 'perf.overall.summary', this.label('perf.overall.summary')).t('。');

    this.plain('h2', '（二）部门决算中项目绩效自评结果。');
    this.para().t(`全年参与绩效自评的项目${projects.length}个：`);
    for (const n of projects) {
      const k = (x: string) => `perf.p${n}.${x}`;
      const name = this.in.text(k('name'))!;
      const budget = this.sup(k('budget'));
      const actual = this.sup(k('actual'));
      const r = this.para().t(`${name.replace(/项目$/, '')}项目绩效自评综述：项目全年预算数为`).fig(budget, k('budget'), this.label(k('budget'))).t('万元，执行数为').fig(actual, k('actual'), this.label(k('actual'))).t('万元');
      // No rate on a zero budget (narrative.md §1); a missing figure was marked where it stands.
      if (budget && actual && !budget.value.isZero()) r.t(`，${COMPLETION.project}`).derived(shareText(actual.value, budget.value, 0), percentOf(actual.value, budget.value), `${name}执行率`, [actual, budget]).t('%');
      r.t('。主要产出和效益：').textInput(this.in.text(k('output')), k('output'), this.label(k('output')));
      r.t('。发现的问题及原因：').textInput(this.in.text(k('problem')), k('problem'), this.label(k('problem')));
      r.t('。下一步改进措施：').textInput(this.in.text(k('next')), k('next'), this.label(k('next'))).t('。');
    }
    this.plain('h2', '（三）绩效评价结果应用情况。');
    this.para().t('部门绩效评价结果应用情况：').textInput(this.in.text('perf.apply.done'), 'perf.apply.done', this.label('perf.apply.done')).t('。');
    this.para().t('部门绩效评价结果拟应用情况：').textInput(this.in.text('perf.apply.plan'), 'perf.apply.plan', this.label('perf.apply.plan')).t('。');
  }

  private s14(): void {
    this.plain('h1', '十四、财政专项支出、专项转移支付支出情况说明');
    this.para().t(this.in.text('special.text') ?? SPECIAL_DEFAULT);
  }
}
