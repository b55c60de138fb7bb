import Decimal from 'decimal.js';
import { CellRef } from './a1';

/** The nine standard tables. */
export const TABLE_IDS = ['01', '02', '03', '04', '05', '06', '07', '08', '09'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const TABLE_TITLES: Record<TableId, string> = {
  '01': '收入支出决算总表',
  '02': '收入决算表',
  '03': '支出决算表',
  '04': '财政拨款收入支出决算总表',
  '05': '一般公共预算财政拨款支出决算表',
  '06': '一般公共预算财政拨款基本支出决算明细表',
  '07': '政府性基金预算财政拨款收入支出决算表',
  '08': '国有资本经营预算财政拨款支出决算表',
  '09': '财政拨款“三公”经费支出决算表',
};

/** Made once: every row and amount label starts with one. */
const TABLE_LABELS = Object.fromEntries(TABLE_IDS.map((id) => [id, `公开${id}表`])) as Record<TableId, string>;

export function tableLabel(id: TableId): string {
  return TABLE_LABELS[id];
}

export type Unit = '万元' | '元';

/**
 * One amount as shown in one cell. `value` is in the table's unit; `step` is the display step
 * (0.01 for two decimals), so the exact amount lies in [value − step/2, value + step/2],
 * except when `exactZero` (blank, 0, "-": exactly zero, rules.md §1).
 */
export interface Amount {
  readonly table: TableId;
  readonly ref: CellRef;
  /** What the cell is, for messages: `公开04表 总计（一般公共预算财政拨款）`. */
  readonly label: string;
  readonly value: Decimal;
  readonly unit: Unit;
  readonly step: Decimal;
  readonly exactZero: boolean;
  /** True when the cell is empty (as opposed to showing 0 or "-"). */
  readonly blank: boolean;
  /**
   * The same value and half display step as exact integers of 厘 (0.001 元), so that the hundreds of relations of
   * a workbook are decided with integer sums in plain numbers (no allocation); null when the value has more decimals
   * than 厘 or is beyond 2^53 厘 (9 万亿元), and then Decimal decides.
   */
  readonly li: number | null;
  readonly halfStepLi: number;
}

/** Level of a 功能分类 code by its length: 类 3 digits, 款 5, 项 7. */
export type CodeLevel = '类' | '款' | '项';

export interface CodedRow {
  /** Normalised code (digits only), or null for the 合计 row. */
  readonly code: string | null;
  readonly level: CodeLevel | '合计';
  readonly name: string;
  readonly row: number;
  readonly codeRef: CellRef;
  /** The 科目名称 cell (where the filler proposes a blank name). */
  readonly nameRef: CellRef;
  /** Amounts by 栏次 (1-based). A column the table lacks or an unreadable cell is absent. */
  readonly amounts: ReadonlyMap<number, Amount>;
}

interface TableBase {
  readonly id: TableId;
  readonly sheet: string;
  /** A1 range the table occupies, e.g. `A1:F38`. */
  readonly range: string;
  readonly title: string;
  readonly unit: Unit;
  readonly step: Decimal;
}

/** Tables 02, 03, 05, 07, 08: a 合计 row then 类/款/项 rows. */
export interface CodedTable extends TableBase {
  readonly kind: 'coded';
  readonly id: '02' | '03' | '05' | '07' | '08';
  /** 栏次 numbers present, with their column headers. */
  readonly columns: ReadonlyMap<number, string>;
  readonly total: CodedRow | null;
  readonly rows: ReadonlyArray<CodedRow>;
  /** The table is an empty form with a note such as 本单位当年无…. */
  readonly emptyNote: string | null;
}

/** Lines of 01 by their 行次 in the 2024 template (typed, so that a wrong key does not compile). */
export type Line01Key = 'r1' | 'r2' | 'r3' | 'r4' | 'r5' | 'r6' | 'r7' | 'r8' | 'r27' | 'r28' | 'r29' | 'r30' | 'r57' | 'r58' | 'r59' | 'r60';
/** Lines of 04 by their 行次 in the 2024 template. */
export type Line04Key = 'r1' | 'r2' | 'r3' | 'r27' | 'r28' | 'r29' | 'r30' | 'r31' | 'r32' | 'r59' | 'r60' | 'r61' | 'r62' | 'r63' | 'r64';
/** An expense 类 line of 01 or 04, by its 功能分类 code (`c201`). */
export type ClassKey = `c${string}`;

export function isClassKey(key: string): key is ClassKey {
  return key.startsWith('c');
}

/** A named line of 01 or 04 with its amounts by 栏次. */
export interface Line {
  readonly key: Line01Key | Line04Key | ClassKey;
  readonly label: string;
  readonly labelRef: CellRef;
  readonly amounts: ReadonlyMap<number, Amount>;
}

/** Tables 01 and 04: income lines and expense lines, identified by name. */
export interface LinesTable01 extends TableBase {
  readonly kind: 'lines';
  readonly id: '01';
  /** Keyed by `r<行次>` of the 2024 template (`r1`, `r27`, …) and by 类 code for expense lines (`c201`). */
  readonly lines: ReadonlyMap<Line01Key | ClassKey, Line>;
}
export interface LinesTable04 extends TableBase {
  readonly kind: 'lines';
  readonly id: '04';
  readonly lines: ReadonlyMap<Line04Key | ClassKey, Line>;
}
export type LinesTable = LinesTable01 | LinesTable04;
/** The line keys of a lines table. */
export type LineKeyOf<T extends LinesTable> = T extends LinesTable01 ? Line01Key | ClassKey : Line04Key | ClassKey;

export interface EconItem {
  readonly code: string;
  readonly name: string;
  readonly block: '人员经费' | '公用经费';
  readonly codeRef: CellRef;
  readonly nameRef: CellRef;
  readonly amount: Amount | null;
}

/** Table 06: 经济分类 items in side-by-side triples, and the two block totals. */
export interface EconTable extends TableBase {
  readonly kind: 'econ';
  readonly id: '06';
  readonly items: ReadonlyArray<EconItem>;
  readonly personnelTotal: Amount | null;
  readonly publicTotal: Amount | null;
}

/** Table 09: one data row of twelve 栏次. */
export interface SanGongTable extends TableBase {
  readonly kind: 'sangong';
  readonly id: '09';
  readonly amounts: ReadonlyMap<number, Amount>;
}

export type Table = CodedTable | LinesTable | EconTable | SanGongTable;

/** A table outside the nine (政府采购情况表, 机关运行经费支出表 …): listed, never read as one of them. */
export interface OtherTable {
  readonly title: string;
  readonly sheet: string;
  /** Its title cell. */
  readonly cell: string;
}

/** The recognized workbook: at most one table per id. */
export interface Workbook {
  readonly tables: Partial<Record<TableId, Table>>;
  readonly otherTables: ReadonlyArray<OtherTable>;
  readonly sheetOrder: ReadonlyArray<string>;
}

export function codedTable(wb: Workbook, id: CodedTable['id']): CodedTable | undefined {
  const t = wb.tables[id];
  return t && t.kind === 'coded' ? t : undefined;
}
export function linesTable(wb: Workbook, id: '01'): LinesTable01 | undefined;
export function linesTable(wb: Workbook, id: '04'): LinesTable04 | undefined;
export function linesTable(wb: Workbook, id: LinesTable['id']): LinesTable | undefined {
  const t = wb.tables[id];
  return t && t.kind === 'lines' ? t : undefined;
}
export function econTable(wb: Workbook): EconTable | undefined {
  const t = wb.tables['06'];
  return t && t.kind === 'econ' ? t : undefined;
}
export function sanGongTable(wb: Workbook): SanGongTable | undefined {
  const t = wb.tables['09'];
  return t && t.kind === 'sangong' ? t : undefined;
}
