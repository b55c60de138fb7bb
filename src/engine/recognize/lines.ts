import { Amount, ClassKey, isClassKey, Line, Line01Key, Line04Key, LinesTable, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, columnHeader, findLanciRow, headerStart, isNoteRow } from './block-tools';
import { Block } from './locate';
import { RecognitionNote } from './notes';
import { SheetView } from './sheet-view';
import { norm, stripNumbering } from './text';
import { LINES_01_EXPENSE, LINES_01_INCOME, LINES_04_CLOSING, LINES_04_EXPENSE, LINES_04_INCOME, LINES_04_KINDS } from './vocabulary';

/** The 26 功能分类 类 lines shared by 01 and 04 (2024 科目), with their 01 行次. */
export const EXPENSE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['201', '一般公共服务支出'],
  ['202', '外交支出'],
  ['203', '国防支出'],
  ['204', '公共安全支出'],
  ['205', '教育支出'],
  ['206', '科学技术支出'],
  ['207', '文化旅游体育与传媒支出'],
  ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'],
  ['211', '节能环保支出'],
  ['212', '城乡社区支出'],
  ['213', '农林水支出'],
  ['214', '交通运输支出'],
  ['215', '资源勘探工业信息等支出'],
  ['216', '商业服务业等支出'],
  ['217', '金融支出'],
  ['219', '援助其他地区支出'],
  ['220', '自然资源海洋气象等支出'],
  ['221', '住房保障支出'],
  ['222', '粮油物资储备支出'],
  ['223', '国有资本经营预算支出'],
  ['224', '灾害防治及应急管理支出'],
  ['229', '其他支出'],
  ['231', '债务还本支出'],
  ['232', '债务付息支出'],
  ['234', '抗疫特别国债安排的支出'],
];

const CLASS_BY_NAME = new Map(EXPENSE_CLASSES.map(([code, name]) => [name, code]));

/**
 * 类 code of an expense line label, already normalised (`norm`); PDF-narrow columns truncate names, so a long
 * enough prefix counts.
 */
export function expenseClassCode(normalised: string): string | null {
  const t = stripNumbering(normalised);
  if (t.length < 3) return null;
  const exact = CLASS_BY_NAME.get(t);
  if (exact) return exact;
  if (t.length >= 6) for (const [code, name] of EXPENSE_CLASSES) if (name.startsWith(t)) return code;
  return null;
}

/** Display names of the keyed lines, for messages and for the narrative. */
export const LINE_NAMES_01: Record<string, string> = {
  r1: '一般公共预算财政拨款收入',
  r2: '政府性基金预算财政拨款收入',
  r3: '国有资本经营预算财政拨款收入',
  r4: '上级补助收入',
  r5: '事业收入',
  r6: '经营收入',
  r7: '附属单位上缴收入',
  r8: '其他收入',
  r27: '本年收入合计',
  r28: '使用非财政拨款结余',
  r29: '年初结转和结余',
  r30: '收入总计',
  r57: '本年支出合计',
  r58: '结余分配',
  r59: '年末结转和结余',
  r60: '支出总计',
};

export const LINE_NAMES_04: Record<string, string> = {
  r1: '一般公共预算财政拨款',
  r2: '政府性基金预算财政拨款',
  r3: '国有资本经营预算财政拨款',
  r27: '本年收入合计',
  r28: '年初财政拨款结转和结余',
  r29: '年初结转和结余（一般公共预算财政拨款）',
  r30: '年初结转和结余（政府性基金预算财政拨款）',
  r31: '年初结转和结余（国有资本经营预算财政拨款）',
  r32: '收入总计',
  r59: '本年支出合计',
  r60: '年末财政拨款结转和结余',
  r61: '年末结转和结余（一般公共预算财政拨款）',
  r62: '年末结转和结余（政府性基金预算财政拨款）',
  r63: '年末结转和结余（国有资本经营预算财政拨款）',
  r64: '支出总计',
};

export const COLUMN_NAMES_04: Record<number, string> = {
  1: '金额',
  2: '合计',
  3: '一般公共预算财政拨款',
  4: '政府性基金预算财政拨款',
  5: '国有资本经营预算财政拨款',
};

function firstKey<K extends string>(list: ReadonlyArray<readonly [K, RegExp]>, t: string): K | null {
  for (const [key, re] of list) if (re.test(t)) return key;
  return null;
}

function classKey(t: string): ClassKey | null {
  const code = expenseClassCode(t);
  return code ? `c${code}` : null;
}

function incomeKey04(t: string, afterOpening: boolean): Line04Key | null {
  for (const [re, income, opening] of LINES_04_KINDS) if (re.test(t)) return afterOpening ? opening : income;
  return firstKey(LINES_04_INCOME, t);
}

function expenseKey04(t: string, afterClosing: boolean): Line04Key | ClassKey | null {
  return firstKey(LINES_04_EXPENSE, t) ?? (afterClosing ? firstKey(LINES_04_CLOSING, t) : null) ?? classKey(t);
}

interface Side {
  readonly label: number;
  readonly rowNo: number | null;
  /** 栏次 → column. */
  readonly amounts: Map<number, number>;
  /** The same with the end of each amount's label, as read for every line. */
  readonly columns: ReadonlyArray<{ n: number; c: number; suffix: string }>;
}

/**
 * Lines the relations need: a missing one is reported (structure/layout) rather than its relations dropped in
 * silence. 04 rows 61–63 (年末 by kind) are often left out and only checked where printed.
 */
