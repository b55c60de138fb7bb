import Decimal from 'decimal.js';
import { a1, CellRef } from '../a1';
import { Grid, GridSheet } from '../grid';
import { Line04Key, linesTable, Workbook } from '../model';
import { decimalFromNumber, parseAmount } from '../money';
import { NarrativeRule, SUPPLEMENT_KEY, SUPPLEMENT_MISSING, SUPPLEMENT_NOT_A_NUMBER, SUPPLEMENT_PERF, SUPPLEMENT_SUM } from '../rules/narrative';
import { Tables } from './facts';
import { amountText } from './format';
import { Fig, NarrativeFinding } from './types';

export const SUPPLEMENT_SHEET = '补充信息';
export const SPECIAL_DEFAULT = '本单位决算信息公开未涉及该类支出。';

export type InputKind = 'amount' | 'count' | 'text';

/** One row of the 补充信息 sheet: a group heading (key '') or one input. */
export interface LayoutRow {
  readonly key: string;
  readonly label: string;
  readonly kind: InputKind;
  /** Prefilled C value (texts with a standard default). */
  readonly preset?: string;
  /** What the D column holds for this row, shown as a hint. */
  readonly reasonHint?: string;
  /** How to fill the row (shown after the label in the sheet, not in the narrative's 【待补充】). */
  readonly note?: string;
}

const REASON = '主要原因';

/** The hint on a row's D cell (a cell note), the same in the command line's and the pane's sheet. */
export function reasonNote(hint: string): string {
  return `D 列填写：${hint}`;
}

function heading(label: string): LayoutRow {
  return { key: '', label: `【${label}】`, kind: 'text' };
}

