/**
 * The phrasebook: how 情况说明 writers word each statement, as data. The generator writes the first wording of a
 * statement; the audit recognises every wording listed. A new wording is a new string here plus a test
 * (tests/narrative/phrasebook.test.ts); no code changes.
 *
 * Wordings come from narrative.md (the sample's template), variants.md and the three 上海 corpus texts.
 */
import type { InputKind } from './supplement';

/** Words before a 变动额 ("增加12.00万元"), by direction. */
export const CHANGE_UP = ['增加'] as const;
export const CHANGE_DOWN = ['减少'] as const;
/** Words before a 变动率 ("增长3.2%"), by direction: the generator writes the first. */
export const RATE_UP = ['增长', '上升', '增加'] as const;
export const RATE_DOWN = ['降低', '下降', '减少'] as const;

/** Template wording left in: both directions written, one in brackets ("下降（增长）27.78%"). */
export const PLACEHOLDERS = ['增加（减少）', '减少（增加）', '增长（降低）', '增长（下降）', '降低（增长）', '下降（增长）', '大于（小于）', '小于（大于）'];

/** Words between a figure's name and the figure ("收入总计为1,010.75万元"). */
export const IS = '(?:为|是|共计|达到)?';
/** Words between a name and its change ("收入较上年决算数减少…", "收入支出总计比2023年度增加…"). */
export const VERSUS = '(?:，?(?:较|比)(?:上年|上一年度|\\d{4}年度?)(?:决算数)?|，?与(?:上年|\\d{4}年度?)相比，?)?';

/** The {增减词} and {升降词} slots as regular-expression groups (one capture each). */
export const CHANGE_PATTERN = `(${[...CHANGE_UP, ...CHANGE_DOWN].join('|')})`;
export const RATE_PATTERN = `(${[...RATE_UP, ...RATE_DOWN].join('|')})`;

/** The completion-rate phrase: "完成年初预算的92.7%", "完成预算的0%", "完成全年预算数的98.69%", "完成预算67%". */
export const COMPLETION = {
  /** Generated for 五（三） and for 九 (全年预算), and for 十三 project paragraphs. */
  annual: '完成年初预算的',
  full: '完成全年预算的',
  project: '完成预算',
  /** Every accepted wording, as a regular-expression fragment without captures. */
  pattern: '完成(?:了)?(?:年初|全年)?预算(?:数)?(?:的)?',
} as const;

/** Words that name a budget figure ("年初预算为", "全年预算为", "预算数为") and an actual one ("支出决算为", "决算数为", "决算为"). */
export const BUDGET_WORDS = '(年初|全年)?预算数?为?';
export const ACTUAL_WORDS = '(?:当年)?(?:支出)?决算数?为?';

/** The 三公 items as writers name them, each with its 公开09表 预算/决算 栏次 and the 补充信息 key of last year's figure. */
export interface SanGongItem {
  readonly names: ReadonlyArray<string>;
  readonly budgetCol: number;
  readonly actualCol: number;
  /** null for the two parts of 公务用车购置及运行费, which have no previous-year input. */
  readonly prevKey: string | null;
}

export const SANGONG_ITEMS: ReadonlyArray<SanGongItem> = [
  { names: ['“三公”经费', '三公经费'], budgetCol: 1, actualCol: 7, prevKey: 'sangong.prev_total' },
  { names: ['因公出国（境）费', '因公出国费'], budgetCol: 2, actualCol: 8, prevKey: 'sangong.prev_abroad' },
  { names: ['公务用车购置及运行费', '公务用车购置及运行维护费'], budgetCol: 3, actualCol: 9, prevKey: 'sangong.prev_vehicle' },
  { names: ['公务接待费'], budgetCol: 6, actualCol: 12, prevKey: 'sangong.prev_reception' },
  { names: ['公务用车购置费', '公务用车购置支出'], budgetCol: 4, actualCol: 10, prevKey: null },
  { names: ['公务用车运行费', '公务用车运行维护费', '公务用车运行维护支出', '公务用车运行支出'], budgetCol: 5, actualCol: 11, prevKey: null },
];

/**
 * A statement that gives one figure of one 补充信息 input: the words just before the figure (after the year is
 * dropped, "2024年度" → ""), the kind of figure, and the input it is checked against. `key: null` marks a figure
 * that writers state but no input holds (the audit reports it as unverifiable, naming what is missing).
 */
export interface SimpleStatement {
  readonly id: string;
  /** The generator writes `cues[0]`. */
  readonly cues: ReadonlyArray<string>;
  readonly kind: Exclude<InputKind, 'text'>;
  readonly key: string | null;
  /** What the figure is, for messages (defaults to the first cue). */
  readonly what?: string;
  /** Units that make a count this statement whatever words precede it ("、26人次"). */
  readonly units?: ReadonlyArray<string>;
}