const REQUIRED_01: ReadonlyArray<Line01Key> = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r27', 'r28', 'r29', 'r30', 'r57', 'r58', 'r59', 'r60'];
const REQUIRED_04: ReadonlyArray<Line04Key> = ['r1', 'r2', 'r3', 'r27', 'r28', 'r29', 'r30', 'r31', 'r32', 'r59', 'r60', 'r64'];

export function readLinesTable(block: Block, id: '01' | '04', unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): LinesTable | null {
  const { view } = block;
  const span = blockSpan(block);
  const start = headerStart(view, block, span, null);
  const scanEnd = Math.min(block.r1, start + 6);
  // The header row with the two 项目 cells splits the table into its income and expense sides.
  let headerRow = -1;
  let labelCols: number[] = [];
  for (let r = start; r <= scanEnd && headerRow < 0; r++) {
    const cols = view.filledCols(r, span.c0, span.c1).filter((c) => /^项目$/.test(view.text(r, c)));
    if (cols.length >= 2) {
      headerRow = r;
      labelCols = cols.slice(0, 2);
    }
  }
  if (headerRow < 0) {
    notes.push({ kind: 'column-missing', table: id, at: view.ref(start, span.c0), column: '项目（收入、支出两侧）' });
    return null;
  }
  const lanci = findLanciRow(view, headerRow, scanEnd, span);
  const headerEnd = lanci ? lanci.row : headerRow;
  const sides: Side[] = labelCols.map((labelCol, i) => {
    const end = i === 0 ? labelCols[1] - 1 : span.c1;
    let rowNo: number | null = null;
    const amounts = new Map<number, number>();
    for (let c = labelCol + 1; c <= end; c++) {
      const h = columnHeader(view, headerRow, headerEnd, c);
      if (/^行次$/.test(h)) {
        rowNo = c;
        continue;
      }
      const n = lanci?.cols.get(c);
      if (n !== undefined) amounts.set(n, c);
      else if (id === '01' && /金额|决算数/.test(h)) amounts.set(i === 0 ? 1 : 2, c);
      else if (id === '04' && i === 0 && /金额|决算数/.test(h)) amounts.set(1, c);
      else if (id === '04' && i === 1) {
        const n04 = /合计/.test(h) ? 2 : /一般公共预算/.test(h) ? 3 : /政府性基金/.test(h) ? 4 : /国有资本/.test(h) ? 5 : null;
        if (n04 !== null) amounts.set(n04, c);
      }
    }
    // 04's expense side names the column in each label.
    const columns = [...amounts].map(([n, c]) => ({ n, c, suffix: id === '04' && i === 1 ? `（${COLUMN_NAMES_04[n]}）` : '' }));
    return { label: labelCol, rowNo, amounts, columns };
  });
  const expected = id === '01' ? [[1], [2]] : [[1], [2, 3, 4, 5]];
  sides.forEach((s, i) => {
    for (const n of expected[i]) {
      if (!s.amounts.has(n)) notes.push({ kind: 'column-missing', table: id, at: view.ref(headerEnd, s.label), column: id === '04' ? `${COLUMN_NAMES_04[n]}（栏次 ${n}）` : `金额（栏次 ${n}）` });
    }
  });

  const lines = new Map<Line01Key | Line04Key | ClassKey, Line>();
  const names = id === '01' ? LINE_NAMES_01 : LINE_NAMES_04;
  let afterOpening = false;
  let afterClosing = false;
  let lastRow = headerEnd;
  for (let r = headerEnd + 1; r <= block.r1; r++) {
    if (view.rowIsBlank(r, span.c0, span.c1)) continue;
    if (isNoteRow(view, r, span)) break;
    lastRow = r;
    sides.forEach((side, i) => {
      const rawLabel = view.raw(r, side.label).trim();
      const t = stripNumbering(norm(rawLabel));
      let key: Line01Key | Line04Key | ClassKey | null = null;
      if (t) {
        if (id === '01') key = i === 0 ? firstKey(LINES_01_INCOME, t) : (firstKey(LINES_01_EXPENSE, t) ?? classKey(t));
        else key = i === 0 ? incomeKey04(t, afterOpening) : expenseKey04(t, afterClosing);
      } else if (id === '04' && i === 1 && afterClosing && side.rowNo !== null) {
        // 04 rows 61–63 are often printed with their 行次 only.
        const n = Number(view.text(r, side.rowNo));
        const closing = LINES_04_CLOSING[n - 61];
        if (closing) key = closing[0];
      }
      if (!key) return;
      if (key === 'r28' && id === '04') afterOpening = true;
      if (key === 'r60' && id === '04') afterClosing = true;
      if (lines.has(key)) return;
      const lineName = isClassKey(key) ? rawLabel : names[key];
      const amounts = new Map<number, Amount>();
      const lineLabel = `${tableLabel(id)} ${lineName}`;
      for (const { n, c, suffix } of side.columns) {
        const a = factory.read(id, unit, view, r, c, lineLabel + suffix);
        if (a) amounts.set(n, a);
      }
      lines.set(key, { key, label: rawLabel, labelRef: view.ref(r, side.label), amounts });
    });
  }
  for (const key of id === '01' ? REQUIRED_01 : REQUIRED_04) {
    if (!lines.has(key)) notes.push({ kind: 'line-missing', table: id, at: view.ref(headerEnd, span.c0), line: names[key] });
  }
  const base = {
    kind: 'lines' as const,
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, lastRow, span.c1),
    title: block.title || TABLE_TITLES[id],
    unit,
    step: factory.stepFor(unit),
  };
  // The keys come from 01's lists for 01 and from 04's for 04.
  return id === '01' ? { ...base, id, lines: lines as Map<Line01Key | ClassKey, Line> } : { ...base, id, lines: lines as Map<Line04Key | ClassKey, Line> };
}

export type { SheetView };