/** Keys the narrative uses, for one workbook: a 年初预算 row per 项 of 公开05表, a 用途 row per 类 (narrative.md §4). */
export function supplementLayout(wb: Workbook, projects = 3): LayoutRow[] {
  const t = new Tables(wb);
  const t04 = linesTable(wb, '04');
  const nonZero04 = (key: Line04Key) => {
    const a = t04?.lines.get(key)?.amounts.get(1);
    return !!a && !a.value.isZero();
  };
  const rows: LayoutRow[] = [
    heading('基本信息'),
    { key: 'meta.dept', label: '部门名称', kind: 'text', note: '空=取表头' },
    { key: 'meta.year', label: '决算年度', kind: 'count', note: '空=取表头' },
    heading('上年数（一至五）'),
    { key: 'prev.income_total', label: '上年收入总计', kind: 'amount', reasonHint: REASON },
    { key: 'prev.expense_total', label: '上年支出总计', kind: 'amount', reasonHint: REASON },
    { key: 'prev.income_sum', label: '上年收入合计', kind: 'amount' },
    { key: 'prev.expense_sum', label: '上年支出合计', kind: 'amount' },
    { key: 'prev.fiscal_total', label: '上年财政拨款收支总计', kind: 'amount', reasonHint: REASON },
    { key: 'prev.gpb_income', label: '上年一般公共预算财政拨款收入', kind: 'amount', reasonHint: REASON },
  ];
  if (nonZero04('r2')) rows.push({ key: 'prev.gf_income', label: '上年政府性基金预算财政拨款收入', kind: 'amount', reasonHint: REASON });
  if (nonZero04('r3')) rows.push({ key: 'prev.sc_income', label: '上年国有资本经营预算财政拨款收入', kind: 'amount', reasonHint: REASON });
  rows.push({ key: 'prev.gpb_expense', label: '上年一般公共预算财政拨款支出', kind: 'amount', reasonHint: REASON });
  rows.push(heading('年初预算（五（三））'));
  rows.push({ key: 'budget.total', label: '年初预算合计', kind: 'amount', note: '空=各项之和' });
  for (const r of t.rows('05', '项')) {
    rows.push({ key: `budget.${r.code}`, label: `年初预算：${t.itemFullName(r.code!)}`, kind: 'amount', reasonHint: '决算与年初预算差异原因' });
  }
  rows.push(heading('用途说明（五（二），空=列出各款名称）'));
  for (const r of t.rows('05', '类')) rows.push({ key: `purpose.${r.code}`, label: `用途说明：${r.name}`, kind: 'text' });
  rows.push(
    heading('“三公”经费（九）'),
    { key: 'sangong.prev_total', label: '上年“三公”经费财政拨款支出决算', kind: 'amount', reasonHint: REASON },
    { key: 'sangong.prev_abroad', label: '上年因公出国（境）费', kind: 'amount', reasonHint: REASON },
    { key: 'sangong.prev_vehicle', label: '上年公务用车购置及运行费', kind: 'amount', reasonHint: REASON },
    { key: 'sangong.prev_reception', label: '上年公务接待费', kind: 'amount', reasonHint: REASON },
    { key: 'sangong.vehicle_use', label: '公务用车运行费主要用途', kind: 'text' },
    { key: 'sangong.vehicle_count', label: '公务用车保有量（辆）', kind: 'count' },
    heading('机关运行经费（十）'),
    { key: 'org.running', label: '机关运行经费', kind: 'amount', note: '非行政单位、非参公事业单位填 0' },
    { key: 'org.running_prev', label: '上年机关运行经费', kind: 'amount', reasonHint: REASON },
    heading('政府采购（十一）'),
    { key: 'proc.goods', label: '政府采购货物支出', kind: 'amount' },
    { key: 'proc.works', label: '政府采购工程支出', kind: 'amount' },
    { key: 'proc.services', label: '政府采购服务支出', kind: 'amount' },
    { key: 'proc.total', label: '政府采购支出总额', kind: 'amount', note: '空=三项之和' },
    { key: 'proc.sme', label: '授予中小企业合同金额', kind: 'amount' },
    { key: 'proc.small_micro', label: '授予小微企业合同金额', kind: 'amount' },
    heading('国有资产（十二）'),
    { key: 'asset.vehicles', label: '车辆（辆）', kind: 'count' },
    { key: 'asset.vehicles_desc', label: '车辆构成说明', kind: 'text', note: '如“为应急保障用车”' },
    { key: 'asset.equipment_1m', label: '单位价值100万元以上设备（台（套））', kind: 'count' },
    heading('预算绩效（十三）'),
    { key: 'perf.self.count', label: '绩效自评项目数', kind: 'count', note: '空=所列项目个数' },
    { key: 'perf.self.amount', label: '自评资金', kind: 'amount', note: '空=公开05表项目支出合计' },
    { key: 'perf.self.summary', label: '自评总体情况', kind: 'text' },
    { key: 'perf.overall.indicators', label: '部门整体绩效指标个数', kind: 'count' },
    { key: 'perf.overall.summary', label: '整体评价结论', kind: 'text' },
  );
  for (let n = 1; n <= projects; n++) rows.push(...projectRows(n));
  rows.push(
    { key: 'perf.apply.done', label: '绩效评价结果应用情况', kind: 'text' },
    { key: 'perf.apply.plan', label: '绩效评价结果拟应用情况', kind: 'text' },
    heading('财政专项支出（十四）'),
    { key: 'special.text', label: '财政专项支出、专项转移支付支出情况', kind: 'text', preset: SPECIAL_DEFAULT },
  );
  return rows;
}

export function projectRows(n: number): LayoutRow[] {
  const p = `perf.p${n}`;
  return [
    { key: `${p}.name`, label: `项目${n}：项目名称`, kind: 'text' },
    { key: `${p}.budget`, label: `项目${n}：全年预算数`, kind: 'amount' },
    { key: `${p}.actual`, label: `项目${n}：执行数`, kind: 'amount' },
    { key: `${p}.score`, label: `项目${n}：自评得分`, kind: 'count' },
    { key: `${p}.output`, label: `项目${n}：主要产出和效益`, kind: 'text' },
    { key: `${p}.problem`, label: `项目${n}：发现的问题及原因`, kind: 'text' },
    { key: `${p}.next`, label: `项目${n}：下一步改进措施`, kind: 'text' },
  ];
}

