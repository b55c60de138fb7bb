/**
 * Generator of consistent departments and of the workbooks that publish them.
 *
 * `arbitraryDepartment()` draws the exact facts of one unit's year (项-level expenditure by kind and by fiscal
 * source, income by source, carry-overs, 经济分类 of the 基本支出, “三公” budget and spending), in 分. Every
 * total is computed from those facts, exactly as the reporting software does; `buildGrid(dept, layout)` then
 * shows each cell rounded on its own to the layout's unit, so the nine tables are consistent up to rounding
 * (rules.md §1) and the checker must find no error in them. Reused by the engine property tests, the fill
 * round trip and the benchmark.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { CellRange, CellValue, Grid, GridCell, GridSheet } from '../../src/engine/grid';
import { TABLE_TITLES, TableId } from '../../src/engine/model';
import { formatAmount } from '../../src/engine/money';
import { TEMPLATE_FAMILIES, TemplateFamily } from '../../src/engine/layouts';
import { ECON_TEMPLATE, functionName } from '../../src/engine/names';
import { EXPENSE_CLASSES } from '../../src/engine/recognize/lines';

/** Amounts are integers of 分 (bigint: an amount never lives in a JavaScript number). */
export type Fen = bigint;

/** Which 财政拨款 pays a 项's fiscal share: 05 (一般公共预算), 07 (政府性基金) or 08 (国有资本经营). */
export type FiscalKind = 'gpb' | 'fund' | 'soe';

export interface Split {
  /** 一般公共预算 / 政府性基金 / 国有资本经营财政拨款 part (only the 项's kind is non-zero) and the rest. */
  readonly fiscal: Fen;
  readonly other: Fen;
}

export interface ExpenseItem {
  /** 7-digit 功能分类 项 code. */
  readonly code: string;
  readonly kind: FiscalKind;
  readonly basic: Split;
  readonly project: Split;
  readonly shangjiao: Fen;
  readonly jingying: Fen;
  readonly fushu: Fen;
  /** 政府性基金 only: 年初 and 年末结转和结余 of the 项 (07 栏次 1 and 6). */
  readonly opening: Fen;
  readonly closing: Fen;
}

export interface IncomeItem {
  readonly code: string;
  /** 02 栏次 2…7: 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入. */
  readonly fiscal: Fen;
  readonly shangji: Fen;
  readonly shiye: Fen;
  readonly jingying: Fen;
  readonly fushu: Fen;
  readonly other: Fen;
}

export interface KindFlows {
  readonly income: Fen;
  readonly opening: Fen;
  readonly closing: Fen;
}

export interface SanGong {
  readonly abroad: Fen;
  readonly carBuy: Fen;
  readonly carRun: Fen;
  readonly reception: Fen;
}

export interface Department {
  readonly name: string;
  readonly year: number;
  /** 项 rows with any expenditure, in code order. */
  readonly expense: ReadonlyArray<ExpenseItem>;
  /** 项 rows with any income, in code order. */
  readonly income: ReadonlyArray<IncomeItem>;
  /** 财政拨款 by kind: 本年收入 and 年初/年末结转和结余 (04 栏次 1 rows 1–3, 29–31; 60 by column). */
  readonly fiscal: Readonly<Record<FiscalKind, KindFlows>>;
  /** 01: 使用非财政拨款结余, 结余分配, 年初/年末结转和结余 of the non-fiscal money. */
  readonly nonFiscal: { readonly useReserve: Fen; readonly distribution: Fen; readonly opening: Fen; readonly closing: Fen };
  /** 06 款 amounts (5-digit 经济分类 codes); together they make the 一般公共预算 基本支出. */
  readonly econ: ReadonlyMap<string, Fen>;
  readonly sanGongBudget: SanGong;
  readonly sanGongActual: SanGong;
}

/** How a workbook shows the nine tables. */
export interface Layout {
  readonly name: string;
  /** One sheet per table, or all nine stacked on one sheet separated by blank rows. */
  readonly sheets: 'per-table' | 'one-sheet';
  /** Sheet names `公开01表` or the table titles (per-table only). */
  readonly sheetNames: 'number' | 'title';
  readonly unit: '万元' | '元';
  /** 科目编码 in one column (`2010350`) or in 类/款/项 columns (`201` `03` `50`), as text or as numbers (201 3 50). */
  readonly codes: 'single' | 'split' | 'split-number';
  /** Amounts as numbers, or (every other one) as text with thousands separators (`"1,010.72"`). */
  readonly amounts: 'number' | 'text';
  /** How a zero is shown. */
  readonly zero: 'blank' | 'dash' | 'zero';
  /** Top-left cell of each table (0-based). */
  readonly origin: { readonly row: number; readonly col: number };
  /** The template family whose structure the tables follow (src/engine/layouts.ts); 公开0X表 (湖北) when absent. */
  readonly family?: TemplateFamily;
}

export const LAYOUTS: Readonly<Record<'wanyuan' | 'stacked' | 'yuanSplit' | 'text' | 'dash', Layout>> = {
  wanyuan: { name: '每表一页·万元', sheets: 'per-table', sheetNames: 'number', unit: '万元', codes: 'single', amounts: 'number', zero: 'blank', origin: { row: 0, col: 0 } },
  stacked: { name: '九表同页', sheets: 'one-sheet', sheetNames: 'number', unit: '万元', codes: 'single', amounts: 'number', zero: 'zero', origin: { row: 0, col: 0 } },
  yuanSplit: { name: '元·类款项分列', sheets: 'per-table', sheetNames: 'title', unit: '元', codes: 'split', amounts: 'number', zero: 'blank', origin: { row: 2, col: 1 } },
  text: { name: '文本数字·千分位', sheets: 'per-table', sheetNames: 'number', unit: '万元', codes: 'single', amounts: 'text', zero: 'blank', origin: { row: 0, col: 0 } },
  dash: { name: '零值为“-”', sheets: 'one-sheet', sheetNames: 'number', unit: '万元', codes: 'single', amounts: 'number', zero: 'dash', origin: { row: 1, col: 1 } },
};

