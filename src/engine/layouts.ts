/**
 * The template families the recognizer reads, as data (variants.md, the 上海 corpus, the bundled 湖北 sample).
 * The recognizer itself works from meaning (titles, header words, labels, codes: recognize/vocabulary.ts), so a
 * family is a combination of traits it must read, not a branch of code. The test generator builds one workbook
 * per family (tests/support/generate.ts) and the property tests run over all of them; the README lists them.
 * Adding a family = a row here (its traits), plus whatever new word it uses in vocabulary.ts, plus its test.
 */
import { TableId } from './model';

/** How a table is numbered above its title. */
export type Numbering = '公开0X表' | '表X' | 'X、' | 'none';

export interface TemplateFamily {
  readonly id: string;
  /** Chinese name, for the README and messages. */
  readonly name: string;
  /** Where it was seen. */
  readonly seenIn: string;
  readonly numbering: Numbering;
  /** Publishing order of the nine tables (the 三公 table is 7th, 9th, 10th or 11th). */
  readonly order: ReadonlyArray<TableId>;
  /** Tables published beyond the nine, by title, placed after the table given. */
  readonly extraTables: ReadonlyArray<{ readonly title: string; readonly after: TableId }>;
  /** Titles that differ from the national ones (synonyms the recognizer reads). */
  readonly titles: Partial<Record<TableId, string>>;
  /** 科目编码 in one column, or split into 类 / 款 / 项 as text (`06`) or as numbers (6). */
  readonly codes: 'joined' | 'split-text' | 'split-number';
  /** Header words of the code column. */
  readonly codeHeader: '科目编码' | '功能分类科目编码' | '支出功能分类科目编码' | '项目';
  /** A 栏次 row under the headers. */
  readonly lanci: boolean;
  /** The 合计 row of the coded tables under the headers or at the bottom. */
  readonly total: 'top' | 'bottom';
  /** 06 as three side-by-side code | name | amount triples (national), or two blocks (人员经费 | 公用经费). */
  readonly econ: 'triples' | 'two-blocks';
  /** 06's economic code joined (30101) or split into 类 (301) | 款 (01). */
  readonly econCodes: 'joined' | 'split';
  /**
   * 三公: 预算数 | 决算数 groups over the six items (national), the items over 预算数 / 决算数 pairs (上海), or the
   * items as rows with 预算数 and 决算数 columns; `extras` are rows that are not 三公 (会议费, 培训费).
   */
  readonly sanGong: 'groups' | 'pairs' | 'vertical';
  readonly sanGongExtras: ReadonlyArray<'会议费' | '培训费'>;
  /** Decimals of the 三公 amounts (some print one or none while the other tables show two). */
  readonly sanGongDecimals: 0 | 1 | 2;
  /** An empty 07 / 08 keeps its 合计 row, or prints only the header and a note (…故本表无数据). */
  readonly emptyFunds: 'total-row' | 'note';
  /** 08 with 07's income and carry-over columns (国有资本经营预算财政拨款收入支出决算表). */
  readonly fundColumns08: 'expense' | 'income-and-carry-over';
  /** How a zero is shown. */
  readonly zeros: 'blank' | '-' | '0.00';
}

const NATIONAL_ORDER: ReadonlyArray<TableId> = ['01', '02', '03', '04', '05', '06', '07', '08', '09'];

const NATIONAL: TemplateFamily = {
  id: 'national',
  name: '全国通用格式',
  seenIn: '财政部部门决算公开模板',
  numbering: 'none',
  order: NATIONAL_ORDER,
  extraTables: [],
  titles: {},
  codes: 'joined',
  codeHeader: '科目编码',
  lanci: true,
  total: 'top',
  econ: 'triples',
  econCodes: 'joined',
  sanGong: 'groups',
  sanGongExtras: [],
  sanGongDecimals: 2,
  emptyFunds: 'total-row',
  fundColumns08: 'expense',
  zeros: 'blank',
};

export const TEMPLATE_FAMILIES: ReadonlyArray<TemplateFamily> = [
  NATIONAL,
  { ...NATIONAL, id: 'hubei', name: '公开0X表（湖北）', seenIn: '湖北（随附样表）、广西、江西', numbering: '公开0X表', codeHeader: '功能分类科目编码', zeros: '0.00' },
  {
    ...NATIONAL,
    id: 'shanghai',
    name: '上海格式',
    seenIn: '上海（普陀区 2024 年三份决算）',
    order: ['01', '02', '03', '04', '05', '06', '09', '07', '08'],
    titles: { '06': '一般公共预算财政拨款基本支出决算表', '08': '国有资本经营预算财政拨款收入支出决算表' },
    codes: 'split-text',
    codeHeader: '支出功能分类科目编码',
    lanci: false,
    total: 'bottom',
    econ: 'two-blocks',
    econCodes: 'split',
    sanGong: 'pairs',
    emptyFunds: 'note',
    fundColumns08: 'income-and-carry-over',
  },
  { ...NATIONAL, id: 'split-number', name: '类款项分列且为数字', seenIn: '多地（数字格式的编码丢失前导零）', codes: 'split-number', codeHeader: '项目', zeros: '-' },
  {
    ...NATIONAL,
    id: 'sichuan',
    name: '表X 编号，三公为第10表',
    seenIn: '四川',
    numbering: '表X',
    order: ['01', '02', '03', '04', '05', '06', '07', '08', '09'],
    extraTables: [{ title: '政府采购情况表', after: '08' }],
  },
  {
    ...NATIONAL,
    id: 'beijing',
    name: '三公为第11表，另有采购、资产等表',
    seenIn: '北京、内蒙古',
    numbering: 'X、',
    extraTables: [
      { title: '政府购买服务支出决算表', after: '08' },
      { title: '国有资产占用情况表', after: '08' },
    ],
    sanGong: 'vertical',
    sanGongExtras: ['会议费', '培训费'],
    sanGongDecimals: 1,
  },
  {
    ...NATIONAL,
    id: 'shaanxi',
    name: '收入决算总表 / 支出决算总表',
    seenIn: '陕西',
    titles: { '02': '收入决算总表', '03': '支出决算总表', '01': '收入支出决算表', '06': '一般公共预算财政拨款基本支出决算明细表' },
    lanci: false,
    total: 'bottom',
    econ: 'two-blocks',
    econCodes: 'joined',
    emptyFunds: 'note',
    zeros: '0.00',
  },
];