/** One input as read: value null when the C cell is blank (not given, ≠ 0). */
export interface SupplementEntry {
  readonly key: string;
  readonly label: string;
  readonly kind: InputKind;
  readonly value: Decimal | string | null;
  readonly reason: string | null;
  readonly valueRef: CellRef;
  readonly reasonRef: CellRef;
}

export interface Supplement {
  readonly sheet: string;
  readonly entries: ReadonlyMap<string, SupplementEntry>;
  /** Problems found while reading (text in an amount cell, unknown or duplicate keys). */
  readonly findings: ReadonlyArray<NarrativeFinding>;
}

export interface FindingInput {
  readonly rule: NarrativeRule;
  readonly severity?: NarrativeFinding['severity'];
  readonly at: CellRef | null;
  readonly related?: ReadonlyArray<CellRef>;
  readonly message: string;
  readonly expected?: string | null;
  readonly actual?: string | null;
  readonly difference?: string | null;
  readonly tolerance?: string | null;
  readonly source?: string;
  readonly line?: number | null;
  readonly paragraph?: number | null;
  readonly quote?: string;
}

export function narrativeFinding(i: FindingInput): NarrativeFinding {
  return {
    rule: i.rule.id,
    severity: i.severity ?? i.rule.severity,
    sheet: i.at?.sheet ?? '',
    cell: i.at?.cell ?? '',
    related: i.related ?? [],
    expected: i.expected ?? null,
    actual: i.actual ?? null,
    difference: i.difference ?? null,
    tolerance: i.tolerance ?? null,
    unit: i.expected != null || i.actual != null ? '万元' : null,
    message: i.message,
    table: '--',
    source: i.source ?? SUPPLEMENT_SHEET,
    line: i.line ?? null,
    paragraph: i.paragraph ?? null,
    quote: i.quote ?? '',
  };
}

function cellText(sheet: GridSheet, r: number, c: number): string {
  const v = sheet.rows[r]?.[c]?.value;
  return v === null || v === undefined ? '' : String(v).trim();
}

const PROJECT_KEY = /^perf\.p(\d+)\.(name|budget|actual|score|output|problem|next)$/;

/** Reads the 补充信息 sheet by key; null when the workbook has none. */
export function readSupplement(grid: Grid, wb: Workbook): Supplement | null {
  const sheet = grid.sheets.find((s) => s.name.replace(/\s/g, '') === SUPPLEMENT_SHEET);
  if (!sheet) return null;
  const layout = new Map(supplementLayout(wb, 0).filter((r) => r.key).map((r) => [r.key, r]));
  const entries = new Map<string, SupplementEntry>();
  const findings: NarrativeFinding[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const key = cellText(sheet, r, 0);
    if (!key) continue;
    const at = { sheet: sheet.name, cell: a1(r, 0) };
    const pm = PROJECT_KEY.exec(key);
    const spec = layout.get(key) ?? (pm ? projectRows(Number(pm[1])).find((x) => x.key === key) : undefined);
    if (!spec) {
      findings.push(narrativeFinding({ rule: SUPPLEMENT_KEY, at, message: `补充信息第 ${r + 1} 行的键“${key}”不是已知的键，这一行不会被使用。请核对拼写。` }));
      continue;
    }
    if (entries.has(key)) {
      findings.push(narrativeFinding({ rule: SUPPLEMENT_KEY, at, related: [entries.get(key)!.valueRef], message: `补充信息的键“${key}”重复出现（第 ${r + 1} 行），只使用第一次出现的那一行。请删除重复行。` }));
      continue;
    }
    const valueRef = { sheet: sheet.name, cell: a1(r, 2) };
    const raw = sheet.rows[r]?.[2]?.value ?? null;
    let value: Decimal | string | null = null;
    if (spec.kind === 'text') value = raw === null || String(raw).trim() === '' ? null : String(raw).trim();
    else if (typeof raw === 'number') value = decimalFromNumber(raw);
    else {
      const p = parseAmount(raw);
      if (p.kind === 'number') value = p.value;
      else if (p.kind === 'zero') value = p.blank ? null : new Decimal(0);
      else
        findings.push(
          narrativeFinding({
            rule: SUPPLEMENT_NOT_A_NUMBER,
            at: valueRef,
            message: `补充信息 ${valueRef.cell}（${spec.label}，键 ${key}）应填${spec.kind === 'amount' ? '金额（万元）' : '数字'}，现为文字“${p.text}”。请改为数字。`,
          }),
        );
    }
    const reason = cellText(sheet, r, 3) || null;
    entries.set(key, { key, label: spec.label, kind: spec.kind, value, reason, valueRef, reasonRef: { sheet: sheet.name, cell: a1(r, 3) } });
  }
  return { sheet: sheet.name, entries, findings };
}

