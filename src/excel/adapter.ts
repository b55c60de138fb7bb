/**
 * The Office.js adapter: the only code that talks to Excel. It turns the open workbook into the engine's Grid and
 * writes marks, selections and decisions back.
 *
 * Batching follows Microsoft's guidance to queue loads and sync once (docs: develop/application-specific-api-model,
 * excel/performance): reading the whole workbook takes two syncs (the sheet list must be known before its sheets'
 * ranges can be requested), and bringing the marks up to date three (sheet names, the marked cells' formats, the writes).
 * A check reads only what the engine needs (values, shown text, number formats, merges): Excel on the web caps a
 * response at 5 MB, and fill, font and borders are read only for the cells being marked.
 *
 * Requirement sets used (all within ExcelApi 1.13, declared in manifest.xml):
 * values/text/numberFormat, fill colour and clear(), font colour, borders, select, activate, worksheet delete (1.1);
 * hyperlink (1.7); pageLayout (1.9);
 * getUsedRange(valuesOnly) (1.2); workbook.settings (1.4); getCellProperties, WorksheetCollection.onChanged (1.9);
 * Range.getMergedAreasOrNullObject (1.13).
 */
import type { Grid, GridCell, GridSheet, CellRange } from '../engine';
import { a1, parseA1 } from '../engine/a1';
import { FINDINGS_SHEET, FindingsTable, sheetReference } from '../engine/report/findings-table';
import { TEXT_FORMAT } from './writes';
import { Decisions, DECISIONS_KEY, MARK_FILLS, MarkKind, MARKS_KEY, parseCellKey, parseDecisions, RejectedRecord, SavedBorder, SavedFormat, StoredState, storedDecisions, storedMarks } from './decisions';

/** `Excel.run` in the add-in; the fake's `run` in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface WorkbookRead {
  readonly grid: Grid;
  readonly decisions: Decisions;
  /** Stored mark records that are not what the add-in writes: reported, never applied. */
  readonly rejectedMarks: readonly RejectedRecord[];
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
 * Reads every sheet: values, shown text, number formats and merged areas (no cell formats), plus the stored decisions.
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
    const { decisions, rejected } = parseDecisions(stored.isNullObject ? null : stored.value, marks.isNullObject ? null : marks.value);
    const base = { decisions, rejectedMarks: rejected };
    try {
      return { ...base, grid: await readSheets(context, names, true), mergesUnavailable: false };
    } catch {
      // getMergedAreasOrNullObject "will fail" above 512 merged areas (ExcelApi reference), and one failing request
      // fails the whole batch. Read once more without merges rather than not at all; the pane says so.
      return { ...base, grid: await readSheets(context, names, false), mergesUnavailable: true };
    }
  });
}

/** The stored decisions and marks alone (1 sync): for 清除标记 without a check. */
export async function readStoredState(run: ExcelRun): Promise<StoredState> {
  return run(async (context) => {
    const stored = context.workbook.settings.getItemOrNullObject(DECISIONS_KEY);
    stored.load('value');
    const marks = context.workbook.settings.getItemOrNullObject(MARKS_KEY);
    marks.load('value');
    await context.sync();
    return parseDecisions(stored.isNullObject ? null : stored.value, marks.isNullObject ? null : marks.value);
  });
}

async function readSheets(context: Excel.RequestContext, names: readonly string[], withMerges: boolean): Promise<Grid> {
  const requests = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    // valuesOnly: formatting alone (a styled empty column) must not grow the range (office.md §5). A blank sheet
    // yields A1 rather than a null object, so the format request below never runs on a null object.
    const used = ws.getUsedRange(true);
    used.load('address,values,text,numberFormat');
    // Merged areas of the whole sheet, so a header merge reaching past the values is seen whole.
    const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { name, used, merged };
  });
  await context.sync();

  const sheets: GridSheet[] = requests.map(({ name, used, merged }) => {
    const merges = !merged || merged.isNullObject ? [] : rangesOf(merged.address).map(rectOf);
    const origin = rectOf(rangesOf(used.address)[0]);
    const rows: (GridCell | undefined)[][] = [];
    used.values.forEach((row, i) => {
      const out: (GridCell | undefined)[] = [];
      row.forEach((value, j) => {
        const c = origin.c0 + j;
        const text = used.text[i][j];
        if (value === '' && text === '') return;
        out[c] = { value: value as GridCell['value'], text, numFmt: used.numberFormat[i][j] };
      });
      rows[origin.r0 + i] = out;
    });
    return { name, rows, merges };
  });
  return { sheets };
}

