import { Amount, SanGongTable, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, columnHeader, findLanciRow, headerStart } from './block-tools';
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

export function readSanGongTable(block: Block, unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): SanGongTable | null {
  const { view } = block;
  const span = blockSpan(block);
  const start = headerStart(view, block, span, null);
  const scanEnd = Math.min(block.r1, start + 6);
  let groupRow = -1;
  let budgetCol = -1;
  let actualCol = -1;
  for (let r = start; r <= scanEnd && groupRow < 0; r++) {
    for (const c of view.filledCols(r, span.c0, span.c1)) {
      const t = view.text(r, c);
      if (/^预算数?$/.test(t)) budgetCol = c;
      if (/^决算数?$/.test(t)) actualCol = c;
    }
    if (budgetCol >= 0 && actualCol >= 0) groupRow = r;
    else budgetCol = actualCol = -1;
  }
  if (groupRow < 0) {
    notes.push({ kind: 'column-missing', table: '09', at: view.ref(start, span.c0), column: '预算数、决算数' });
    return null;
  }
  const lanci = findLanciRow(view, groupRow + 1, scanEnd, span);
  // Without a 栏次 row the data row is the first one holding a number below the headers.
  let dataRow = lanci ? lanci.row + 1 : -1;
  for (let r = groupRow + 1; r <= block.r1 && dataRow < 0; r++) {
    if (view.filledCols(r, span.c0, span.c1).some((c) => typeof view.cell(r, c)?.value === 'number' || /^[\d,.]+$/.test(view.text(r, c)))) dataRow = r;
  }
  if (dataRow < 0) dataRow = scanEnd + 1;
  const cols = new Map<number, number>();
  if (lanci && lanci.cols.size >= 12) {
    for (const [c, n] of lanci.cols) if (n >= 1 && n <= 12) cols.set(n, c);
  } else {
    const headerEnd = lanci ? lanci.row - 1 : dataRow - 1;
    for (let c = span.c0; c <= span.c1; c++) {
      const offset = actualCol > budgetCol ? (c >= actualCol ? 6 : c >= budgetCol ? 0 : -1) : c >= budgetCol ? 0 : c >= actualCol ? 6 : -1;
      if (offset < 0) continue;
      const i = itemIndex(columnHeader(view, groupRow + 1, headerEnd, c));
      if (i !== null && !cols.has(offset + i)) cols.set(offset + i, c);
    }
  }
  const amounts = new Map<number, Amount>();
  for (let n = 1; n <= 12; n++) {
    const c = cols.get(n);
    if (c === undefined) {
      notes.push({ kind: 'column-missing', table: '09', at: view.ref(groupRow, span.c0), column: `${SANGONG_COLUMNS[n]}（栏次 ${n}）` });
      continue;
    }
    const a = factory.read('09', unit, view, dataRow, c, `${tableLabel('09')} ${SANGONG_COLUMNS[n]}`);
    if (a) amounts.set(n, a);
  }
  return {
    kind: 'sangong',
    id: '09',
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, dataRow, span.c1),
    title: block.title || TABLE_TITLES['09'],
    unit,
    step: factory.stepFor(unit),
    amounts,
  };
}
