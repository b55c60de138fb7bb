/** A1 addresses. A cell reference names its sheet so that a finding can always point back. */
export interface CellRef {
  readonly sheet: string;
  /** A1 address without `$`, e.g. `G38`. */
  readonly cell: string;
}

/** Letters of the columns asked for so far (at most Excel's 16,384): every amount's reference needs them. */
const LETTERS: string[] = [];

export function columnLetters(c: number): string {
  return (LETTERS[c] ??= lettersOf(c));
}

function lettersOf(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

export function a1Range(r0: number, c0: number, r1: number, c1: number): string {
  return r0 === r1 && c0 === c1 ? a1(r0, c0) : `${a1(r0, c0)}:${a1(r1, c1)}`;
}

/** Parses `G38` (or `$G$38`) to 0-based row and column. */
export function parseA1(address: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${address}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

export function refKey(ref: CellRef): string {
  return `${ref.sheet}!${ref.cell}`;
}

/** Orders references by sheet order given, then row, then column. */
export function compareRefs(a: CellRef, b: CellRef, sheetOrder: (s: string) => number): number {
  const s = sheetOrder(a.sheet) - sheetOrder(b.sheet);
  if (s !== 0) return s;
  const pa = parseA1(a.cell);
  const pb = parseA1(b.cell);
  return pa.r - pb.r || pa.c - pb.c;
}
