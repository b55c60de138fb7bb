/**
 * The Office.js adapter: the only code that talks to Excel. It turns the open workbook into the engine's Grid and
 * writes marks, selections and decisions back.
 *
 * Batching follows Microsoft's guidance to queue loads and sync once (docs: develop/application-specific-api-model,
 * excel/performance): reading the whole workbook takes two syncs (the sheet list must be known before its sheets'
 * ranges can be requested), and writing all marks takes one.
 *
 * Requirement sets used (all within ExcelApi 1.13, declared in manifest.xml):
 * values/text/numberFormat, fill colour and clear(), font colour, borders, select, activate (1.1);
 * getUsedRange(valuesOnly) (1.2); workbook.settings (1.4); getCellProperties, WorksheetCollection.onChanged (1.9);
 * Range.getMergedAreasOrNullObject (1.13).
 */
import type { Grid, GridCell, GridSheet, CellRange } from '../engine';
import { a1, parseA1 } from '../engine/a1';
import { cellKey, Decisions, DECISIONS_KEY, MarkKind, MARKS_KEY, parseDecisions, SavedBorder, SavedFormat, splitCellKey, storedDecisions, storedMarks } from './decisions';

/** `Excel.run` in the add-in; the fake's `run` in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookRead {
  readonly grid: Grid;
  /** Current formats of every cell in the sheets' used ranges, keyed `sheet!A1`. */
  readonly formats: ReadonlyMap<string, SavedFormat>;
  readonly decisions: Decisions;
  /** True when Excel could not return the merged areas (more than 512 on a sheet) and the grid has none. */
  readonly mergesUnavailable: boolean;
}

type Side = 'top' | 'bottom' | 'left' | 'right';
const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];
const EDGE: Record<Side, 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight'> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
};

const FORMAT_PROPS: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true, tintAndShade: true },
    font: { color: true },
    borders: { color: true, style: true, weight: true },
  },
};

/** Splits `'公开01表'!B2:H40` (or a comma-separated RangeAreas address) into A1 ranges without the sheet. */
export function rangesOf(address: string): string[] {
  const re = /(?:'(?:[^']|'')*'|[^!,']+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  const out: string[] = [];
  for (let m = re.exec(address); m; m = re.exec(address)) out.push(m[1].replace(/\$/g, ''));
  return out;
}

function rectOf(a1range: string): CellRange {
  const [a, b] = a1range.split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { r0: p.r, c0: p.c, r1: q.r, c1: q.c };
}

function savedFormat(p: Excel.CellProperties): SavedFormat {
  const fill = p.format?.fill;
  // "No Fill" reads as white; Microsoft says tintAndShade is null for it (OJS#4900), and its pattern is None.
  const noFill = !fill || fill.pattern === 'None' || fill.tintAndShade === null;
  const border = (b: Excel.CellBorder | undefined): SavedBorder => ({
    style: b?.style ?? 'None',
    color: b?.color ?? '#000000',
    weight: b?.weight ?? 'Thin',
  });
  const b = p.format?.borders;
  return {
    fill: noFill ? null : (fill?.color ?? null),
    fontColor: p.format?.font?.color ?? '#000000',
    borders: { top: border(b?.top), bottom: border(b?.bottom), left: border(b?.left), right: border(b?.right) },
  };
}

/**
 * Reads every sheet: values, shown text, number formats, merged areas and cell formats, plus the stored decisions.
 * Exactly two syncs, whatever the number of sheets (a third only when Excel refuses the merged areas).
 */
export async function readWorkbook(run: ExcelRun): Promise<WorkbookRead> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    const stored = context.workbook.settings.getItemOrNullObject(DECISIONS_KEY);
    stored.load('value');
    const marks = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
    marks.load('value');
    await context.sync();

    const names = sheets.items.map((ws) => ws.name);
    const decisions = parseDecisions(stored.isNullObject ? null : stored.value, marks.isNullObject ? null : marks.value);
    try {
      return { ...(await readSheets(context, names, true)), decisions, mergesUnavailable: false };
    } catch {
      // getMergedAreasOrNullObject "will fail" above 512 merged areas (ExcelApi reference), and one failing request
      // fails the whole batch. Read once more without merges rather than not at all; the pane says so.
      return { ...(await readSheets(context, names, false)), decisions, mergesUnavailable: true };
    }
  });
}

async function readSheets(context: Excel.RequestContext, names: readonly string[], withMerges: boolean) {
  const requests = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    // valuesOnly: formatting alone (a styled empty column) must not grow the range (office.md §5). A blank sheet
    // yields A1 rather than a null object, so the format request below never runs on a null object.
    const used = ws.getUsedRange(true);
    used.load('address,values,text,numberFormat');
    const props = used.getCellProperties(FORMAT_PROPS);
    // Merged areas of the whole sheet, so a header merge reaching past the values is seen whole.
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { name, used, props, merged };
  });
  await context.sync();

  const formats = new Map<string, SavedFormat>();
  const sheets: GridSheet[] = requests.map(({ name, used, props, merged }) => {
    const merges = !merged || merged.isNullObject ? [] : rangesOf(merged.address).map(rectOf);
    const origin = rectOf(rangesOf(used.address)[0]);
    const rows: (GridCell | undefined)[][] = [];
    used.values.forEach((row, i) => {
      const out: (GridCell | undefined)[] = [];
      row.forEach((value, j) => {
        const r = origin.r0 + i;
        const c = origin.c0 + j;
        formats.set(cellKey(name, a1(r, c)), savedFormat(props.value[i][j]));
        const text = used.text[i][j];
        if (value === '' && text === '') return;
        out[c] = { value: value as GridCell['value'], text, numFmt: used.numberFormat[i][j] };
      });
      rows[origin.r0 + i] = out;
    });
    return { name, rows, merges };
  });
  return { grid: { sheets }, formats };
}

