import { Amount, CodedRow, CodedTable, CodeLevel, TABLE_TITLES, tableLabel, Unit } from '../model';
import { AmountFactory } from './amounts';
import { blockSpan, columnHeader, findLanciRow, headerStart, isEmptyNote, isNoteRow, Span } from './block-tools';
import { Block } from './locate';
import { RecognitionNote } from './notes';
import { SheetView } from './sheet-view';
import { norm } from './text';
import { CODED_COLUMNS, ColumnWords } from './vocabulary';

type CodedId = CodedTable['id'];

/** 栏次 → column name per table, in 栏次 order (sorted once; each table gets its own Map). */
const COLUMN_NAMES = {} as Record<CodedId, ReadonlyArray<[number, string]>>;
for (const id of Object.keys(CODED_COLUMNS) as CodedId[]) {
  COLUMN_NAMES[id] = CODED_COLUMNS[id].map(([n, , name]) => [n, name] as [number, string]).sort((a, b) => a[0] - b[0]);
}

export function columnNames(id: CodedId): Map<number, string> {
  return new Map(COLUMN_NAMES[id]);
}

interface CodeColumns {
  readonly headerRow: number;
  /** One code column, or 类/款/项 columns. */
  readonly code: number | null;
  readonly split: { lei: number; kuan: number; xiang: number } | null;
  readonly name: number | null;
}

function findCodeColumns(view: SheetView, r0: number, r1: number, span: Span): CodeColumns | null {
  let code: number | null = null;
  let name: number | null = null;
  let headerRow = -1;
  let split: CodeColumns['split'] = null;
  for (let r = r0; r <= r1; r++) {
    for (let c = span.c0; c <= span.c1; c++) {
      // Header words are text; numbers and blanks cannot match.
      if (!view.isText(r, c)) continue;
      const t = view.text(r, c);
      if (code === null && /科目(编码|代码)|功能分类/.test(t) && !/名称/.test(t)) {
        code = c;
        headerRow = r;
      }
      if (name === null && /名称$/.test(t)) name = c;
      if (t === '类' && view.text(r, c + 1) === '款' && view.text(r, c + 2) === '项') {
        split = { lei: c, kuan: c + 1, xiang: c + 2 };
        headerRow = Math.max(headerRow, r);
      }
    }
  }
  if (code === null && split === null) return null;
  return { headerRow, code: split ? null : code, split, name };
}

function padPart(t: string): string {
  return /^\d$/.test(t) ? `0${t}` : t;
}

function cellCode(view: SheetView, r: number, cols: CodeColumns, carry: { lei: string; kuan: string }): { code: string; nameInCode: string } {
  if (cols.split) {
    const lei = view.text(r, cols.split.lei);
    const kuan = padPart(view.text(r, cols.split.kuan));
    const xiang = padPart(view.text(r, cols.split.xiang));
    if (!lei && !kuan && !xiang) return { code: '', nameInCode: '' };
    // A 款 row may show only its 款 and a 项 row only its 项: carry the parents forward.
    const l = lei || carry.lei;
    const k = xiang && !kuan ? carry.kuan : kuan;
    const code = xiang ? `${l}${k}${xiang}` : kuan ? `${l}${kuan}` : l;
    if (/^\d{3}$/.test(l)) carry.lei = l;
    if (kuan) carry.kuan = kuan;
    return { code, nameInCode: '' };
  }
  const raw = view.text(r, cols.code!);
  const m = /^(\d{3,9})(\D.*)?$/.exec(raw);
  if (m) return { code: m[1], nameInCode: m[2] ?? '' };
  return { code: raw, nameInCode: '' };
}

const LEVELS: Record<number, CodeLevel> = { 3: '类', 5: '款', 7: '项' };

