import { TABLE_IDS, TableId } from '../model';
import { SheetView } from './sheet-view';
import { norm } from './text';
import { OTHER_TABLE_ENDING, OTHER_TABLE_WORDS, TITLE_PATTERNS } from './vocabulary';

/** Where a table sits: its sheet, the title row and the rows it may occupy. */
export interface Block {
  readonly view: SheetView;
  /** One of the nine, or null for a table outside them (政府采购情况表 …), listed and left alone. */
  readonly id: TableId | null;
  readonly title: string;
  /** Row of the title (or of the first row when the table was found by sheet name). */
  readonly r0: number;
  /** Last row that may belong to the table (the row before the next table's title). */
  readonly r1: number;
  readonly titleCol: number;
}

/** Removes a unit or year that some publishers put into the title. */
function bareTitle(t: string): string {
  return t
    .replace(/\((金额)?(单位:)?万?元\)$/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/[\d]{4}年度?$/, '');
}

/** Table id from a title cell's normalised text, or null. Order matters: 04 before 01, 06 before 05. */
export function titleId(text: string): TableId | null {
  return normalisedTitleId(norm(text));
}

type TitleKind = TableId | 'other' | null;

function normalisedTitleId(normalised: string): TableId | null {
  const k = titleKind(normalised);
  return k === 'other' ? null : k;
}

function titleKind(normalised: string): TitleKind {
  if (!normalised.includes('表')) return null;
  const t = bareTitle(normalised);
  if (t.length > 60 || !t.endsWith('表') || /^(注|说明|备注)/.test(t) || /本表/.test(t)) return null;
  if (OTHER_TABLE_WORDS.test(t) && !/三公/.test(t)) return t.length >= 5 && OTHER_TABLE_ENDING.test(t) ? 'other' : null;
  for (const p of TITLE_PATTERNS) if (p.title.test(t) && !p.unless?.test(t)) return p.id;
  return t.length <= 40 && /(情况|明细|统计|汇总)表$/.test(t) && /(决算|预算|经费|资产|采购|服务)/.test(t) ? 'other' : null;
}

const NUMERAL_INDEX: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Table id from a 表号 cell (`公开01表`, `公开 1 表`); bare `表7` is ambiguous across years and is not trusted. */
export function tableNumberId(text: string): TableId | null {
  const m = /^公开0?([1-9一二三四五六七八九])表$/.exec(norm(text));
  if (!m) return null;
  const n = NUMERAL_INDEX[m[1]] ?? Number(m[1]);
  return TABLE_IDS[n - 1] ?? null;
}

/** Table id from a sheet name such as `公开03表`, `表3`, `3支出决算表` or the title itself. */
export function sheetNameId(name: string): TableId | null {
  const t = norm(name);
  const byNumber = tableNumberId(t) ?? (/^表0?([1-9])$/.exec(t) ? TABLE_IDS[Number(/^表0?([1-9])$/.exec(t)![1]) - 1] : null);
  if (byNumber) return byNumber;
  const stripped = t.replace(/^\d+/, '');
  return titleId(stripped) ?? titleId(`${stripped}表`);
}

const MAX_SCAN_CELLS = 2_000_000;

/** Finds every table on a sheet by its title cells (or 表号 cells when titles are missing). */
export function locateBlocks(view: SheetView): Block[] {
  const anchors: Array<{ id: TableId | null; r: number; c: number; title: string }> = [];
  const numbers: Array<{ id: TableId; r: number; c: number }> = [];
  const limitRows = Math.min(view.rows, Math.floor(MAX_SCAN_CELLS / Math.max(1, view.cols)));
  for (let r = 0; r < limitRows; r++) {
    for (const c of view.filledCols(r)) {
      // Titles and 表号 are text containing 表 (normalising neither adds nor removes it); others need no look.
      const v = view.cell(r, c)?.value;
      if (typeof v !== 'string' || !v.includes('表')) continue;
      const t = view.text(r, c);
      if (t.length > 80) continue;
      const kind = titleKind(t);
      if (kind) anchors.push({ id: kind === 'other' ? null : kind, r, c, title: view.raw(r, c).replace(/\s+/g, '') });
      else {
        const n = tableNumberId(t);
        if (n) numbers.push({ id: n, r, c });
      }
    }
  }
  // A 表号 without a title nearby starts a table of its own.
  for (const n of numbers) {
    if (!anchors.some((a) => a.id === n.id && Math.abs(a.r - n.r) <= 3)) anchors.push({ id: n.id, r: Math.max(0, n.r - 1), c: n.c, title: '' });
  }
  anchors.sort((a, b) => a.r - b.r || a.c - b.c);
  // Two anchors on one row (a title and a stray mention) count once.
  const unique = anchors.filter((a, i) => i === 0 || anchors[i - 1].r !== a.r);
  if (unique.length === 0) {
    const id = sheetNameId(view.sheet.name);
    return id ? [{ view, id, title: '', r0: 0, r1: view.rows - 1, titleCol: 0 }] : [];
  }
  return unique.map((a, i) => ({
    view,
    id: a.id,
    title: a.title,
    r0: a.r,
    r1: (i + 1 < unique.length ? unique[i + 1].r : view.rows) - 1,
    titleCol: a.c,
  }));
}
