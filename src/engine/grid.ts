/**
 * The engine's only view of a workbook: sheets of cells plus merged ranges.
 * Every host (files, Office.js, tests) builds one of these; nothing else about the host leaks in.
 */
export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** Stored value: a number, text, boolean, or null when empty. */
  readonly value: CellValue;
  /** Text as Excel shows it, when the host knows it. */
  readonly text?: string;
  /** Number format code, e.g. `#,##0.00`. */
  readonly numFmt?: string;
}

/** A rectangle, 0-based and inclusive. */
export interface CellRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

export interface GridSheet {
  readonly name: string;
  /** Row-major cells, 0-based; rows and cells may be missing (empty). */
  readonly rows: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  readonly merges: ReadonlyArray<CellRange>;
}

export interface Grid {
  readonly sheets: ReadonlyArray<GridSheet>;
}

export function cellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  return sheet.rows[r]?.[c];
}

export function rowCount(sheet: GridSheet): number {
  return sheet.rows.length;
}

export function colCount(sheet: GridSheet): number {
  let n = 0;
  for (const row of sheet.rows) if (row && row.length > n) n = row.length;
  return n;
}

/** Builds a sheet from literal rows; handy for tests and for hosts that already have a 2-D array. */
export function sheetFromValues(name: string, values: ReadonlyArray<ReadonlyArray<CellValue | undefined>>, merges: CellRange[] = []): GridSheet {
  return {
    name,
    rows: values.map((row) => row.map((v) => (v === undefined || v === null || v === '' ? undefined : { value: v }))),
    merges,
  };
}