export function readCodedTable(block: Block, id: CodedId, unit: Unit, factory: AmountFactory, notes: RecognitionNote[]): CodedTable | null {
  const { view } = block;
  const span = blockSpan(block);
  const start = headerStart(view, block, span, null);
  const scanEnd = Math.min(block.r1, start + 8);
  const cols = findCodeColumns(view, start, scanEnd, span);
  const lanci = findLanciRow(view, start, scanEnd, span);
  if (!cols) {
    // 07/08 are often published as the title and a note only (本单位当年无…): an empty table, not a broken one.
    const note = emptyNoteIn(view, block, span);
    if (note) return emptyTable(block, id, unit, factory, note.text, note.row, span);
    notes.push({ kind: 'column-missing', table: id, at: view.ref(start, span.c0), column: '科目编码' });
    return null;
  }
  const codeCols = new Set([cols.code, cols.name, cols.split?.lei, cols.split?.kuan, cols.split?.xiang]);
  const headerEnd = extendHeader(view, lanci ? lanci.row : cols.headerRow, block.r1, span, codeCols, CODED_COLUMNS[id]);
  // Amount columns: by 栏次 where the row exists, otherwise (and for any left over) by header text.
  const amountCols = new Map<number, number>();
  const names = columnNames(id);
  if (lanci) for (const [c, n] of lanci.cols) if (names.has(n)) amountCols.set(n, c);
  const taken = new Set([...codeCols, ...amountCols.values()]);
  for (let c = span.c0; c <= span.c1; c++) {
    if (taken.has(c)) continue;
    const h = columnHeader(view, start, headerEnd, c);
    if (!h) continue;
    const spec = CODED_COLUMNS[id].find(([n, re]) => !amountCols.has(n) && re.test(h));
    if (spec) {
      amountCols.set(spec[0], c);
      taken.add(c);
    }
  }
  for (const [n, colName] of names) {
    if (!amountCols.has(n)) notes.push({ kind: 'column-missing', table: id, at: view.ref(headerEnd, span.c0), column: `${colName}（栏次 ${n}）` });
  }
  const nameCol = cols.name ?? (cols.split ? cols.split.xiang + 1 : cols.code! + 1);
  // Read for every data row: each amount column with the end of its label.
  const columnsToRead = [...amountCols].map(([n, c]) => ({ n, c, suffix: `（${names.get(n)}）` }));

  const rows: CodedRow[] = [];
  let total: CodedRow | null = null;
  let emptyNote: string | null = null;
  const carry = { lei: '', kuan: '' };
  let lastRow = headerEnd;
  const seen = new Map<string, CodedRow>();
  let previous = '';
  let afterNotes = false;
  // 上海 prints the 合计 row on the 类 | 款 | 项 header row: 合计 in the name column, its amounts beside it.
  const firstRow = totalOnHeader(view, headerEnd, nameCol, amountCols) ? headerEnd : headerEnd + 1;
  for (let r = firstRow; r <= block.r1; r++) {
    const first = view.firstFilled(r, span.c0, span.c1);
    if (first < 0) continue;
    if (isEmptyNote(view.text(r, first))) {
      emptyNote = view.raw(r, first).trim();
      lastRow = r;
      continue;
    }
    // Notes end the data; a 本单位当年无… line may still follow them.
    if (afterNotes || isNoteRow(view, r, span)) {
      afterNotes = true;
      lastRow = r;
      continue;
    }
    const { code, nameInCode } = r === headerEnd ? { code: '', nameInCode: '' } : cellCode(view, r, cols, carry);
    const nameText = view.raw(r, nameCol).trim() || nameInCode;
    const isTotal = isTotalLabel(code) || isTotalLabel(nameText);
    const codeRef = view.ref(r, cols.split ? cols.split.lei : cols.code!);
    let level: CodedRow['level'];
    if (isTotal) level = '合计';
    else if (/^\d+$/.test(code) && LEVELS[code.length]) level = LEVELS[code.length];
    else {
      if (code || amountColsFilled(view, r, amountCols)) {
        notes.push({ kind: 'code-malformed', table: id, at: codeRef, code: code || '（空）', name: nameText });
      }
      lastRow = r;
      continue;
    }
    const rowLabel = isTotal ? `${tableLabel(id)} 合计` : `${tableLabel(id)} ${code} ${nameText}`;
    const amounts = new Map<number, Amount>();
    for (const { n, c, suffix } of columnsToRead) {
      const a = factory.read(id, unit, view, r, c, rowLabel + suffix);
      if (a) amounts.set(n, a);
    }
    const row: CodedRow = { code: isTotal ? null : code, level, name: isTotal ? '合计' : nameText, row: r, codeRef, nameRef: view.ref(r, nameCol), amounts };
    if (isTotal) total = total ?? row;
    else {
      const dup = seen.get(code);
      if (dup) {
        notes.push({ kind: 'code-duplicate', table: id, at: codeRef, code, first: dup.codeRef });
        lastRow = r;
        continue;
      }
      seen.set(code, row);
      if (previous && code < previous) notes.push({ kind: 'code-order', table: id, at: codeRef, code, previous });
      previous = code;
      rows.push(row);
    }
    lastRow = r;
  }
  for (const row of rows) {
    if (row.level === '类') continue;
    const parent = row.code!.slice(0, row.level === '项' ? 5 : 3);
    if (!seen.has(parent)) notes.push({ kind: 'code-orphan', table: id, at: row.codeRef, code: row.code!, parent });
  }
  if (!total && !rows.length && !emptyNote) notes.push({ kind: 'no-data-rows', table: id, at: view.ref(headerEnd, span.c0) });
  return {
    kind: 'coded',
    id,
    sheet: view.sheet.name,
    range: view.range(block.r0, span.c0, Math.max(lastRow, headerEnd), span.c1),
    title: block.title || TABLE_TITLES[id],
    unit,
    step: factory.stepFor(unit),
    columns: names,
    total,
    rows,
    emptyNote,
  };
}