/** Typed access to the inputs, remembering what the generator asked for but did not get. */
export class Inputs {
  constructor(readonly sup: Supplement | null) {}

  entry(key: string): SupplementEntry | undefined {
    return this.sup?.entries.get(key);
  }

  num(key: string): Decimal | null {
    const v = this.entry(key)?.value;
    return v instanceof Decimal ? v : null;
  }

  /** An amount or count as a figure with its cell; amounts stand for ±0.005 like a table cell, zero and counts are exact. */
  fig(key: string): Fig | null {
    const e = this.entry(key);
    const v = e?.value;
    if (!e || !(v instanceof Decimal)) return null;
    return { value: v, exact: v.isZero() || e.kind === 'count', source: { label: `补充信息 ${e.label}`, cells: [e.valueRef], keys: [key] } };
  }

  text(key: string): string | null {
    const v = this.entry(key)?.value;
    return typeof v === 'string' ? v : null;
  }

  reason(key: string): string | null {
    return this.entry(key)?.reason ?? null;
  }

  /** The number of listed projects as a figure, its provenance the name cells (default of perf.self.count). */
  projectCount(): Fig | null {
    const names = this.projects().map((n) => this.entry(`perf.p${n}.name`)!);
    if (!names.length) return null;
    return { value: new Decimal(names.length), exact: true, source: { label: '补充信息 所列绩效自评项目个数', cells: names.map((e) => e.valueRef), keys: names.map((e) => e.key) } };
  }

  /** Numbers of the projects p1, p2, … that have a name, in order, stopping at the first gap. */
  projects(): number[] {
    const out: number[] = [];
    for (let n = 1; this.text(`perf.p${n}.name`); n++) out.push(n);
    return out;
  }
}

/**
 * Checks the 补充信息 like a table: every input the narrative needs is given, and the 绩效 amounts fit
 * 公开05表's 项目支出. Reading problems (text in amount cells, keys) are included.
 */
