/**
 * Recognises the add-in's own fills in a stored undo record. Any script can write workbook settings, so the record is
 * not trusted on its word: an entry is undone only when its cell, emptied together with the record's other cells,
 * is one the engine fills again with exactly the value recorded. A crafted entry naming an amount the user typed
 * (one no relation determines, or with another value) is therefore never cleared.
 */
import type { Grid, GridSheet } from '../engine';
import { parseA1 } from '../engine/a1';
import { fillCellValue, planFill } from '../engine/fill';
import type { FillOrigin, FillUndoEntry } from './writes';

function emptied(grid: Grid, entries: readonly FillUndoEntry[]): Grid {
  const bySheet = new Map<string, { r: number; c: number }[]>();
  for (const e of entries) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), parseA1(e.cell)]);
  return {
    sheets: grid.sheets.map((s): GridSheet => {
      const cells = bySheet.get(s.name);
      if (!cells) return s;
      const rows = s.rows.map((row) => (row ? [...row] : row));
      for (const { r, c } of cells) if (rows[r]) rows[r]![c] = undefined;
      return { ...s, rows };
    }),
  };
}

export function fillOrigin(grid: Grid): FillOrigin {
  return (entries) => {
    const plan = planFill(emptied(grid, entries));
    const values = new Map(plan.fills.map((f) => [`${f.ref.sheet}!${f.ref.cell}`, fillCellValue(f)]));
    return new Set(entries.map((e) => `${e.sheet}!${e.cell}`).filter((key, i) => values.has(key) && values.get(key) === entries[i].written));
  };
}
