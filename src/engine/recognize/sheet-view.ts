import { a1, a1Range, CellRef } from '../a1';
import { cellAt, colCount, GridCell, GridSheet } from '../grid';
import { norm, rawText } from './text';

/** Read helpers over one sheet, with merged ranges resolved for header text. */
export class SheetView {
  readonly rows: number;
  readonly cols: number;
  /** By row, then column: the top-left cell of the merged range covering a cell (other than that cell). */
  private readonly mergeOwner: Array<Array<{ r: number; c: number } | undefined> | undefined> = [];
  /** Normalised texts, computed once per cell: the recognizer looks at header cells many times. */
  private readonly normCache: Array<Array<string | undefined> | undefined> = [];
  private readonly filledCache: Array<number[] | undefined> = [];

  constructor(readonly sheet: GridSheet) {
    this.rows = sheet.rows.length;
    this.cols = colCount(sheet);
    for (const m of sheet.merges) {
      // Bound the work for absurd merges (a fuzzed file can merge a whole sheet).
      if ((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) > 20000) continue;
      const owner = { r: m.r0, c: m.c0 };
      for (let r = m.r0; r <= m.r1; r++) {
        const row = (this.mergeOwner[r] ??= []);
        for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) row[c] = owner;
      }
    }
  }

  cell(r: number, c: number): GridCell | undefined {
    return cellAt(this.sheet, r, c);
  }

  raw(r: number, c: number): string {
    return rawText(this.cell(r, c)?.value);
  }

  /** Whether the cell holds text: labels and headers are text, so scans for them skip numbers and blanks. */
  isText(r: number, c: number): boolean {
    return typeof this.cell(r, c)?.value === 'string';
  }

  /** Normalised text of the cell itself. */
  text(r: number, c: number): string {
    const row = (this.normCache[r] ??= []);
    return (row[c] ??= norm(this.raw(r, c)));
  }

  /** Normalised text, taking a merged range's text for every cell it covers (headers). */
  headerText(r: number, c: number): string {
    const owner = this.mergeOwner[r]?.[c];
    return owner ? this.text(owner.r, owner.c) : this.text(r, c);
  }

  isCoveredByMerge(r: number, c: number): boolean {
    return this.mergeOwner[r]?.[c] !== undefined;
  }

  ref(r: number, c: number): CellRef {
    return { sheet: this.sheet.name, cell: a1(r, c) };
  }

  range(r0: number, c0: number, r1: number, c1: number): string {
    return a1Range(r0, c0, r1, c1);
  }

  /** Non-empty columns of a row, in order. */
  filledCols(r: number, c0 = 0, c1 = this.cols - 1): number[] {
    let all = this.filledCache[r];
    if (!all) {
      all = [];
      const row = this.sheet.rows[r];
      if (row)
        for (let c = 0; c < row.length; c++) {
          const v = row[c]?.value;
          if (v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '')) all.push(c);
        }
      this.filledCache[r] = all;
    }
    return c0 === 0 && c1 >= this.cols - 1 ? all : all.filter((c) => c >= c0 && c <= c1);
  }

  /** First non-empty column of a row within c0…c1, or -1; no array is made (called for every data row). */
  firstFilled(r: number, c0: number, c1: number): number {
    for (const c of this.filledCols(r)) if (c >= c0) return c <= c1 ? c : -1;
    return -1;
  }

  rowIsBlank(r: number, c0 = 0, c1 = this.cols - 1): boolean {
    return this.firstFilled(r, c0, c1) < 0;
  }
}
