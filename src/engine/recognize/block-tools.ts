import { Unit } from '../model';
import { Block } from './locate';
import { SheetView } from './sheet-view';
import { norm } from './text';

export interface Span {
  readonly c0: number;
  readonly c1: number;
}

/** Columns the block uses (first to last filled column). */
export function blockSpan(b: Block): Span {
  let c0 = Infinity;
  let c1 = -1;
  for (let r = b.r0; r <= b.r1; r++) {
    const cols = b.view.filledCols(r);
    if (cols.length) {
      c0 = Math.min(c0, cols[0]);
      c1 = Math.max(c1, cols[cols.length - 1]);
    }
  }
  return c1 < 0 ? { c0: 0, c1: 0 } : { c0, c1 };
}

/** The unit from the 金额单位 line (or the title); null when no line says it. */
export function findUnit(b: Block, span: Span): { unit: Unit; row: number; col: number } | null {
  const last = Math.min(b.r1, b.r0 + 8);
  for (let r = b.r0; r <= last; r++) {
    for (let c = span.c0; c <= span.c1; c++) {
      if (!b.view.isText(r, c)) continue;
      const t = b.view.text(r, c);
      const m = /单位:?(万元|元)/.exec(t) ?? /\((万元|元)\)/.exec(t);
      if (m) return { unit: m[1] as Unit, row: r, col: c };
    }
  }
  return null;
}

export function isNoteRow(view: SheetView, r: number, span: Span): boolean {
  const first = view.firstFilled(r, span.c0, span.c1);
  if (first < 0) return false;
  const t = view.text(r, first);
  return /^(注|说明|备注)[:\d、.]/.test(t) || /^注$/.test(t);
}

/** A note saying the table is empty: `本单位当年无…`, `说明：…本年度没有…，故本表无数据。` (not the template's instruction). */
export function isEmptyNote(text: string): boolean {
  const t = text.replace(/^(注|说明|备注)\d?[:、.]?/, '');
  return /^本(单位|部门).*(无|没有)/.test(t) || /空表|本表无数据/.test(t);
}

/**
 * The 栏次 row: a row with a `栏次` cell, or a row whose cells are only the numbers 1…n in order (as in 公开09表).
 * Returns the 栏次 number of each column that carries one.
 */
export function findLanciRow(view: SheetView, r0: number, r1: number, span: Span): { row: number; cols: Map<number, number> } | null {
  for (let r = r0; r <= r1; r++) {
    const cols = view.filledCols(r, span.c0, span.c1);
    if (!cols.length) continue;
    const hasWord = cols.some((c) => view.text(r, c) === '栏次');
    const numbered = cols.filter((c) => /^\d{1,2}$/.test(view.text(r, c)));
    const others = cols.filter((c) => view.text(r, c) !== '栏次' && !/^\d{1,2}$/.test(view.text(r, c)));
    if (others.length) continue;
    const nums = numbered.map((c) => Number(view.text(r, c)));
    const ascending = nums.every((n, i) => i === 0 || n > nums[i - 1]);
    if ((hasWord && nums.length >= 1) || (nums.length >= 3 && nums[0] === 1 && ascending && nums.every((n, i) => n === i + 1))) {
      return { row: r, cols: new Map(numbered.map((c) => [c, Number(view.text(r, c))])) };
    }
  }
  return null;
}

/** Concatenated header text of a column over rows r0…r1 (merged ranges spread their text). */
export function columnHeader(view: SheetView, r0: number, r1: number, c: number): string {
  let s = '';
  for (let r = r0; r <= r1; r++) {
    const t = view.headerText(r, c);
    if (t && !/^(栏次|\d{1,2})$/.test(t) && !s.endsWith(t)) s += t;
  }
  return s;
}

/** Header rows lie between the 部门/单位 line and the data; this finds the first one. */
export function headerStart(view: SheetView, b: Block, span: Span, unitRow: number | null): number {
  let r = b.r0 + 1;
  const limit = Math.min(b.r1, b.r0 + 6);
  for (let i = b.r0 + 1; i <= limit; i++) {
    if (view.filledCols(i, span.c0, span.c1).some((c) => isPreamble(view, i, c))) r = i + 1;
  }
  return unitRow !== null ? Math.max(r, unitRow + 1) : r;
}

/** A cell of the lines above the header: 部门/单位, 表号, year or unit. */
function isPreamble(view: SheetView, r: number, c: number): boolean {
  // Each pattern needs a word (a year reads 2024年), so numbers need no look: the first data rows are mostly amounts.
  if (!view.isText(r, c)) return false;
  const t = view.text(r, c);
  return /^(部门|编制单位|单位名称|单位)[:]/.test(t) || /^公开0?\d表$/.test(t) || /^\d{4}年度?$/.test(t) || /单位:?(万元|元)/.test(t);
}

export { norm };