/** One of the named layouts, or any combination of their traits (one sheet in 元 with split codes and "-", …). */
export function arbitraryLayout(): fc.Arbitrary<Layout> {
  const mixed: fc.Arbitrary<Layout> = fc.record({
    name: fc.constant('混合'),
    sheets: fc.constantFrom('per-table' as const, 'one-sheet' as const),
    sheetNames: fc.constantFrom('number' as const, 'title' as const),
    unit: fc.constantFrom('万元' as const, '元' as const),
    codes: fc.constantFrom('single' as const, 'split' as const),
    amounts: fc.constantFrom('number' as const, 'text' as const),
    zero: fc.constantFrom('blank' as const, 'dash' as const, 'zero' as const),
    origin: fc.record({ row: fc.nat(3), col: fc.nat(2) }),
  });
  return fc.oneof(fc.constantFrom(...Object.values(LAYOUTS)), mixed);
}

/** The layout of a template family: its codes and zeros, one sheet per table named as the family numbers them. */
export function familyLayout(family: TemplateFamily, unit: Layout['unit'] = '万元'): Layout {
  const codes = family.codes === 'joined' ? 'single' : family.codes === 'split-text' ? 'split' : 'split-number';
  const zero = family.zeros === 'blank' ? 'blank' : family.zeros === '-' ? 'dash' : 'zero';
  return { name: family.name, sheets: 'per-table', sheetNames: 'number', unit, codes, amounts: 'number', zero, origin: { row: 0, col: 0 }, family };
}

/** Every template family, in either unit, per table or stacked on one sheet. */
export function arbitraryFamilyLayout(): fc.Arbitrary<Layout> {
  return fc
    .record({ family: fc.constantFrom(...TEMPLATE_FAMILIES), unit: fc.constantFrom('万元' as const, '元' as const), sheets: fc.constantFrom('per-table' as const, 'one-sheet' as const) })
    .map(({ family, unit, sheets }) => ({ ...familyLayout(family, unit), sheets }));
}

// ---------------------------------------------------------------------------------------------------------
// Departments

/** 项 codes a unit may use, with the 财政拨款 that pays them. */
const XIANG: ReadonlyArray<readonly [string, FiscalKind]> = [
  ['2010301', 'gpb'],
  ['2010302', 'gpb'],
  ['2010350', 'gpb'],
  ['2010399', 'gpb'],
  ['2050201', 'gpb'],
  ['2050202', 'gpb'],
  ['2080501', 'gpb'],
  ['2080502', 'gpb'],
  ['2080505', 'gpb'],
  ['2080506', 'gpb'],
  ['2089999', 'gpb'],
  ['2100799', 'gpb'],
  ['2101101', 'gpb'],
  ['2101102', 'gpb'],
  ['2101103', 'gpb'],
  ['2101199', 'gpb'],
  ['2120101', 'gpb'],
  ['2120104', 'gpb'],
  ['2120801', 'fund'],
  ['2130101', 'gpb'],
  ['2210201', 'gpb'],
  ['2210202', 'gpb'],
  ['2210203', 'gpb'],
  ['2230199', 'soe'],
  ['2296002', 'fund'],
];

const ECON_KUAN: ReadonlyArray<string> = ECON_TEMPLATE.flatMap((t) => t.items.map(([c]) => c)).filter((c) => c.length === 5);

const UNIT_NAMES = ['武汉市洪山区城市运行管理中心', '某市某区教育局', '某县卫生健康委员会', '某市住房公积金中心', '某区城市管理执法局'];

/**
 * An amount: often zero, otherwise from 100 元 (shown as at least 0.01 万元) to a few 千万元; in whole 100 元
 * (`grain` 10000 分) when the department must show without any rounding in 万元.
 */
function fenOf(grain: Fen, zeroWeight = 3): fc.Arbitrary<Fen> {
  return fc
    .oneof(
      { weight: zeroWeight, arbitrary: fc.constant(0n) },
      { weight: 3, arbitrary: fc.bigInt(10_000n, 10_000_000n) },
      { weight: 2, arbitrary: fc.bigInt(10_000_000n, 3_000_000_000n) },
    )
    .map((x) => (x / grain) * grain);
}

const maxOf = (a: Fen, b: Fen): Fen => (a > b ? a : b);
/** 100 元: the smallest non-zero amount that still shows as non-zero (0.01 万元). */
const MIN_SHOWN = 10_000n;
/** A derived amount in (0, 100 元) is lifted by 100 元 (through the caller's free carry-over), so it shows. */
const lift = (x: Fen): Fen => (x > 0n && x < MIN_SHOWN ? MIN_SHOWN : 0n);
const sum = (xs: ReadonlyArray<Fen>): Fen => xs.reduce((s, x) => s + x, 0n);

