import { Amount, SanGongTable, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, findLanciRow, headerStart, isNoteRow } from './block-tools';
import { Block } from './locate';
import { RecognitionNote } from './notes';

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

/** Position (1–6) of a column inside its 预算数 or 决算数 group, from its header text. */
function itemIndex(h: string): number | null {
  if (/小计/.test(h)) return 3;
  if (/因公出国/.test(h)) return 2;
  if (/接待/.test(h)) return 6;
  if (/运行(维护)?费$/.test(h) && !/购置及/.test(h)) return 5;
  if (/购置费$/.test(h) && !/运行/.test(h)) return 4;
  if (/购置及运行/.test(h)) return 3;
  if (/合计/.test(h)) return 1;
  return null;
}

const GROUP = /^(预算|决算)数?$/;

/** 0 for a 预算数 column, 6 for a 决算数 column, from any of its header texts (a merged group header spreads over its items). */
function groupOffset(texts: ReadonlyArray<string>): 0 | 6 | null {
  for (const t of texts) {
    if (GROUP.test(t)) return t.startsWith('预算') ? 0 : 6;
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
  const amounts = new Map<number, Amount>();
  for (let n = 1; n <= 12; n++) {
    const c = cols.get(n);
    if (c === undefined) {
      notes.push({ kind: 'column-missing', table: '09', at: view.ref(groupRow, span.c0), column: `${SANGONG_COLUMNS[n]}（栏次 ${n}）` });
      continue;
    }
    if (dataIsNote) continue;
    const a = factory.read('09', unit, view, dataRow, c, `${tableLabel('09')} ${SANGONG_COLUMNS[n]}`);
    if (a) amounts.set(n, a);
  }
  return {
    kind: 'sangong',
    id: '09',
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, dataIsNote ? headerEnd : dataRow, span.c1),
    title: block.title || TABLE_TITLES['09'],
    unit,
    step: factory.stepFor(unit),
    amounts,
  };
}