export function checkSupplement(wb: Workbook, sup: Supplement | null): NarrativeFinding[] {
  if (!sup) return [];
  const out: NarrativeFinding[] = [...sup.findings];
  const inputs = new Inputs(sup);
  const layout = supplementLayout(wb, 0).filter((r) => r.key);
  const optional = new Set(['meta.dept', 'meta.year', 'budget.total', 'proc.total', 'perf.self.count', 'perf.self.amount', 'asset.vehicles_desc', 'special.text']);
  // 机关运行经费 blank means "none"; its previous year only matters when there is one this year.
  optional.add('org.running');
  if (!inputs.num('org.running') || inputs.num('org.running')!.isZero()) optional.add('org.running_prev');
  for (const row of layout) {
    if (row.key.startsWith('purpose.') || optional.has(row.key)) continue;
    const e = sup.entries.get(row.key);
    if (e && e.value !== null) continue;
    if (e && sup.findings.some((f) => f.cell === e.valueRef.cell && f.sheet === e.valueRef.sheet)) continue;
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_MISSING,
        at: e?.valueRef ?? { sheet: sup.sheet, cell: 'A1' },
        message: e
          ? `补充信息 ${e.valueRef.cell}（${row.label}，键 ${row.key}）未填写，情况说明中这一处将显示为【待补充】，也无法核对。`
          : `补充信息中没有键 ${row.key}（${row.label}）这一行，情况说明需要它。请添加该行并填写。`,
      }),
    );
  }
  for (const n of inputs.projects()) for (const r of projectRows(n)) {
    const e = sup.entries.get(r.key);
    if (r.key.endsWith('.score') || (e && e.value !== null)) continue;
    out.push(narrativeFinding({ rule: SUPPLEMENT_MISSING, at: e?.valueRef ?? { sheet: sup.sheet, cell: 'A1' }, message: `补充信息 ${e ? e.valueRef.cell : ''}（${r.label}，键 ${r.key}）未填写，项目绩效自评综述中这一处将显示为【待补充】。` }));
  }
  out.push(...checkReasons(wb, inputs));
  out.push(...checkSums(wb, inputs));
  out.push(...checkPerf(wb, inputs));
  return out;
}

/** Totals given next to their parts must add up (each figure is rounded to 0.01: allow 0.005 per non-zero term). */
function checkSums(wb: Workbook, inputs: Inputs): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  const h = new Decimal('0.005');
  const sum = (totalKey: string, partKeys: ReadonlyArray<string>, what: string) => {
    const total = inputs.entry(totalKey);
    const parts = partKeys.map((k) => inputs.entry(k));
    if (!(total?.value instanceof Decimal) || !parts.every((e) => e?.value instanceof Decimal)) return;
    const s = parts.reduce((acc, e) => acc.plus(e!.value as Decimal), new Decimal(0));
    const terms = [total, ...parts].filter((e) => !(e!.value as Decimal).isZero()).length;
    const tol = h.times(terms);
    const diff = (total.value as Decimal).minus(s);
    if (diff.abs().lte(tol)) return;
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_SUM,
        at: total.valueRef,
        related: parts.map((e) => e!.valueRef),
        expected: s.toFixed(2),
        actual: (total.value as Decimal).toFixed(2),
        difference: diff.toFixed(2),
        tolerance: tol.toString(),
        message: `补充信息 ${total.label}为 ${amountText(total.value as Decimal)} 万元，${what}之和为 ${amountText(s)} 万元，相差 ${amountText(diff.abs())} 万元。请核对。`,
      }),
    );
  };
  sum('budget.total', new Tables(wb).rows('05', '项').map((r) => `budget.${r.code}`), '各项年初预算');
  sum('proc.total', ['proc.goods', 'proc.works', 'proc.services'], '货物、工程、服务支出');
  const atMost = (partKey: string, wholeKey: string) => {
    const part = inputs.entry(partKey);
    const whole = inputs.entry(wholeKey);
    if (!(part?.value instanceof Decimal) || !(whole?.value instanceof Decimal) || part.value.lte(whole.value)) return;
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_SUM,
        at: part.valueRef,
        related: [whole.valueRef],
        expected: `≤ ${whole.value.toFixed(2)}`,
        actual: part.value.toFixed(2),
        message: `补充信息 ${part.label} ${amountText(part.value)} 万元大于${whole.label} ${amountText(whole.value)} 万元，前者是后者的一部分。请核对。`,
      }),
    );
  };
  atMost('proc.small_micro', 'proc.sme');
  atMost('proc.sme', 'proc.total');
  return out;
}