/**
 * Header rows below the code header: a row whose amount cells are all column words (合计 | 基本支出 | 项目支出) is
 * a header, even when its first cell says 合计 (empty 上海 fund tables print the 合计 label on the sub-header row).
 */
function extendHeader(view: SheetView, from: number, r1: number, span: Span, codeCols: ReadonlySet<number | null | undefined>, specs: ColumnWords): number {
  let end = from;
  for (let r = from + 1; r <= Math.min(r1, from + 2); r++) {
    const amountCells = view.filledCols(r, span.c0, span.c1).filter((c) => !codeCols.has(c));
    const words = amountCells.filter((c) => view.isText(r, c) && specs.some(([, re]) => re.test(view.text(r, c))));
    if (!amountCells.length || words.length !== amountCells.length) break;
    end = r;
  }
  return end;
}

/** Whether the last header row carries the 合计 row: 合计 in the name column and a number in an amount column. */
function totalOnHeader(view: SheetView, r: number, nameCol: number, amountCols: ReadonlyMap<number, number>): boolean {
  if (!isTotalLabel(view.raw(r, nameCol))) return false;
  for (const c of amountCols.values()) if (typeof view.cell(r, c)?.value === 'number' || /^-?[\d,]+(\.\d+)?$/.test(view.text(r, c))) return true;
  return false;
}

/** 合计 or 总计 after normalising; both contain 计, which normalising neither adds nor removes (a cheap first look). */
function isTotalLabel(s: string): boolean {
  return s.includes('计') && /^(合计|总计)$/.test(norm(s));
}

function amountColsFilled(view: SheetView, r: number, cols: Map<number, number>): boolean {
  for (const c of cols.values()) if (view.raw(r, c).trim() !== '') return true;
  return false;
}

function emptyNoteIn(view: SheetView, block: Block, span: Span): { text: string; row: number } | null {
  for (let r = block.r0 + 1; r <= block.r1; r++) {
    for (const c of view.filledCols(r, span.c0, span.c1)) if (isEmptyNote(view.text(r, c))) return { text: view.raw(r, c).trim(), row: r };
  }
  return null;
}

function emptyTable(block: Block, id: CodedId, unit: Unit, factory: AmountFactory, note: string, lastRow: number, span: Span): CodedTable {
  return {
    kind: 'coded',
    id,
    sheet: block.view.sheet.name,
    range: block.view.range(block.r0, span.c0, lastRow, span.c1),
    title: block.title || TABLE_TITLES[id],
    unit,
    step: factory.stepFor(unit),
    columns: columnNames(id),
    total: null,
    rows: [],
    emptyNote: note,
  };
}