const MARK_STYLE: Record<MarkKind, { font?: string; border?: SavedBorder }> = {
  // Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text" presets.
  error: { font: '#9C0006', border: { style: 'Continuous', color: '#C00000', weight: 'Medium' } },
  warning: { font: '#9C5700', border: { style: 'Continuous', color: '#BF8F00', weight: 'Thin' } },
  related: {},
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
  range.format.fill.color = MARK_FILLS[kind];
  if (style.font) range.format.font.color = style.font;
  if (style.border) for (const side of SIDES) applyBorder(range, side, style.border);
}

export interface MarkResult {
  readonly decisions: Decisions;
  /** Cells that could not be marked (on a sheet that no longer exists). */
  readonly skipped: readonly string[];
  /** Marked cells given back their saved format. */
  readonly restored: number;
  /**
   * Mark records not applied: malformed ones, and cells that no longer show the add-in's mark colour (recoloured by
   * hand since, or a record the add-in did not write). Their saved format is never written; the record is dropped.
   */
  readonly rejected: readonly RejectedRecord[];
}

const PALETTE = new Set(Object.values(MARK_FILLS));

/**
 * Brings the marks in line with `plan`: cells no longer in the plan get their saved format back, new cells have their
 * current format saved before they are painted, and the saved formats are stored with the marks so a later 清除标记
 * (even after save and reopen, or by another reviewer) restores them exactly. An empty plan clears every mark.
 *
 * Three syncs: the sheet names (a range on a missing sheet would fail the whole batch), the fill, font and borders of
 * the planned and marked cells only, then every write. A saved format is restored only onto a cell that still shows
 * the add-in's mark colour.
 */
export function writeMarks(run: ExcelRun, plan: ReadonlyMap<string, MarkKind>, decisions: Decisions, rejectedBefore: readonly RejectedRecord[] = []): Promise<MarkResult> {
  return updateMarks(run, plan, decisions, rejectedBefore, true);
}

/**
 * Restores every marked cell's saved fill, font colour and borders (three syncs, as writeMarks). Only the marks are
 * stored: the ribbon command, a separate runtime, never overwrites decisions the pane stored meanwhile.
 */
export function clearMarks(run: ExcelRun, decisions: Decisions, rejectedBefore: readonly RejectedRecord[] = []): Promise<MarkResult> {
  return updateMarks(run, new Map(), decisions, rejectedBefore, false);
}

async function updateMarks(
  run: ExcelRun,
  plan: ReadonlyMap<string, MarkKind>,
  decisions: Decisions,
  rejectedBefore: readonly RejectedRecord[],
  marking: boolean,
): Promise<MarkResult> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const present = new Set(sheets.items.map((w) => w.name));
    const range = (key: string) => {
      const at = parseCellKey(key);
      return at && present.has(at.sheet) ? context.workbook.worksheets.getItem(at.sheet).getRange(at.cell) : null;
    };
    const cells = new Map<string, { range: Excel.Range; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }>();
    for (const key of new Set([...plan.keys(), ...Object.keys(decisions.marked)])) {
      const r = range(key);
      if (r) cells.set(key, { range: r, props: r.getCellProperties(FORMAT_PROPS) });
    }
    await context.sync();

    const current = (key: string) => savedFormat(cells.get(key)!.props.value[0][0]);
    const stillMarked = (key: string) => {
      const fill = current(key).fill;
      return fill !== null && PALETTE.has(fill.toUpperCase());
    };
    const marked: Record<string, SavedFormat> = {};
    const rejected: RejectedRecord[] = [...rejectedBefore];
    const skipped: string[] = [];
    let restored = 0;
    for (const [key, saved] of Object.entries(decisions.marked)) {
      // A sheet renamed or deleted since marking cannot be restored now; its entries wait for the sheet to return.
      if (!cells.has(key)) {
        if (!plan.has(key)) marked[key] = saved;
        continue;
      }
      if (!stillMarked(key)) {
        rejected.push({ key, reason: '单元格已不是决算助手的标记颜色（可能已手动改过格式），未恢复原格式' });
        continue;
      }
      if (plan.has(key)) {
        // Keep the first saved format: the cell's current format is our own earlier mark.
        marked[key] = saved;
        continue;
      }
      restore(cells.get(key)!.range, saved);
      restored++;
    }
    for (const [key, kind] of plan) {
      const cell = cells.get(key);
      if (!cell) {
        skipped.push(key);
        continue;
      }
      marked[key] ??= current(key);
      mark(cell.range, kind);
    }
    const next: Decisions = { ...decisions, marked, marking: marking };
    if (marking) context.workbook.settings.add(DECISIONS_KEY, storedDecisions(next));
    context.workbook.settings.add(MARKS_KEY, storedMarks(next));
    await context.sync();
    return { decisions: next, skipped, restored, rejected };
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
    context.workbook.worksheets.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
      // The 检查结果 sheet (our export, and the reviewer's notes in it) is no part of what is checked.
      if ((await sheetName(run, e.worksheetId)) !== FINDINGS_SHEET) onEdit(e.address);
    });
    await context.sync();
  });
}

