import { Amount, SanGongTable, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, findLanciRow, headerStart, isNoteRow, Span } from './block-tools';
import { SheetView } from './sheet-view';
import { stripNumbering } from './text';
import { Block } from './locate';
import { RecognitionNote } from './notes';
import { SANGONG_GROUP, SANGONG_ITEMS } from './vocabulary';

export const SANGONG_COLUMNS: Record<number, string> = {
  1: '预算数合计',
  2: '预算数 因公出国（境）费',
  3: '预算数 公务用车购置及运行维护费小计',
  4: '预算数 公务用车购置费',
  5: '预算数 公务用车运行维护费',
  6: '预算数 公务接待费',
  7: '决算数合计',
  8: '决算数 因公出国（境）费',
  9: '决算数 公务用车购置及运行维护费小计',
  10: '决算数 公务用车购置费',
  11: '决算数 公务用车运行维护费',
  12: '决算数 公务接待费',
};

/** Position (1–6) of a column inside its 预算数 or 决算数 group, from its header text or row label. */
function itemIndex(h: string): number | null {
  for (const [n, re, unless] of SANGONG_ITEMS) if (re.test(h) && !unless?.test(h)) return n;
  return null;
}

const GROUP = SANGONG_GROUP;

/** 0 for a 预算数 column, 6 for a 决算数 column, from any of its header texts (a merged group header spreads over its items). */
function groupOffset(texts: ReadonlyArray<string>): 0 | 6 | null {
  for (const t of texts) {
    if (GROUP.test(t)) return t.includes('预算') ? 0 : 6;
  }
  return null;
}

/** The item of a column: its lowest header that names one (the 小计 under 公务用车…, not the group above it). */
function columnItem(texts: ReadonlyArray<string>): number | null {
  for (let i = texts.length - 1; i >= 0; i--) {
    if (GROUP.test(texts[i])) continue;
    const n = itemIndex(texts[i]);
    if (n !== null) return n;
  }
  return null;
}

/**
 * Reads 三公 in either header order: 预算数 | 决算数 groups over the six items (national template), or the items
 * over 预算数 / 决算数 pairs (上海). Each column's group and item come from its own header texts.
 */
export function readSanGongTable(block: Block, unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): SanGongTable | null {
  const { view } = block;
  const span = blockSpan(block);
  const start = headerStart(view, block, span, null);
  const scanEnd = Math.min(block.r1, start + 6);
  // The last header row is the lowest one naming 预算数 or 决算数 above the data.
  let groupRow = -1;
  for (let r = start; r <= scanEnd; r++) {
    const cols = view.filledCols(r, span.c0, span.c1);
    if (cols.some((c) => typeof view.cell(r, c)?.value === 'number' && !/^\d{1,2}$/.test(view.text(r, c)))) break;
    if (cols.some((c) => GROUP.test(view.text(r, c)))) groupRow = r;
  }
  if (groupRow < 0) {
    notes.push({ kind: 'column-missing', table: '09', at: view.ref(start, span.c0), column: '预算数、决算数' });
    return null;
  }
  const vertical = verticalCells(view, block, span, groupRow);
  if (vertical) return sanGong(block, span, unit, factory, notes, vertical, groupRow, vertical.last);
  const lanci = findLanciRow(view, groupRow + 1, scanEnd, span);
  // Without a 栏次 row the data row is the first one holding a number below the headers, else the row right below.
  let dataRow = lanci ? lanci.row + 1 : -1;
  let headerEnd = lanci ? lanci.row - 1 : groupRow;
  for (let r = groupRow + 1; r <= scanEnd && dataRow < 0; r++) {
    if (isNoteRow(view, r, span)) break;
    const cols = view.filledCols(r, span.c0, span.c1);
    if (cols.some((c) => typeof view.cell(r, c)?.value === 'number' || /^[\d,.-]+$/.test(view.text(r, c)))) dataRow = r;
    else if (cols.length) headerEnd = r;
  }
  if (dataRow < 0) dataRow = headerEnd + 1;
  const cols = new Map<number, number>();
  if (lanci && lanci.cols.size >= 12) {
    for (const [c, n] of lanci.cols) if (n >= 1 && n <= 12) cols.set(n, c);
  } else {
    for (let c = span.c0; c <= span.c1; c++) {
      const texts: string[] = [];
      for (let r = start; r <= headerEnd; r++) {
        const t = view.headerText(r, c);
        if (t) texts.push(t);
      }
      const offset = groupOffset(texts);
      const i = columnItem(texts);
      if (offset !== null && i !== null && !cols.has(offset + i)) cols.set(offset + i, c);
    }
  }
  // A table with no data row (本年度没有…，故本表无数据) reads as blank cells: every amount zero.
  const dataIsNote = isNoteRow(view, dataRow, span);
  const cells = new Map<number, { r: number; c: number }>();
  if (!dataIsNote) for (const [n, c] of cols) cells.set(n, { r: dataRow, c });
  return sanGong(block, span, unit, factory, dataIsNote ? [] : notes, cells, groupRow, dataIsNote ? headerEnd : dataRow);
}