const MARK_STYLE: Record<MarkKind, { fill: string; font?: string; border?: SavedBorder }> = {
  // Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text" presets.
  error: { fill: '#FFC7CE', font: '#9C0006', border: { style: 'Continuous', color: '#C00000', weight: 'Medium' } },
  warning: { fill: '#FFEB9C', font: '#9C5700', border: { style: 'Continuous', color: '#BF8F00', weight: 'Thin' } },
  related: { fill: '#DDEBF7' },
};

function applyBorder(range: Excel.Range, side: Side, b: SavedBorder): void {
  const item = range.format.borders.getItem(EDGE[side]);
  if (b.style === 'None') {
    item.style = 'None';
    return;
  }
  item.style = b.style as Excel.BorderLineStyle;
  item.color = b.color;
  item.weight = b.weight as Excel.BorderWeight;
}

function restore(range: Excel.Range, f: SavedFormat): void {
  // Restore No Fill with clear(): setting white would leave a visible white fill over gridlines (OJS#2349).
  if (f.fill === null) range.format.fill.clear();
  else range.format.fill.color = f.fill;
  range.format.font.color = f.fontColor;
  for (const side of SIDES) applyBorder(range, side, f.borders[side]);
}

function mark(range: Excel.Range, kind: MarkKind): void {
  const style = MARK_STYLE[kind];
  range.format.fill.color = style.fill;
  if (style.font) range.format.font.color = style.font;
  if (style.border) for (const side of SIDES) applyBorder(range, side, style.border);
}

export interface MarkResult {
  readonly decisions: Decisions;
  /** Cells that could not be marked reversibly (outside the read data, or on a sheet that no longer exists). */
  readonly skipped: readonly string[];
}

/**
 * Brings the marks in line with `plan` in one sync: cells no longer in the plan get their saved format back, new
 * cells have their current format saved before they are painted, and the saved formats are stored with the marks so a
 * later 清除标记 (even after save and reopen, or by another reviewer) restores them exactly.
 */
export async function writeMarks(
  run: ExcelRun,
  plan: ReadonlyMap<string, MarkKind>,
  read: Pick<WorkbookRead, 'formats' | 'grid'>,
  decisions: Decisions,
): Promise<MarkResult> {
  const sheetNames = new Set(read.grid.sheets.map((s) => s.name));
  const marked: Record<string, SavedFormat> = { ...decisions.marked };
  const skipped: string[] = [];
  return run(async (context) => {
    const range = (key: string) => {
      const { sheet, cell } = splitCellKey(key);
      return context.workbook.worksheets.getItem(sheet).getRange(cell);
    };
    for (const [key, saved] of Object.entries(decisions.marked)) {
      if (plan.has(key) || !sheetNames.has(splitCellKey(key).sheet)) continue;
      restore(range(key), saved);
      delete marked[key];
    }
    for (const [key, kind] of plan) {
      // Keep the first saved format: the cell's current format may be our own earlier mark.
      const original = marked[key] ?? read.formats.get(key);
      if (!original || !sheetNames.has(splitCellKey(key).sheet)) {
        skipped.push(key);
        continue;
      }
      marked[key] = original;
      mark(range(key), kind);
    }
    const next: Decisions = { ...decisions, marked };
    context.workbook.settings.add(DECISIONS_KEY, storedDecisions(next));
    context.workbook.settings.add(MARKS_KEY, storedMarks(next));
    await context.sync();
    return { decisions: next, skipped };
  });
}

/** Restores every marked cell's saved fill, font colour and borders, in one sync. */
export async function clearMarks(run: ExcelRun, decisions: Decisions, sheetNames: readonly string[]): Promise<Decisions> {
  const known = new Set(sheetNames);
  return run(async (context) => {
    const kept: Record<string, SavedFormat> = {};
    for (const [key, saved] of Object.entries(decisions.marked)) {
      const { sheet, cell } = splitCellKey(key);
      // A sheet renamed or deleted since marking cannot be restored now; its entries wait for the sheet to return.
      if (!known.has(sheet)) {
        kept[key] = saved;
        continue;
      }
      restore(context.workbook.worksheets.getItem(sheet).getRange(cell), saved);
    }
    const next: Decisions = { ...decisions, marked: kept };
    context.workbook.settings.add(MARKS_KEY, storedMarks(next));
    await context.sync();
    return next;
  });
}

/** Stores ignored/verified decisions in the workbook (saved with the file); the saved formats are left alone. */
export async function saveDecisions(run: ExcelRun, decisions: Decisions): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(DECISIONS_KEY, storedDecisions(decisions));
    await context.sync();
  });
}

/** Activates the sheet and selects a cell or range, like Excel's Error Checking dialog does. */
export async function selectRange(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/**
 * Calls `onEdit` when the user changes cell contents in any sheet. Marks are format changes, which raise
 * onFormatChanged rather than onChanged (docs: excel/excel-add-ins-events), so our own writes do not trigger it.
 */
export async function watchEdits(run: ExcelRun, onEdit: (address: string) => void): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => onEdit(e.address));
    await context.sync();
  });
}