/** A worksheet's name from its id (one sync); null when it is gone. */
async function sheetName(run: ExcelRun, id: string): Promise<string | null> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id);
    ws.load('name');
    await context.sync();
    return ws.isNullObject ? null : ws.name;
  });
}

export type FindingsSheetResult = { readonly done: true; readonly rows: number } | { readonly done: false; readonly exists: true };

/** Points per character of Excel's column width unit (Calibri 11: about 7 px = 5.25 pt, plus padding). */
const POINTS_PER_CHAR = 6;

/**
 * Writes the findings table into a new worksheet 检查结果 and activates it. An existing 检查结果 sheet is replaced only
 * when `replace` is set (the pane asks first); otherwise nothing is written. Text cells get the text format before
 * their value, so a message or a sheet name can never become a formula; each 单元格 is a link to the cell.
 * Two syncs (sheet names; everything else), three when an old sheet is replaced.
 */
export async function writeFindingsSheet(run: ExcelRun, table: FindingsTable, replace: boolean): Promise<FindingsSheetResult> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    if (sheets.items.some((w) => w.name === FINDINGS_SHEET)) {
      if (!replace) return { done: false, exists: true };
      sheets.getItem(FINDINGS_SHEET).delete();
      await context.sync();
    }
    const ws = sheets.add(FINDINGS_SHEET);
    const width = table.columns.length;
    const header = table.columns.map((c) => c.header);
    const values: (string | number)[][] = [header];
    const formats: string[][] = [header.map(() => TEXT_FORMAT)];
    for (const row of table.rows) {
      values.push(row.map((c) => (c.kind === 'number' ? c.value : c.kind === 'text' ? c.text : c.kind === 'link' ? c.link.text : '')));
      formats.push(row.map((c) => (c.kind === 'number' ? c.format : TEXT_FORMAT)));
    }
    const all = ws.getRange(`A1:${a1(values.length - 1, width - 1)}`);
    all.numberFormat = formats;
    all.values = values;
    all.format.verticalAlignment = 'Top';
    table.rows.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c.kind !== 'link') return;
        ws.getRange(a1(i + 1, j)).hyperlink = { documentReference: sheetReference(c.link.sheet, c.link.cell), textToDisplay: c.link.text, screenTip: `转到 ${c.link.sheet}!${c.link.cell}` };
      }),
    );
    table.columns.forEach((c, j) => {
      const column = ws.getRange(`${a1(0, j)}:${a1(values.length - 1, j)}`);
      column.format.columnWidth = c.width * POINTS_PER_CHAR;
      if (c.align === 'right') column.format.horizontalAlignment = 'Right';
      if (c.width >= 40) column.format.wrapText = true;
    });
    ws.getRange(`A1:${a1(0, width - 1)}`).format.font.bold = true;
    ws.freezePanes.freezeRows(1);
    // The print view: landscape, the header on every page, gridlines printed (ExcelApi 1.9).
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.printGridlines = true;
    ws.pageLayout.setPrintTitleRows('$1:$1');
    ws.activate();
    ws.getRange('A1').select();
    await context.sync();
    return { done: true, rows: table.rows.length };
  });
}
