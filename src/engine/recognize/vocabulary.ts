/**
 * The words the recognizer reads tables by, as data: titles and their synonyms, the header words of each amount
 * column, the 三公 items and the titles of tables outside the nine. Patterns apply to normalised text (`norm`).
 * A new synonym is a line here plus a test (tests/engine/recognize-layouts.test.ts), never a branch in code.
 */
import { Line01Key, Line04Key, TableId } from '../model';

/**
 * Title patterns per table, tried in this order (04 before 01, 06 before 05: the longer title contains the shorter).
 * `unless` rules out a title that ends the same way but is another table.
 */
export const TITLE_PATTERNS: ReadonlyArray<{ readonly id: TableId; readonly title: RegExp; readonly unless?: RegExp }> = [
  // 三公 alone, or combined with 机关运行经费 (北京, 内蒙古), which still holds the 三公 columns.
  { id: '09', title: /三公经费(支出)?(预)?决算(明细)?(情况)?表$/, unless: /本表/ },
  { id: '09', title: /三公经费.*运行经费.*表$/ },
  { id: '04', title: /财政拨款收入支出决算(总)?表$/, unless: /(政府性基金|国有资本|一般公共预算)/ },
  { id: '01', title: /收入支出决算(总)?表$/, unless: /(政府性基金|国有资本|一般公共预算|财政拨款)/ },
  { id: '06', title: /一般公共预算财政拨款基本支出决算(明细)?表$/ },
  { id: '05', title: /一般公共预算财政拨款支出决算(明细)?表$/ },
  { id: '07', title: /政府性基金预算财政拨款(收入)?支出决算表$/ },
  { id: '08', title: /国有资本经营预算财政拨款(收入)?支出决算表$/ },
  // 收入决算总表 / 支出决算总表 (陕西) name 02 / 03.
  { id: '02', title: /收入决算(总)?表$/, unless: /支出/ },
  { id: '03', title: /支出决算(总)?表$/, unless: /(财政拨款|收入|基本|三公)/ },
];

/**
 * Words of the tables some provinces publish beyond the nine (variants.md). A title with one of them is another
 * table even when it ends like one of the nine (机关运行经费支出决算表 is not 03), unless it is a 三公 table.
 */
export const OTHER_TABLE_WORDS = /政府采购|购买服务|国有资产|资产占用|运行经费|绩效|专项资金|项目支出明细|预算执行情况/;
/** How the title of a table outside the nine ends. */
export const OTHER_TABLE_ENDING = /(情况|支出|收入|决算|明细|统计|汇总|信息)(总)?表$/;

/** Coded tables: 栏次, header pattern and display name of each amount column; matched in the order listed. */
export type ColumnWords = ReadonlyArray<readonly [number, RegExp, string]>;

export const CODED_COLUMNS: Record<'02' | '03' | '05' | '07' | '08', ColumnWords> = {
  '02': [
    [2, /财政拨款/, '财政拨款收入'],
    [3, /上级补助/, '上级补助收入'],
    [4, /事业收入/, '事业收入'],
    [5, /经营收入/, '经营收入'],
    [6, /附属单位/, '附属单位上缴收入'],
    [7, /其他收入/, '其他收入'],
    [1, /合计|本年收入/, '本年收入合计'],
  ],
  '03': [
    [2, /基本支出/, '基本支出'],
    [3, /项目支出/, '项目支出'],
    [4, /上缴上级/, '上缴上级支出'],
    [5, /经营支出/, '经营支出'],
    [6, /附属单位/, '对附属单位补助支出'],
    [1, /合计|本年支出/, '本年支出合计'],
  ],
  '05': [
    [2, /基本支出/, '基本支出'],
    [3, /项目支出/, '项目支出'],
    [1, /小计|合计|本年支出/, '小计'],
  ],
  '07': [
    [1, /年初|上年结转/, '年初结转和结余'],
    [6, /年末/, '年末结转和结余'],
    [4, /基本支出/, '基本支出'],
    [5, /项目支出/, '项目支出'],
    [2, /本年收入/, '本年收入'],
    [3, /小计|合计|本年支出/, '本年支出小计'],
  ],
  // 上海 prints 08 with 07's income and carry-over columns (国有资本经营预算财政拨款收入支出决算表): 08 reads its three.
  '08': [
    [2, /基本支出/, '基本支出'],
    [3, /项目支出/, '项目支出'],
    [1, /合计|小计|本年支出/, '本年支出合计'],
  ],
};

/** The six 三公 items by their position in a 预算数 or 决算数 group (1 合计 … 6 公务接待费), from a header or label. */
export const SANGONG_ITEMS: ReadonlyArray<readonly [number, RegExp, RegExp?]> = [
  [3, /小计/],
  [2, /因公出国/],
  [6, /接待/],
  [5, /运行(维护)?费$/, /购置及/],
  [4, /购置费$/, /运行/],
  [3, /购置及运行/],
  [1, /合计/],
];

/** 预算数 / 决算数 in a 三公 header. */
export const SANGONG_GROUP = /^(全年)?(预算|决算)数?$/;

/** Line labels of 01 and 04 (after numbering is stripped), by the line they name; the first match wins. */
export const LINES_01_INCOME: ReadonlyArray<readonly [Line01Key, RegExp]> = [
  ['r1', /^一般公共预算财政拨款/],
  ['r2', /^政府性基金预算财政拨/],
  ['r3', /^国有资本经营预算财政/],
  ['r4', /^上级补助/],
  ['r5', /^事业收入/],
  ['r6', /^经营收入/],
  ['r7', /^附属单位上缴/],
  ['r8', /^其他收入/],
  ['r27', /^本年收入合计/],
  ['r28', /^使用非财政拨款结余/],
  ['r29', /^(年初|上年)结转和结余/],
  ['r30', /^总计/],
];

export const LINES_01_EXPENSE: ReadonlyArray<readonly [Line01Key, RegExp]> = [
  ['r57', /^本年支出合计/],
  ['r58', /^结余分配/],
  ['r59', /^年末结转和结余/],
  ['r60', /^总计/],
];

/** 04's income side names the three kinds twice: this year's income (r1–r3), then under 年初 (r29–r31). */
export const LINES_04_KINDS: ReadonlyArray<readonly [RegExp, Line04Key, Line04Key]> = [
  [/^一般公共预算财政拨/, 'r1', 'r29'],
  [/^政府性基金预算财政/, 'r2', 'r30'],
  [/^国有资本经营预算财/, 'r3', 'r31'],
];

export const LINES_04_INCOME: ReadonlyArray<readonly [Line04Key, RegExp]> = [
  ['r27', /^本年收入合计/],
  ['r28', /^(年初|上年)(财政拨款)?结转和结余/],
  ['r32', /^总计/],
];

export const LINES_04_EXPENSE: ReadonlyArray<readonly [Line04Key, RegExp]> = [
  ['r59', /^本年支出合计/],
  ['r60', /^年末(财政拨款)?结转和结余/],
  ['r64', /^总计/],
];

/** 04's expense side under 年末: the three kinds (r61–r63). */
export const LINES_04_CLOSING: ReadonlyArray<readonly [Line04Key, RegExp]> = [
  ['r61', /^一般公共预算/],
  ['r62', /^政府性基金/],
  ['r63', /^国有资本经营/],
];