/** Splits `total` (a multiple of `grain`) into parts proportional to `weights`, each a multiple of `grain`. */
function partition(total: Fen, weights: ReadonlyArray<bigint>, grain: Fen): Fen[] {
  const w = sum(weights);
  if (w === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const steps = total / grain;
  const parts = weights.map((x) => ((steps * x) / w) * grain);
  parts[parts.findIndex((_, i) => weights[i] > 0n)] += total - sum(parts);
  // A part under 100 元 would show as 0.00 万元 and count as an exact zero: fold it into the largest part.
  const largest = parts.indexOf(parts.reduce(maxOf, 0n));
  parts.forEach((p, i) => {
    if (p > 0n && p < MIN_SHOWN && i !== largest) {
      parts[largest] += p;
      parts[i] = 0n;
    }
  });
  return parts;
}

interface Draws {
  grain: Fen;
  name: string;
  year: number;
  xiang: Array<{ present: boolean; basicFiscal: Fen; basicOther: Fen; projFiscal: Fen; projOther: Fen; shangjiao: Fen; jingying: Fen; fushu: Fen; opening: Fen; closing: Fen }>;
  incomeWeights: Array<{ present: boolean; fiscal: bigint; shangji: Fen; shiye: Fen; jingying: Fen; fushu: Fen; other: Fen }>;
  carry: Record<FiscalKind, { opening: Fen; closing: Fen }>;
  nonFiscal: { useReserve: Fen; distribution: Fen; opening: Fen };
  econWeights: bigint[];
  sanGongExtra: SanGong;
  sanGongBudgetExtra: SanGong;
}

function sanGongArb(grain: Fen): fc.Arbitrary<SanGong> {
  return fc.record({ abroad: fenOf(grain, 6), carBuy: fenOf(grain, 8), carRun: fenOf(grain, 3), reception: fenOf(grain, 4) });
}

export interface DepartmentOptions {
  /**
   * Every amount a whole 100 元, so that the tables show without rounding in 万元 too (no 尾差 anywhere): a
   * total computed from shown parts is then exactly the published total.
   */
  readonly wholeSteps?: boolean;
}

/** A consistent department: every table derived from random 项-level amounts in 分. */
export function arbitraryDepartment(options: DepartmentOptions = {}): fc.Arbitrary<Department> {
  const grain: Fen = options.wholeSteps ? 10_000n : 1n;
  const fen = (zeroWeight?: number) => fenOf(grain, zeroWeight);
  const xiang = fc.record({
    present: fc.boolean(),
    basicFiscal: fen(2),
    basicOther: fen(5),
    projFiscal: fen(3),
    projOther: fen(6),
    shangjiao: fen(12),
    jingying: fen(12),
    fushu: fen(12),
    opening: fen(2),
    closing: fen(2),
  });
  const income = fc.record({
    present: fc.boolean(),
    fiscal: fc.bigInt(0n, 100n),
    shangji: fen(10),
    shiye: fen(8),
    jingying: fen(12),
    fushu: fen(12),
    other: fen(8),
  });
  const carry = fc.record({ opening: fen(2), closing: fen(2) });
  const draws: fc.Arbitrary<Draws> = fc.record({
    name: fc.constantFrom(...UNIT_NAMES),
    year: fc.integer({ min: 2021, max: 2025 }),
    xiang: fc.array(xiang, { minLength: XIANG.length, maxLength: XIANG.length }),
    incomeWeights: fc.array(income, { minLength: XIANG.length, maxLength: XIANG.length }),
    carry: fc.record({ gpb: carry, fund: carry, soe: carry }),
    nonFiscal: fc.record({ useReserve: fen(8), distribution: fen(8), opening: fen(2) }),
    econWeights: fc.array(fc.oneof(fc.constant(0n), fc.constant(0n), fc.bigInt(1n, 1000n)), { minLength: ECON_KUAN.length, maxLength: ECON_KUAN.length }),
    sanGongExtra: sanGongArb(grain),
    sanGongBudgetExtra: sanGongArb(grain),
    grain: fc.constant(grain),
  });
  return draws.map(makeDepartment);
}

function makeDepartment(d: Draws): Department {
  // 项 rows. Funds and state capital are rare: their 项 only enter when drawn present twice over.
  const expense: ExpenseItem[] = [];
  XIANG.forEach(([code, kind], i) => {
    const x = d.xiang[i];
    if (!x.present || (kind !== 'gpb' && !d.xiang[(i + 7) % XIANG.length].present)) return;
    const item = {
      code,
      kind,
      basic: { fiscal: x.basicFiscal, other: x.basicOther },
      project: { fiscal: x.projFiscal, other: x.projOther },
      shangjiao: x.shangjiao,
      jingying: x.jingying,
      fushu: x.fushu,
      opening: 0n,
      closing: 0n,
    };
    const spent = item.basic.fiscal + item.project.fiscal;
    if (kind === 'fund' && spent > 0n) {
      // 年末 = 年初 + 本年收入 − 本年支出 with a non-negative income; only 项 printed in 07 carry money over.
      let closing = x.opening > spent + x.closing ? x.opening - spent : x.closing;
      closing += lift(closing);
      closing += lift(closing + spent - x.opening);
      Object.assign(item, { opening: x.opening, closing });
    }
    if (expenseTotal(item) > 0n) expense.push(item);
  });

  // 财政拨款 by kind: 本年收入 = 本年支出 + 年末 − 年初, never negative.
  const spentBy = (k: FiscalKind) => sum(expense.filter((e) => e.kind === k).map((e) => e.basic.fiscal + e.project.fiscal));
  const flows = (k: FiscalKind): KindFlows => {
    if (k === 'fund') {
      const rows = expense.filter((e) => e.kind === 'fund');
      const opening = sum(rows.map((e) => e.opening));
      const closing = sum(rows.map((e) => e.closing));
      return { income: spentBy(k) + closing - opening, opening, closing };
    }
    const used = k === 'gpb' || spentBy(k) > 0n;
    const opening = used ? d.carry[k].opening : 0n;
    let closing = used ? maxOf(d.carry[k].closing, opening - spentBy(k)) : 0n;
    closing += lift(closing);
    closing += lift(spentBy(k) + closing - opening);
    return { income: spentBy(k) + closing - opening, opening, closing };
  };
  const fiscal = { gpb: flows('gpb'), fund: flows('fund'), soe: flows('soe') };
  const fiscalIncome = fiscal.gpb.income + fiscal.fund.income + fiscal.soe.income;

  // Income rows: the 财政拨款收入 is spread over the income 项 by weight; other sources are drawn.
  const incomeCodes = XIANG.map(([c]) => c).filter((_, i) => d.incomeWeights[i].present || expense.some((e) => e.code === XIANG[i][0]));
  if (!incomeCodes.length) incomeCodes.push(XIANG[0][0]);
  const weights = incomeCodes.map((c) => d.incomeWeights[XIANG.findIndex(([x]) => x === c)].fiscal);
  const fiscalParts = partition(fiscalIncome, weights, d.grain);
  const income: IncomeItem[] = incomeCodes
    .map((code, i) => {
      const w = d.incomeWeights[XIANG.findIndex(([x]) => x === code)];
      return { code, fiscal: fiscalParts[i], shangji: w.shangji, shiye: w.shiye, jingying: w.jingying, fushu: w.fushu, other: w.other };
    })
    .filter((r) => r.fiscal + r.shangji + r.shiye + r.jingying + r.fushu + r.other > 0n);

  // Non-fiscal carry-overs close the balance 本年收入 + 使用结余 + 年初 = 本年支出 + 结余分配 + 年末.
  const nonFiscalIncome = sum(income.map((r) => r.shangji + r.shiye + r.jingying + r.fushu + r.other));
  const nonFiscalSpent = sum(expense.map((e) => expenseTotal(e))) - spentBy('gpb') - spentBy('fund') - spentBy('soe');
  const { useReserve, distribution } = d.nonFiscal;
  let opening = maxOf(d.nonFiscal.opening, nonFiscalSpent + distribution - nonFiscalIncome - useReserve);
  opening += lift(opening);
  opening += lift(nonFiscalIncome + useReserve + opening - nonFiscalSpent - distribution);
  const closing = nonFiscalIncome + useReserve + opening - nonFiscalSpent - distribution;

  // 06: the 一般公共预算 基本支出 spread over 经济分类 款.
  const basicGpb = sum(expense.filter((e) => e.kind === 'gpb').map((e) => e.basic.fiscal));
  const econParts = partition(basicGpb, d.econWeights, d.grain);
  const econ = new Map<string, Fen>();
  ECON_KUAN.forEach((c, i) => {
    if (econParts[i] > 0n) econ.set(c, econParts[i]);
  });

  // 09: 决算数 covers at least the 基本支出 items of 06; 预算数 at least the 决算数 (the usual case).
  const e06 = (c: string) => econ.get(c) ?? 0n;
  const x = d.sanGongExtra;
  const sanGongActual: SanGong = { abroad: e06('30212') + x.abroad, carBuy: e06('31013') + x.carBuy, carRun: e06('30231') + x.carRun, reception: e06('30217') + x.reception };
  const b = d.sanGongBudgetExtra;
  const sanGongBudget: SanGong = { abroad: sanGongActual.abroad + b.abroad, carBuy: sanGongActual.carBuy + b.carBuy, carRun: sanGongActual.carRun + b.carRun, reception: sanGongActual.reception + b.reception };

  return { name: d.name, year: d.year, expense, income, fiscal, nonFiscal: { useReserve, distribution, opening, closing }, econ, sanGongBudget, sanGongActual };
}

function expenseTotal(e: Pick<ExpenseItem, 'basic' | 'project' | 'shangjiao' | 'jingying' | 'fushu'>): Fen {
  return e.basic.fiscal + e.basic.other + e.project.fiscal + e.project.other + e.shangjiao + e.jingying + e.fushu;
}

// ---------------------------------------------------------------------------------------------------------
// Exact figures of the nine tables, in 分

/** One row of a coded table: code (null for 合计) and exact amounts by 栏次. */
interface CodedFigures {
  readonly code: string | null;
  readonly values: ReadonlyMap<number, Fen>;
}

type RowValues = Map<number, Fen>;

/** Adds 类 and 款 rows (sums of their 项) and the 合计 row in front, for rows of 项 values. */
function withHierarchy(items: ReadonlyArray<{ code: string; values: RowValues }>): CodedFigures[] {
  const add = (into: RowValues, from: RowValues) => {
    for (const [n, v] of from) into.set(n, (into.get(n) ?? 0n) + v);
  };
  const total: RowValues = new Map();
  const groups = new Map<string, RowValues>();
  for (const it of items) {
    add(total, it.values);
    for (const prefix of [it.code.slice(0, 3), it.code.slice(0, 5)]) {
      if (!groups.has(prefix)) groups.set(prefix, new Map());
      add(groups.get(prefix)!, it.values);
    }
  }
  const rows: CodedFigures[] = [...groups.entries()].map(([code, values]) => ({ code, values }));
  rows.push(...items.map((it) => ({ code: it.code, values: it.values })));
  rows.sort((a, b) => a.code!.localeCompare(b.code!));
  return [{ code: null, values: total }, ...rows];
}

export interface Figures {
  readonly t02: CodedFigures[];
  readonly t03: CodedFigures[];
  readonly t05: CodedFigures[];
  readonly t07: CodedFigures[];
  readonly t08: CodedFigures[];
  /** 01: income side 栏次 1 and expense side 栏次 2, by line key (`r1`, `c201`, …). */
  readonly t01: ReadonlyMap<string, Fen>;
  /** 04: `${key}.${栏次}`. */
  readonly t04: ReadonlyMap<string, Fen>;
  readonly t06: ReadonlyMap<string, Fen>;
  readonly t09: ReadonlyMap<number, Fen>;
}

/** Every figure of the nine tables, exact, as the reporting software computes it before rounding. */
export function figures(dept: Department): Figures {
  const cols = (...vs: Fen[]) => new Map(vs.map((v, i) => [i + 1, v] as [number, Fen]));
  const t03 = withHierarchy(
    dept.expense.map((e) => {
      const basic = e.basic.fiscal + e.basic.other;
      const project = e.project.fiscal + e.project.other;
      return { code: e.code, values: cols(basic + project + e.shangjiao + e.jingying + e.fushu, basic, project, e.shangjiao, e.jingying, e.fushu) };
    }),
  );
  const ofKind = (k: FiscalKind) => dept.expense.filter((e) => e.kind === k && e.basic.fiscal + e.project.fiscal > 0n);
  const t05 = withHierarchy(ofKind('gpb').map((e) => ({ code: e.code, values: cols(e.basic.fiscal + e.project.fiscal, e.basic.fiscal, e.project.fiscal) })));
  const t08 = withHierarchy(ofKind('soe').map((e) => ({ code: e.code, values: cols(e.basic.fiscal + e.project.fiscal, e.basic.fiscal, e.project.fiscal) })));
  const t07 = withHierarchy(
    ofKind('fund').map((e) => {
      const spent = e.basic.fiscal + e.project.fiscal;
      return { code: e.code, values: cols(e.opening, e.closing + spent - e.opening, spent, e.basic.fiscal, e.project.fiscal, e.closing) };
    }),
  );
  const t02 = withHierarchy(dept.income.map((r) => ({ code: r.code, values: cols(r.fiscal + r.shangji + r.shiye + r.jingying + r.fushu + r.other, r.fiscal, r.shangji, r.shiye, r.jingying, r.fushu, r.other) })));

  const total = (rows: CodedFigures[], n: number) => rows[0].values.get(n) ?? 0n;
  const classOf = (rows: CodedFigures[], code: string, n: number) => rows.find((r) => r.code === code)?.values.get(n) ?? 0n;
  const { gpb, fund, soe } = dept.fiscal;
  const nf = dept.nonFiscal;

  const t01 = new Map<string, Fen>();
  t01.set('r1', gpb.income).set('r2', fund.income).set('r3', soe.income);
  for (let n = 3; n <= 7; n++) t01.set(`r${n + 1}`, total(t02, n));
  t01.set('r27', total(t02, 1));
  t01.set('r28', nf.useReserve);
  t01.set('r29', gpb.opening + fund.opening + soe.opening + nf.opening);
  t01.set('r30', total(t02, 1) + nf.useReserve + gpb.opening + fund.opening + soe.opening + nf.opening);
  for (const [code] of EXPENSE_CLASSES) t01.set(`c${code}`, classOf(t03, code, 1));
  t01.set('r57', total(t03, 1));
  t01.set('r58', nf.distribution);
  t01.set('r59', gpb.closing + fund.closing + soe.closing + nf.closing);
  t01.set('r60', total(t03, 1) + nf.distribution + gpb.closing + fund.closing + soe.closing + nf.closing);

  const t04 = new Map<string, Fen>();
  const kinds: Array<[KindFlows, CodedFigures[], number]> = [
    [gpb, t05, 1],
    [fund, t07, 3],
    [soe, t08, 1],
  ];
  kinds.forEach(([k], i) => {
    t04.set(`r${i + 1}.1`, k.income);
    t04.set(`r${29 + i}.1`, k.opening);
  });
  const income = gpb.income + fund.income + soe.income;
  const openingAll = gpb.opening + fund.opening + soe.opening;
  t04.set('r27.1', income).set('r28.1', openingAll).set('r32.1', income + openingAll);
  const byColumn = (n: number, f: (k: number) => Fen) => (n === 2 ? f(0) + f(1) + f(2) : f(n - 3));
  for (let n = 2; n <= 5; n++) {
    for (const [code] of EXPENSE_CLASSES) t04.set(`c${code}.${n}`, byColumn(n, (k) => classOf(kinds[k][1], code, kinds[k][2])));
    t04.set(`r59.${n}`, byColumn(n, (k) => total(kinds[k][1], kinds[k][2])));
    t04.set(`r60.${n}`, byColumn(n, (k) => kinds[k][0].closing));
    t04.set(`r64.${n}`, byColumn(n, (k) => total(kinds[k][1], kinds[k][2]) + kinds[k][0].closing));
  }

  const t06 = new Map<string, Fen>(dept.econ);
  for (const { items } of ECON_TEMPLATE) {
    for (const [code] of items) if (code.length === 3) t06.set(code, sum([...dept.econ].filter(([c]) => c.startsWith(code)).map(([, v]) => v)));
  }
  t06.set('人员经费合计', (t06.get('301') ?? 0n) + (t06.get('303') ?? 0n));
  t06.set('公用经费合计', ['302', '307', '310', '399'].reduce((s, c) => s + (t06.get(c) ?? 0n), 0n));

  const t09 = new Map<number, Fen>();
  for (const [base, s] of [
    [0, dept.sanGongBudget],
    [6, dept.sanGongActual],
  ] as const) {
    t09.set(base + 1, s.abroad + s.carBuy + s.carRun + s.reception);
    t09.set(base + 2, s.abroad);
    t09.set(base + 3, s.carBuy + s.carRun);
    t09.set(base + 4, s.carBuy);
    t09.set(base + 5, s.carRun);
    t09.set(base + 6, s.reception);
  }
  return { t01, t02, t03, t04, t05, t06, t07, t08, t09 };
}

// ---------------------------------------------------------------------------------------------------------
// Showing: each cell rounded on its own

/** The shown figure of an exact amount: 万元 to 0.01 (half up, as the reporting software rounds), 元 to 分, or with fewer decimals. */
export function shownValue(v: Fen, unit: Layout['unit'], decimals: 0 | 1 | 2 = 2): Decimal {
  // The grain in 分: 0.01 万元 is 10,000 分; one decimal less is ten times as much.
  const grain = (unit === '元' ? 1n : 10_000n) * 10n ** BigInt(2 - decimals);
  if (grain === 1n) return new Decimal(v.toString()).dividedBy(100);
  const q = (v * 2n + (v >= 0n ? grain : -grain)) / (2n * grain); // round half away from zero to the grain
  return new Decimal((q * grain).toString()).dividedBy(unit === '元' ? 100 : 1_000_000);
}

// ---------------------------------------------------------------------------------------------------------
// Grid

/** A sheet under construction: cells and merges at absolute positions. */
class SheetBuilder {
  readonly rows: Array<Array<GridCell | undefined>> = [];
  readonly merges: CellRange[] = [];
  constructor(readonly name: string) {}
  set(r: number, c: number, value: CellValue | undefined): void {
    if (value === undefined || value === null || value === '') return;
    while (this.rows.length <= r) this.rows.push([]);
    this.rows[r][c] = { value };
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    if (r0 !== r1 || c0 !== c1) this.merges.push({ r0, c0, r1, c1 });
  }
  toSheet(): GridSheet {
    return { name: this.name, rows: this.rows, merges: this.merges };
  }
}

/** Writes one table at (r0, c0): the caller fills rows relative to the table's top-left corner. */
class TableWriter {
  private maxRow = 0;
  private amountIndex = 0;
  constructor(
    private readonly sheet: SheetBuilder,
    readonly r0: number,
    readonly c0: number,
    private readonly layout: Layout,
    /** 1-based place of the table in the report (the 三公 table is 7th in 上海, 10th in 四川). */
    readonly position: number,
  ) {}
  text(r: number, c: number, v: string | number | undefined): void {
    this.sheet.set(this.r0 + r, this.c0 + c, v);
    this.maxRow = Math.max(this.maxRow, r);
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    this.sheet.merge(this.r0 + r0, this.c0 + c0, this.r0 + r1, this.c0 + c1);
  }
  /** An amount cell; `undefined` is a cell the template leaves empty whatever the layout (no amount there). */
  amount(r: number, c: number, v: Fen | undefined, decimals: 0 | 1 | 2 = 2): void {
    this.maxRow = Math.max(this.maxRow, r);
    if (v === undefined) return;
    const shown = shownValue(v, this.layout.unit, decimals);
    let value: CellValue | undefined;
    if (shown.isZero()) value = this.layout.zero === 'blank' ? undefined : this.layout.zero === 'dash' ? '-' : 0;
    else if (this.layout.amounts === 'text' && this.amountIndex++ % 2 === 0) value = formatAmount(shown, decimals);
    else value = shown.toNumber();
    this.sheet.set(this.r0 + r, this.c0 + c, value);
  }
  /** Rows used so far (relative). */
  get height(): number {
    return this.maxRow + 1;
  }
}

/** The table number a family prints (公开03表, 表3) or null; titles numbered 三、 carry it in the title. */
function tableNumber(layout: Layout, id: TableId, position: number): string | null {
  const numbering = layout.family?.numbering ?? '公开0X表';
  return numbering === '公开0X表' ? `公开${id}表` : numbering === '表X' ? `表${position}` : null;
}

/** Title, 表号 and the 部门/年度/单位 line; returns the first header row. */
function frame(w: TableWriter, id: TableId, width: number, dept: Department, layout: Layout): number {
  const title = layout.family?.titles[id] ?? TABLE_TITLES[id];
  w.text(0, 0, layout.family?.numbering === 'X、' ? `${chineseNumber(w.position)}、${title}` : title);
  w.merge(0, 0, 0, width - 1);
  const no = tableNumber(layout, id, w.position);
  if (no) w.text(1, width - 1, no);
  w.text(2, 0, `部门：${dept.name}`);
  w.text(2, width - 2, `${dept.year}年度`);
  w.text(2, width - 1, `金额单位：${layout.unit}`);
  return 3;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

const INCOME_01 = ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'];

/** 公开01表 or 公开04表 (their layouts differ only in lines and columns). */
function writeLines(w: TableWriter, id: '01' | '04', f: Figures, dept: Department, layout: Layout): void {
  const is01 = id === '01';
  const width = is01 ? 6 : 9;
  let r = frame(w, id, width, dept, layout);
  w.text(r, 0, is01 ? '收入' : '收 入');
  w.merge(r, 0, r, 2);
  w.text(r, 3, is01 ? '支出' : '支 出');
  w.merge(r, 3, r, width - 1);
  r++;
  ['项目', '行次', '金额', '项目', '行次'].forEach((t, i) => w.text(r, i, t));
  if (is01) w.text(r, 5, '金额');
  else ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'].forEach((t, i) => w.text(r, 5 + i, t));
  r++;
  w.text(r, 0, '栏次');
  w.text(r, 2, 1);
  w.text(r, 3, '栏次');
  for (let n = 2; n <= (is01 ? 2 : 5); n++) w.text(r, 3 + n, n);
  r++;
  const incomeRows = is01 ? 30 : 32;
  const v01 = (k: string) => f.t01.get(k) ?? 0n;
  const v04 = (k: string, n: number) => f.t04.get(`${k}.${n}`) ?? 0n;
  for (let i = 0; i < incomeRows; i++) {
    const no = i + 1;
    let label: string | undefined;
    if (is01) {
      if (no <= 8) label = `${chineseNumber(no)}、${INCOME_01[no - 1]}`;
      else if (no >= 27) label = ['本年收入合计', '使用非财政拨款结余（含专用结余）', '年初结转和结余', '总计'][no - 27];
    } else if (no <= 3) label = `${chineseNumber(no)}、${['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'][no - 1]}`;
    else if (no >= 27) label = ['本年收入合计', '年初财政拨款结转和结余', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款', '总计'][no - 27];
    w.text(r + i, 0, label);
    w.text(r + i, 1, no);
    if (label) w.amount(r + i, 2, is01 ? v01(`r${no}`) : v04(`r${no}`, 1));
    const eNo = no + incomeRows;
    const cls = EXPENSE_CLASSES[i];
    let eLabel: string | undefined;
    let key: string;
    if (cls) {
      eLabel = `${chineseNumber(i + 1)}、${cls[1]}`;
      key = `c${cls[0]}`;
    } else {
      const j = i - EXPENSE_CLASSES.length;
      eLabel = is01 ? ['本年支出合计', '结余分配', '年末结转和结余', '总计'][j] : ['本年支出合计', '年末财政拨款结转和结余', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款', '总计'][j];
      key = `r${eNo}`;
    }
    w.text(r + i, 3, eLabel);
    w.text(r + i, 4, eNo);
    // 04 rows 61–63 break 年末 down by kind; the reporting software leaves them empty.
    const printed = is01 || !(eNo >= 61 && eNo <= 63);
    if (is01) w.amount(r + i, 5, v01(key));
    else for (let n = 2; n <= 5; n++) w.amount(r + i, 3 + n, printed ? v04(key, n) : undefined);
  }
  r += incomeRows;
  w.text(r, 0, is01 ? '注：1.本表反映部门本年度的总收支和年末结转结余情况。' : '注：本表反映部门本年度财政拨款收入支出情况。');
  if (is01) w.text(r + 1, 0, '2.本套报表金额单位转换时可能存在尾数误差。');
}

interface CodedSpec {
  readonly id: '02' | '03' | '05' | '07' | '08';
  /** Header row 1 (spanning) and row 2 (under it) per amount column; '' where the group header spans. */
  readonly top: ReadonlyArray<string>;
  readonly sub: ReadonlyArray<string>;
  readonly codeHeader: string;
  readonly note: string;
  readonly emptyNote?: string;
}

const CODED: Record<'02' | '03' | '05' | '07' | '08', CodedSpec> = {
  '02': {
    id: '02',
    top: ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
    sub: ['', '', '', '', '', '', ''],
    codeHeader: '功能分类科目编码',
    note: '注：本表反映部门本年度各项收入情况。',
  },
  '03': {
    id: '03',
    top: ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
    sub: ['', '', '', '', '', ''],
    codeHeader: '功能分类科目编码',
    note: '注：本表反映部门本年度各项支出情况。',
  },
  '05': { id: '05', top: ['本年支出', '', ''], sub: ['小计', '基本支出', '项目支出'], codeHeader: '科目编码', note: '注：本表反映部门本年度一般公共预算财政拨款支出情况。' },
  '07': {
    id: '07',
    top: ['年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'],
    sub: ['', '', '小计', '基本支出', '项目支出', ''],
    codeHeader: '科目编码',
    note: '注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。',
    emptyNote: '本单位当年无政府性基金预算财政拨款收入支出',
  },
  '08': {
    id: '08',
    top: ['本年支出', '', ''],
    sub: ['合计', '基本支出', '项目支出'],
    codeHeader: '科目编码',
    note: '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
    emptyNote: '本单位当年无国有资本经营预算财政拨款支出',
  },
};

function writeCoded(w: TableWriter, spec: CodedSpec, rows: CodedFigures[], dept: Department, layout: Layout): void {
  const family = layout.family;
  const split = layout.codes !== 'single';
  // 上海 prints 08 with 07's columns; its own three are 07's 本年支出 columns, the others stay blank.
  const wide = spec.id === '08' && family?.fundColumns08 === 'income-and-carry-over';
  const heads = wide ? CODED['07'] : spec;
  const own = (i: number) => (wide ? (i >= 2 && i <= 4 ? i - 1 : null) : i + 1);
  const nameCol = split ? 3 : 1;
  const first = nameCol + 1;
  const width = first + heads.top.length;
  let r = frame(w, spec.id, width, dept, layout);
  w.text(r, 0, '项目');
  heads.top.forEach((t, i) => w.text(r, first + i, t || undefined));
  // A group header (本年支出) spans the columns listed under it.
  heads.top.forEach((t, i) => {
    if (!t) return;
    let j = i + 1;
    while (j < heads.top.length && !heads.top[j]) j++;
    if (j - i > 1) w.merge(r, first + i, r, first + j - 1);
  });
  r++;
  w.text(r, 0, family?.codeHeader ?? spec.codeHeader);
  w.text(r, nameCol, '科目名称');
  heads.sub.forEach((t, i) => w.text(r, first + i, t || undefined));
  r++;
  if (split) {
    ['类', '款', '项'].forEach((t, i) => w.text(r, i, t));
    r++;
  }
  if (family?.lanci ?? true) {
    w.text(r, 0, '栏次');
    heads.top.forEach((_, i) => w.text(r, first + i, i + 1));
    r++;
  }
  const empty = rows.length === 1 && spec.emptyNote;
  if (empty && family?.emptyFunds === 'note') {
    w.text(r, 0, '合计');
    w.text(r + 1, 0, `说明：${dept.name}本年度没有${spec.id === '07' ? '政府性基金' : '国有资本经营'}预算财政拨款收入和支出，故本表无数据。`);
    return;
  }
  const ordered = family?.total === 'bottom' ? [...rows.slice(1), rows[0]] : rows;
  const part = (t: string) => (layout.codes === 'split-number' ? Number(t) : t);
  for (const row of ordered) {
    if (row.code === null) w.text(r, 0, '合计');
    else if (split) {
      w.text(r, 0, part(row.code.slice(0, 3)));
      w.text(r, 1, row.code.slice(3, 5) ? part(row.code.slice(3, 5)) : undefined);
      w.text(r, 2, row.code.slice(5, 7) ? part(row.code.slice(5, 7)) : undefined);
    } else w.text(r, 0, row.code);
    if (row.code !== null) w.text(r, nameCol, functionName(row.code));
    // An empty 07/08 keeps its 合计 row without amounts, as the reporting software prints it.
    if (!empty)
      heads.top.forEach((_, i) => {
        const n = own(i);
        w.amount(r, first + i, n === null ? undefined : row.values.get(n) ?? 0n);
      });
    r++;
  }
  w.text(r, 0, empty ? spec.emptyNote : spec.note);
}

/** 06 as two blocks, 人员经费 (301, 303) on the left and 公用经费 on the right, code joined or split into 类 | 款. */
function writeEconBlocks(w: TableWriter, f: Figures, dept: Department, layout: Layout, split: boolean): void {
  const bw = split ? 4 : 3;
  let r = frame(w, '06', 2 * bw, dept, layout);
  for (const c of [0, bw]) {
    w.text(r, c, '经济分类科目编码');
    if (split) w.merge(r, c, r, c + 1);
    w.text(r, c + bw - 2, '科目名称');
    w.text(r, c + bw - 1, '决算数');
  }
  r++;
  if (split) {
    for (const c of [0, bw]) ['类', '款'].forEach((t, i) => w.text(r, c + i, t));
    r++;
  }
  const blocks = [ECON_TEMPLATE.filter((t) => t.triple === 1).flatMap((t) => t.items), ECON_TEMPLATE.filter((t) => t.triple !== 1).flatMap((t) => t.items)];
  blocks.forEach((items, b) => {
    const c = b * bw;
    items.forEach(([code, name], i) => {
      if (split) {
        w.text(r + i, c, code.slice(0, 3));
        w.text(r + i, c + 1, code.slice(3) || undefined);
      } else w.text(r + i, c, code);
      w.text(r + i, c + bw - 2, name);
      w.amount(r + i, c + bw - 1, f.t06.get(code) ?? 0n);
    });
  });
  r += Math.max(...blocks.map((b) => b.length));
  w.text(r, 0, '人员经费合计');
  w.amount(r, bw - 1, f.t06.get('人员经费合计'));
  w.text(r, bw, '公用经费合计');
  w.amount(r, 2 * bw - 1, f.t06.get('公用经费合计'));
  w.text(r + 1, 0, '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。');
}

function writeEcon(w: TableWriter, f: Figures, dept: Department, layout: Layout): void {
  if (layout.family?.econ === 'two-blocks') return writeEconBlocks(w, f, dept, layout, layout.family.econCodes === 'split');
  let r = frame(w, '06', 9, dept, layout);
  w.text(r, 0, '人员经费');
  w.merge(r, 0, r, 2);
  w.text(r, 3, '公用经费');
  w.merge(r, 3, r, 8);
  r++;
  for (let t = 0; t < 3; t++) ['科目编码', '科目名称', '决算数'].forEach((h, i) => w.text(r, t * 3 + i, h));
  r++;
  const height = Math.max(...ECON_TEMPLATE.map((t) => t.items.length));
  for (const { triple, items } of ECON_TEMPLATE) {
    items.forEach(([code, name], i) => {
      const c = (triple - 1) * 3;
      w.text(r + i, c, code);
      w.text(r + i, c + 1, name);
      w.amount(r + i, c + 2, f.t06.get(code) ?? 0n);
    });
  }
  r += height;
  w.text(r, 0, '人员经费合计');
  w.amount(r, 2, f.t06.get('人员经费合计'));
  w.text(r, 3, '公用经费合计');
  w.amount(r, 5, f.t06.get('公用经费合计'));
  w.text(r + 1, 0, '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。');
}

const SANGONG_ITEM_NAMES = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', '公务接待费'];

/** 上海: the items over 预算数 / 决算数 pairs, three merged header rows, one data row. */
function writeSanGongPairs(w: TableWriter, f: Figures, dept: Department, layout: Layout): void {
  let r = frame(w, '09', 12, dept, layout);
  w.text(r, 0, '财政拨款“三公”经费');
  w.merge(r, 0, r, 11);
  r++;
  for (const [k, c] of [
    [0, 0],
    [1, 2],
    [5, 10],
  ]) {
    w.text(r, c, SANGONG_ITEM_NAMES[k]);
    w.merge(r, c, r + 1, c + 1);
  }
  w.text(r, 4, SANGONG_ITEM_NAMES[2]);
  w.merge(r, 4, r, 9);
  ['小计', SANGONG_ITEM_NAMES[3], SANGONG_ITEM_NAMES[4]].forEach((t, i) => {
    w.text(r + 1, 4 + 2 * i, t);
    w.merge(r + 1, 4 + 2 * i, r + 1, 5 + 2 * i);
  });
  r += 2;
  for (let k = 0; k < 6; k++) {
    w.text(r, 2 * k, '预算数');
    w.text(r, 2 * k + 1, '决算数');
  }
  r++;
  for (let k = 0; k < 6; k++) {
    w.amount(r, 2 * k, f.t09.get(k + 1) ?? 0n);
    w.amount(r, 2 * k + 1, f.t09.get(k + 7) ?? 0n);
  }
  w.text(r + 1, 0, '注：本表反映部门本年度“三公”经费支出预决算情况。');
}

/** Items as rows, 预算数 and 决算数 as columns, with the rows some provinces add (会议费, 培训费: not 三公). */
function writeSanGongVertical(w: TableWriter, f: Figures, dept: Department, layout: Layout, extras: ReadonlyArray<string>): void {
  let r = frame(w, '09', 3, dept, layout);
  ['项目', '预算数', '决算数'].forEach((t, i) => w.text(r, i, t));
  r++;
  const labels = ['合计', '1.因公出国（境）费', '2.公务用车购置及运行维护费', '其中：公务用车购置费', '      公务用车运行维护费', '3.公务接待费'];
  const d = layout.family?.sanGongDecimals ?? 2;
  labels.forEach((label, k) => {
    w.text(r + k, 0, label);
    w.amount(r + k, 1, f.t09.get(k + 1) ?? 0n, d);
    w.amount(r + k, 2, f.t09.get(k + 7) ?? 0n, d);
  });
  r += labels.length;
  extras.forEach((name, i) => {
    w.text(r + i, 0, name);
    w.amount(r + i, 1, 123_456n * BigInt(i + 1));
    w.amount(r + i, 2, 100_000n * BigInt(i + 1));
  });
  w.text(r + extras.length, 0, '注：会议费、培训费不属于“三公”经费，不计入合计。');
}

/** A table beyond the nine (政府采购情况表 …): title, unit, one line. */
function writeExtraTable(w: TableWriter, title: string, layout: Layout): void {
  w.text(0, 0, title);
  w.text(1, 2, `金额单位：${layout.unit}`);
  ['项目', '合计', '其中：货物'].forEach((t, i) => w.text(2, i, t));
  w.text(3, 0, '合计');
  w.amount(3, 1, 1_234_500n);
  w.amount(3, 2, 1_000_000n);
}

function writeSanGong(w: TableWriter, f: Figures, dept: Department, layout: Layout): void {
  if (layout.family?.sanGong === 'pairs') return writeSanGongPairs(w, f, dept, layout);
  if (layout.family?.sanGong === 'vertical') return writeSanGongVertical(w, f, dept, layout, layout.family.sanGongExtras);
  let r = frame(w, '09', 12, dept, layout);
  w.text(r, 0, '预算数');
  w.merge(r, 0, r, 5);
  w.text(r, 6, '决算数');
  w.merge(r, 6, r, 11);
  r++;
  for (const base of [0, 6]) {
    w.text(r, base, '合计');
    w.text(r, base + 1, '因公出国（境）费');
    w.text(r, base + 2, '公务用车购置及运行维护费');
    w.merge(r, base + 2, r, base + 4);
    w.text(r, base + 5, '公务接待费');
    w.text(r + 1, base + 2, '小计');
    w.text(r + 1, base + 3, '公务用车购置费');
    w.text(r + 1, base + 4, '公务用车运行维护费');
  }
  r += 2;
  for (let n = 1; n <= 12; n++) w.text(r, n - 1, n);
  r++;
  for (let n = 1; n <= 12; n++) w.amount(r, n - 1, f.t09.get(n) ?? 0n);
  w.text(r + 1, 0, '注：本表反映部门本年度“三公”经费支出决算情况。');
}

const SHEET_TITLES: Record<TableId, string> = {
  ...TABLE_TITLES,
  // Excel sheet names drop the quotes of “三公”.
  '09': '财政拨款三公经费支出决算表',
};

/** The nine tables of a department (and a family's extra tables), shown in the given layout, as the recognizer reads real workbooks. */
export function buildGrid(dept: Department, layout: Layout): Grid {
  const f = figures(dept);
  const sheets: SheetBuilder[] = [];
  const oneSheet = layout.sheets === 'one-sheet' ? new SheetBuilder('决算公开表') : null;
  if (oneSheet) sheets.push(oneSheet);
  let next = layout.origin.row;
  const family = layout.family;
  const sequence: Array<TableId | { title: string }> = [];
  for (const id of family?.order ?? (['01', '02', '03', '04', '05', '06', '07', '08', '09'] as TableId[])) {
    sequence.push(id);
    for (const extra of family?.extraTables ?? []) if (extra.after === id) sequence.push({ title: extra.title });
  }
  sequence.forEach((item, i) => {
    const position = i + 1;
    const sheetName =
      typeof item !== 'string' ? `表${position}` : layout.sheetNames === 'title' ? SHEET_TITLES[item] : (tableNumber(layout, item, position) ?? `表${position}`);
    const sheet = oneSheet ?? new SheetBuilder(sheetName);
    if (!oneSheet) sheets.push(sheet);
    const w = new TableWriter(sheet, oneSheet ? next : layout.origin.row, layout.origin.col, layout, position);
    if (typeof item !== 'string') writeExtraTable(w, item.title, layout);
    else if (item === '01' || item === '04') writeLines(w, item, f, dept, layout);
    else if (item === '06') writeEcon(w, f, dept, layout);
    else if (item === '09') writeSanGong(w, f, dept, layout);
    else writeCoded(w, CODED[item], f[`t${item}`], dept, layout);
    next += w.height + 3;
  });
  return { sheets: sheets.map((s) => s.toSheet()) };
}