export const SIMPLE_STATEMENTS: ReadonlyArray<SimpleStatement> = [
  { id: 'proc.total', cues: ['政府采购支出总额', '政府采购金额（以合同签订为准）', '政府采购金额'], kind: 'amount', key: 'proc.total' },
  { id: 'proc.goods', cues: ['政府采购货物支出', '货物采购金额', '货物采购支出'], kind: 'amount', key: 'proc.goods' },
  { id: 'proc.works', cues: ['政府采购工程支出', '工程采购金额', '工程采购支出'], kind: 'amount', key: 'proc.works' },
  { id: 'proc.services', cues: ['政府采购服务支出', '服务采购金额', '服务采购支出'], kind: 'amount', key: 'proc.services' },
  { id: 'proc.sme', cues: ['授予中小企业合同金额'], kind: 'amount', key: 'proc.sme' },
  { id: 'proc.small_micro', cues: ['授予小微企业合同金额'], kind: 'amount', key: 'proc.small_micro' },
  { id: 'proc.reserved_sme', cues: ['面向中小企业预留政府采购项目预算金额'], kind: 'amount', key: null, what: '面向中小企业预留的采购项目预算金额' },
  { id: 'proc.reserved_micro', cues: ['面向小微企业预留政府采购项目预算金额'], kind: 'amount', key: null, what: '面向小微企业预留的采购项目预算金额' },
  { id: 'proc.awarded', cues: ['采购金额'], kind: 'amount', key: null, what: '中小企业、小微企业中标或成交的采购金额' },
  { id: 'asset.vehicles', cues: ['共有车辆'], kind: 'count', key: 'asset.vehicles' },
  {
    id: 'asset.vehicle_kind',
    cues: ['部级领导干部用车', '主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部用车', '其他用车'],
    kind: 'count',
    key: null,
    what: '各类车辆数',
  },
  { id: 'asset.equipment_1m', cues: ['单位价值100万元以上设备', '单价100万元（含）以上设备（不含车辆）', '单价100万元（含）以上设备'], kind: 'count', key: 'asset.equipment_1m' },
  { id: 'sangong.vehicle_count', cues: ['公务用车保有量'], kind: 'count', key: 'sangong.vehicle_count' },
  { id: 'perf.overall.indicators', cues: ['部门整体支出共设置'], kind: 'count', key: 'perf.overall.indicators' },
  { id: 'perf.target.count', cues: ['编报绩效目标的项目'], kind: 'count', key: null, what: '编报绩效目标的项目数' },
  { id: 'perf.track.count', cues: ['绩效跟踪评价的项目'], kind: 'count', key: null, what: '绩效跟踪评价的项目数' },
  { id: 'perf.self.count', cues: ['绩效自评的项目', '共涉及项目'], kind: 'count', key: 'perf.self.count' },
  { id: 'perf.amount', cues: ['涉及预算金额'], kind: 'amount', key: null, what: '绩效管理涉及的预算金额' },
  { id: 'perf.grades', cues: ['的项目', '共发现问题', '已经完成整改的', '正在整改的'], kind: 'count', key: null, what: '绩效评级和整改的项目数、问题数' },
  { id: 'perf.score', cues: ['平均得分'], kind: 'count', key: null, what: '平均得分' },
  { id: 'sangong.foreign_guests', cues: ['外宾接待支出'], kind: 'amount', key: null, what: '外宾接待支出' },
  { id: 'sangong.visits', cues: ['团组'], kind: 'count', key: null, what: '因公出国（境）团组数和公务接待批次、人次', units: ['批次', '人次', '团组'] },
];

/** Words between a cue and its figure that carry no meaning ("为", "共计"). */
export const CONNECTORS = /(?:为|是|共计|合计|达到|达|约|共)$/;

/** Last characters of the cues and connectors: a figure after any other character has no simple statement. */
const CUE_ENDS = new Set([...SIMPLE_STATEMENTS.flatMap((s) => s.cues.map((c) => c[c.length - 1])), '为', '是', '计', '到', '达', '约', '共', '度']);
const UNIT_STATEMENTS = new Set(SIMPLE_STATEMENTS.flatMap((s) => s.units ?? []));

/** A cheap test before `simpleStatement`: could the character before a figure end a cue? */
export function mayHaveStatement(before: string, unit: string): boolean {
  return UNIT_STATEMENTS.has(unit) || CUE_ENDS.has(before);
}

/** The statement whose cue ends the words before a figure of that kind, or null. */
export function simpleStatement(before: string, kind: SimpleStatement['kind'], unit: string): { statement: SimpleStatement; cue: string } | null {
  const words = before.replace(/\d{4}年度?/g, '').replace(CONNECTORS, '');
  let best: { statement: SimpleStatement; cue: string } | null = null;
  for (const statement of SIMPLE_STATEMENTS) {
    if (statement.kind !== kind) continue;
    if (statement.units?.includes(unit)) return { statement, cue: unit };
    for (const cue of statement.cues) {
      if (words.endsWith(cue) && (!best || cue.length > best.cue.length)) best = { statement, cue };
    }
  }
  return best;
}

/** The generator's wording of a simple statement. */
export function say(id: string): string {
  const s = SIMPLE_STATEMENTS.find((x) => x.id === id);
  if (!s) throw new Error(`phrasebook: no statement ${id}`);
  return s.cues[0];
}

/**
 * 七 and 八 when the fund tables have amounts: one sentence of 合计-row figures. The generator writes `lead`, then
 * each part as `{join}{cue}{amount}万元`; the audit reads `{cue}{amount}万元` in the section against the same cell.
 */
export interface TableSentence {
  readonly section: 'fund' | 'capital';
  readonly table: '07' | '08';
  readonly lead: string;
  readonly parts: ReadonlyArray<{ readonly join: string; readonly cue: string; readonly col: number }>;
}

export const TABLE_SENTENCES: ReadonlyArray<TableSentence> = [
  {
    section: 'fund',
    table: '07',
    lead: '政府性基金预算财政拨款',
    parts: [
      { join: '', cue: '年初结转和结余', col: 1 },
      { join: '，', cue: '本年收入', col: 2 },
      { join: '，', cue: '本年支出', col: 3 },
      { join: '，', cue: '年末结转和结余', col: 6 },
    ],
  },
  {
    section: 'capital',
    table: '08',
    lead: '',
    parts: [
      { join: '', cue: '国有资本经营预算财政拨款支出', col: 1 },
      { join: '，其中：', cue: '基本支出', col: 2 },
      { join: '，', cue: '项目支出', col: 3 },
    ],
  },
];