/** A change from last year is explained by a 主要原因 in column D; the narrative shows a gap without one. */
function checkReasons(wb: Workbook, inputs: Inputs): NarrativeFinding[] {
  const t = new Tables(wb);
  const running = inputs.num('org.running');
  const groups: ReadonlyArray<readonly [ReadonlyArray<string>, ReadonlyArray<Decimal | undefined>]> = [
    [['prev.income_total', 'prev.expense_total'], [t.line01('r30', 1)?.value, t.line01('r60', 2)?.value]],
    [['prev.fiscal_total'], [t.line04('r32', 1)?.value]],
    [['prev.gpb_income'], [t.line04('r1', 1)?.value]],
    [['prev.gf_income'], [t.line04('r2', 1)?.value]],
    [['prev.sc_income'], [t.line04('r3', 1)?.value]],
    [['prev.gpb_expense'], [t.total('05', 1)?.value]],
    [['sangong.prev_total'], [t.sangong(7, '')?.value]],
    [['sangong.prev_abroad'], [t.sangong(8, '')?.value]],
    [['sangong.prev_vehicle'], [t.sangong(9, '')?.value]],
    [['sangong.prev_reception'], [t.sangong(12, '')?.value]],
    [['org.running_prev'], [running && !running.isZero() ? running : undefined]],
  ];
  const out: NarrativeFinding[] = [];
  for (const [keys, current] of groups) {
    const changed = keys.some((k, i) => {
      const prev = inputs.num(k);
      return prev && current[i] && !prev.eq(current[i]!);
    });
    if (!changed || keys.some((k) => inputs.reason(k))) continue;
    const e = inputs.entry(keys[0])!;
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_MISSING,
        at: e.reasonRef,
        message: `补充信息 ${e.reasonRef.cell}（${e.label}与本年数不同，D 列应写明主要原因，键 ${keys[0]}）未填写，情况说明中这一处将显示为【待补充：主要原因】。`,
      }),
    );
  }
  return out;
}

function checkPerf(wb: Workbook, inputs: Inputs): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  const t = new Tables(wb);
  const project = t.total('05', 3);
  const projects = inputs.projects();
  const count = inputs.entry('perf.self.count');
  if (count?.value instanceof Decimal && projects.length && !count.value.eq(projects.length)) {
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_PERF,
        severity: 'warning',
        at: count.valueRef,
        expected: String(projects.length),
        actual: count.value.toString(),
        message: `补充信息 绩效自评项目数为 ${count.value} 个，但列出了 ${projects.length} 个项目（perf.p1…）。请核对。`,
      }),
    );
  }
  if (!project) return out;
  const h = new Decimal('0.005');
  const actuals = projects.map((n) => inputs.entry(`perf.p${n}.actual`)).filter((e): e is SupplementEntry => e?.value instanceof Decimal);
  const sum = actuals.reduce((s, e) => s.plus(e.value as Decimal), new Decimal(0));
  // A part never exceeds its whole; each side is a rounded figure, so allow h per non-zero term.
  const tol = h.times(actuals.length + 1);
  if (actuals.length && sum.minus(project.value).gt(tol)) {
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_PERF,
        at: actuals[0].valueRef,
        related: [...actuals.slice(1).map((e) => e.valueRef), ...project.source.cells],
        expected: `≤ ${project.value.toFixed(2)}`,
        actual: sum.toFixed(2),
        difference: sum.minus(project.value).toFixed(2),
        tolerance: tol.toString(),
        message: `补充信息 各绩效自评项目执行数之和 ${amountText(sum)} 万元，超过公开05表项目支出合计 ${amountText(project.value)} 万元。参与自评的是一般公共预算项目支出，请核对。`,
      }),
    );
  }
  const self = inputs.entry('perf.self.amount');
  if (self?.value instanceof Decimal && self.value.minus(project.value).gt(h.times(2))) {
    out.push(
      narrativeFinding({
        rule: SUPPLEMENT_PERF,
        at: self.valueRef,
        related: project.source.cells,
        expected: `≤ ${project.value.toFixed(2)}`,
        actual: self.value.toFixed(2),
        message: `补充信息 自评资金 ${amountText(self.value)} 万元，超过公开05表项目支出合计 ${amountText(project.value)} 万元。请核对。`,
      }),
    );
  }
  return out;
}
