/**
 * Missing 合计, 类 and 款 rows of the coded tables (02, 03, 05, 07, 08). The recognizer only reads printed rows,
 * so a table entered at 项 level has no cells for its 款 and 类 totals: the host inserts these rows first
 * (whole sheet rows, shifting the rows below down), then plans the fill, which derives their amounts.
 */
import { parseA1 } from '../a1';
import { Grid, GridCell } from '../grid';
import { CodedRow, codedTable, Workbook } from '../model';
import { BUNDLED_CATALOGUE, SubjectCatalogue } from '../subjects';

export interface RowProposal {
  readonly table: '02' | '03' | '05' | '07' | '08';
  readonly sheet: string;
  /** 0-based sheet row the new row goes before; that row and the rows below move down by one. */
  readonly before: number;
  readonly level: '合计' | '类' | '款';
  /** Null for the 合计 row. */
  readonly code: string | null;
  /** Cells of the new row: 0-based column and value (code cells as text, the 科目名称 when it is known). */
  readonly cells: ReadonlyArray<{ readonly col: number; readonly value: string }>;
}

/** Whether the table writes codes in 类/款/项 columns (a 项 row's code cell holds 3 digits, not 7). */
function isSplit(grid: Grid, rows: ReadonlyArray<CodedRow>): boolean {
  const sheetOf = (sheet: string) => grid.sheets.find((s) => s.name === sheet);
  return rows.some((row) => {
    const { r, c } = parseA1(row.codeRef.cell);
    const raw = String(sheetOf(row.codeRef.sheet)?.rows[r]?.[c]?.value ?? '').trim();
    return row.code !== null && raw.length > 0 && raw.length < row.code.length;
  });
}

/**
 * The rows to insert, in table order. Each parent goes right before the first printed row below it; a 类 and
 * its 款 that both go before the same row are listed 类 first.
 */
export function missingRows(grid: Grid, wb: Workbook, catalogue: SubjectCatalogue = BUNDLED_CATALOGUE): RowProposal[] {
  const out: RowProposal[] = [];
  for (const id of ['02', '03', '05', '07', '08'] as const) {
    const t = codedTable(wb, id);
    if (!t || !t.rows.length) continue;
    const split = isSplit(grid, t.rows);
    const codeCol = parseA1(t.rows[0].codeRef.cell).c;
    const nameCol = parseA1(t.rows[0].nameRef.cell).c;
    const present = new Set(t.rows.map((r) => r.code));
    const add = (before: number, level: RowProposal['level'], code: string | null) => {
      const cells: Array<{ col: number; value: string }> = [];
      if (code === null) cells.push({ col: codeCol, value: '合计' });
      else if (split) {
        cells.push({ col: codeCol, value: code.slice(0, 3) });
        if (code.length === 5) cells.push({ col: codeCol + 1, value: code.slice(3, 5) });
      } else cells.push({ col: codeCol, value: code });
      const name = code === null ? undefined : catalogue.name(code);
      if (name) cells.push({ col: nameCol, value: name });
      out.push({ table: id, sheet: t.sheet, before, level, code, cells });
    };
    if (!t.total) add(t.rows[0].row, '合计', null);
    for (const row of t.rows) {
      const parents = row.level === '项' ? [row.code!.slice(0, 3), row.code!.slice(0, 5)] : row.level === '款' ? [row.code!.slice(0, 3)] : [];
      for (const p of parents) {
        if (present.has(p)) continue;
        present.add(p);
        add(row.row, p.length === 3 ? '类' : '款', p);
      }
    }
  }
  return out;
}

/**
 * The grid with the rows inserted (what a host's insertion gives; for re-planning and tests). Merged ranges at
 * or below an insertion move down with their rows.
 */
export function insertRows(grid: Grid, proposals: ReadonlyArray<RowProposal>): Grid {
  return {
    sheets: grid.sheets.map((s) => {
      const mine = proposals.filter((p) => p.sheet === s.name);
      if (!mine.length) return s;
      let rows = [...s.rows];
      let merges = [...s.merges];
      // Bottom up, and for one position in reverse, so that earlier proposals end up above later ones.
      for (const p of [...mine].reverse().sort((a, b) => b.before - a.before)) {
        const row: Array<GridCell | undefined> = [];
        for (const { col, value } of p.cells) row[col] = { value };
        rows = [...rows.slice(0, p.before), row, ...rows.slice(p.before)];
        merges = merges.map((m) => (m.r0 >= p.before ? { ...m, r0: m.r0 + 1, r1: m.r1 + 1 } : m));
      }
      return { ...s, rows, merges };
    }),
  };
}