/**
 * 三公 with its items as rows (合计, 因公出国（境）费, 公务用车…, 公务接待费, and sometimes 会议费, 培训费, which are
 * not 三公 and are left out) and 预算数 / 决算数 as columns; null when the table is not laid out so.
 */
function verticalCells(view: SheetView, block: Block, span: Span, groupRow: number): (Map<number, { r: number; c: number }> & { last: number }) | null {
  const groupCols = view.filledCols(groupRow, span.c0, span.c1).filter((c) => GROUP.test(view.text(groupRow, c)));
  const budget = groupCols.find((c) => view.text(groupRow, c).includes('预算'));
  const actual = groupCols.find((c) => view.text(groupRow, c).includes('决算'));
  if (budget === undefined || actual === undefined || groupCols.length !== 2) return null;
  const labelCol = span.c0;
  if (labelCol >= Math.min(budget, actual)) return null;
  const cells = Object.assign(new Map<number, { r: number; c: number }>(), { last: groupRow });
  for (let r = groupRow + 1; r <= block.r1; r++) {
    if (isNoteRow(view, r, span)) break;
    const label = stripNumbering(view.text(r, labelCol).replace(/^其中:/, '').replace(/^\(\d+\)/, ''));
    const n = label ? itemIndex(label) : null;
    if (n === null) continue;
    if (!cells.has(n)) {
      cells.set(n, { r, c: budget });
      cells.set(n + 6, { r, c: actual });
    }
    cells.last = r;
  }
  return cells.size >= 6 ? cells : null;
}

/** The table from the cell of each 栏次 (1–12); a 栏次 without a cell is a missing column. */
function sanGong(
  block: Block,
  span: Span,
  unit: Unit,
  factory: AmountFactory,
  notes: RecognitionNote[],
  cells: ReadonlyMap<number, { r: number; c: number }>,
  groupRow: number,
  lastRow: number,
): SanGongTable {
  const { view } = block;
  const amounts = new Map<number, Amount>();
  for (let n = 1; n <= 12; n++) {
    const at = cells.get(n);
    if (!at) {
      notes.push({ kind: 'column-missing', table: '09', at: view.ref(groupRow, span.c0), column: `${SANGONG_COLUMNS[n]}（栏次 ${n}）` });
      continue;
    }
    const a = factory.read('09', unit, view, at.r, at.c, `${tableLabel('09')} ${SANGONG_COLUMNS[n]}`);
    if (a) amounts.set(n, a);
  }
  return {
    kind: 'sangong',
    id: '09',
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, lastRow, span.c1),
    title: block.title || TABLE_TITLES['09'],
    unit,
    step: factory.stepFor(unit),
    amounts,
  };
}
