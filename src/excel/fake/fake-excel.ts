/**
 * An in-process fake of the Office.js Excel subset that src/excel uses, for unit tests and for the browser e2e host.
 *
 * It follows the API model documented by Microsoft (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model,
 * see /work/shared/domain/office.md §3–§5), so that tests catch the mistakes real Excel punishes:
 * - every object is a proxy; methods and property writes are only queued, and run in order at `context.sync()`;
 * - a scalar property can be read only after `load()` *and* a sync, otherwise it throws like office.js does
 *   ("The property 'x' is not available. Before reading the property's value, call the load method…");
 * - `*OrNullObject` methods return an object whose `isNullObject` is known only after the sync;
 * - `getMergedAreasOrNullObject` fails above 512 merged areas (ExcelApi 1.13 reference);
 * - No Fill reads back as fill colour `#FFFFFF` with `tintAndShade` null (OJS#4900), and a cell without a border reports
 *   border colour `#000000` with style `None` (OJS#2349), so a restore that trusts the colour alone is caught;
 * - format changes do not raise `onChanged` (they raise onFormatChanged, docs excel-add-ins-events.md); value edits do;
 * - `workbook.settings` persist only with the saved workbook (`save()`/`FakeExcel.fromSnapshot`);
 * - a string written to `Range.values` is parsed like typed input unless the cell's number format is text (`@`):
 *   `=…` becomes a formula (stored in `formula`, its value an error since the fake does not calculate) and a
 *   number-like string (`1,010.75`, `12%`) becomes a number; a values/numberFormat matrix must match the range's shape.
 * Every sync is counted, which is what lets tests assert the adapter's batching, and so are the bytes each sync
 * returns (the UTF-8 JSON of every loaded property and result), which Excel on the web caps at 5 MB per response.
 */
import { a1, parseA1 } from '../../engine/a1';

export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const BORDER_SIDES: readonly BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface FakeBorder {
  style: string;
  color: string;
  weight: string;
}

/** The full state of one cell, as stored in the fake workbook. */
export interface FakeCell {
  value: string | number | boolean;
  text?: string;
  numberFormat: string;
  /** null = No Fill. */
  fill: string | null;
  fontColor: string;
  borders: Record<BorderSide, FakeBorder>;
  /** Set when a string written to the cell was taken as a formula. */
  formula?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
  horizontalAlignment?: string;
  bold?: boolean;
  /** A cell note (ExcelApi 1.18 `workbook.notes`). */
  note?: string;
  /** ExcelApi 1.7 Range.hyperlink: a link to a place in the workbook. */
  hyperlink?: { documentReference?: string; address?: string; screenTip?: string };
}

export interface FakeSheetData {
  name: string;
  /** Sparse cells keyed by A1 address. */
  cells: Record<string, Partial<FakeCell>>;
  /** Merged areas as A1 ranges, e.g. `A1:F1`. */
  merges: string[];
  /** Column widths in points set through the API, by column letter. */
  columnWidths?: Record<string, number>;
  /** Rows frozen at the top (freezePanes.freezeRows). */
  frozenRows?: number;
  /** ExcelApi 1.9 page layout set through the API. */
  pageLayout?: { orientation?: string; printGridlines?: boolean; printTitleRows?: string };
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  /** workbook.settings as saved in the file. */
  settings: Record<string, unknown>;
}

const NO_BORDER: FakeBorder = { style: 'None', color: '#000000', weight: 'Thin' };

function defaultCell(): FakeCell {
  return {
    value: '',
    numberFormat: 'General',
    fill: null,
    fontColor: '#000000',
    borders: { EdgeTop: { ...NO_BORDER }, EdgeBottom: { ...NO_BORDER }, EdgeLeft: { ...NO_BORDER }, EdgeRight: { ...NO_BORDER } },
  };
}

const EMPTY_CELL = JSON.stringify(defaultCell());

function normalizeCell(partial: Partial<FakeCell> | undefined): FakeCell {
  const base = defaultCell();
  if (!partial) return base;
  return {
    ...base,
    ...partial,
    borders: { ...base.borders, ...(partial.borders ?? {}) },
  };
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function parseRect(address: string): Rect {
  const [a, b] = address.replace(/\$/g, '').split(':');
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

function rectAddress(r: Rect): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;
}

/** Excel quotes sheet names in addresses unless they are plain identifiers. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Text Excel would show for a stored value when the fixture does not say (enough for General and #,##0.00). */
function shownText(cell: FakeCell): string {
  if (cell.text !== undefined) return cell.text;
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v !== 'number') return v;
  const m = /0(\.0+)?/.exec(cell.numberFormat);
  if (cell.numberFormat === 'General' || !m) return String(v);
  const decimals = m[1] ? m[1].length - 1 : 0;
  const fixed = Math.abs(v).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = cell.numberFormat.includes(',') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return `${v < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

type Op = () => void;

/** The workbook behind the fake API, plus what tests inspect: sync count, selection, event handlers. */
export class FakeExcel {
  syncCount = 0;
  /** UTF-8 bytes of the JSON of everything loaded, summed over all syncs. */
  bytesRead = 0;
  /** The largest single sync's response, in the same measure. */
  largestResponse = 0;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string;
  private sheets: FakeSheetState[];
  private settings: Map<string, unknown>;
  readonly changedHandlers: ((args: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];

  constructor(data: FakeWorkbookData) {
    this.sheets = data.sheets.map((s, i) => ({
      name: s.name,
      id: `{sheet-${i}}`,
      cells: new Map(Object.entries(s.cells).map(([k, c]) => [k.toUpperCase(), normalizeCell(c)])),
      merges: [...s.merges],
      columnWidths: { ...(s.columnWidths ?? {}) },
      frozenRows: s.frozenRows,
      pageLayout: s.pageLayout ? { ...s.pageLayout } : undefined,
    }));
    this.settings = new Map(Object.entries(clone(data.settings)));
    this.activeSheet = this.sheets[0]?.name ?? '';
  }

  /** Saves the workbook: what a reopen (or another reviewer) sees. */
  save(): FakeWorkbookData {
    return clone({
      // A cell with neither content nor formatting is not stored in a file (touching it through the API leaves none).
      sheets: this.sheets.map((s) => ({ name: s.name, cells: Object.fromEntries([...s.cells].filter(([, c]) => JSON.stringify(c) !== EMPTY_CELL)), merges: s.merges, columnWidths: s.columnWidths, frozenRows: s.frozenRows, pageLayout: s.pageLayout })),
      settings: Object.fromEntries(this.settings),
    });
  }

  static fromSnapshot(data: FakeWorkbookData): FakeExcel {
    return new FakeExcel(data);
  }

  /** `Excel.run`: a fresh request context per batch; pending commands are flushed when the batch ends. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** A user typing into a cell: changes the value and raises worksheet onChanged like Excel does. */
  async userEdit(sheetName: string, address: string, value: string | number): Promise<void> {
    const sheet = this.sheet(sheetName);
    const cell = this.cellAt(sheet, address.toUpperCase());
    cell.value = value;
    delete cell.text;
    for (const h of this.changedHandlers) await h(this.changedArgs(sheet.id, address.toUpperCase(), 'Unknown'));
  }

  private changedArgs(worksheetId: string, address: string, triggerSource: string): Excel.WorksheetChangedEventArgs {
    return { address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged', worksheetId, triggerSource } as unknown as Excel.WorksheetChangedEventArgs;
  }

  /** Raises onChanged for a write through the API; handlers run after the current sync, as events arrive later. */
  raiseChanged(sheetName: string, address: string, triggerSource: string): void {
    const args = this.changedArgs(this.sheet(sheetName).id, address, triggerSource);
    for (const h of this.changedHandlers) setTimeout(() => void h(args), 0);
  }

  /** Test access to one cell's full state (a copy). */
  cell(sheetName: string, address: string): FakeCell {
    return clone(this.cellAt(this.sheet(sheetName), address.toUpperCase()));
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  setting(key: string): unknown {
    return this.settings.has(key) ? clone(this.settings.get(key)) : undefined;
  }

  /** Column width in points set through the API (undefined: the default width). */
  columnWidth(sheetName: string, column: string): number | undefined {
    return this.sheet(sheetName).columnWidths[column];
  }

  frozenRows(sheetName: string): number {
    return this.sheet(sheetName).frozenRows ?? 0;
  }

  pageLayout(sheetName: string): FakeSheetData['pageLayout'] {
    return this.sheet(sheetName).pageLayout;
  }

  /** Counts a loaded value as part of the current sync's response. */
  received(value: unknown, sync: { bytes: number }): void {
    const n = value === undefined ? 0 : utf8Length(JSON.stringify(value));
    this.bytesRead += n;
    sync.bytes += n;
    this.largestResponse = Math.max(this.largestResponse, sync.bytes);
  }

  /** The active cell: the top-left cell of the selection, or A1 of the active sheet. */
  activeCell(): { sheet: string; address: string } {
    if (this.selection && this.selection.sheet === this.activeSheet) return { sheet: this.selection.sheet, address: this.selection.address.split(':')[0] };
    return { sheet: this.activeSheet, address: 'A1' };
  }

  // ---- internals used by the proxy classes ----

  hasSheet(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  addSheet(name: string): void {
    if (this.hasSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A resource with the same name or identifier already exists. (worksheet ${name})`);
    if (!name || /[\\/?*[\]:]/.test(name) || name.length > 31) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${name})`);
    this.sheets.push({ name, id: `{sheet-${this.sheets.length}-${name}}`, cells: new Map(), merges: [], columnWidths: {} });
  }

  /** Worksheet.delete (ExcelApi 1.1); a workbook keeps at least one visible sheet. */
  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${name})`);
    if (this.sheets.length === 1) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    this.sheets.splice(i, 1);
    if (this.activeSheet === name) this.activeSheet = this.sheets[Math.max(0, i - 1)].name;
    if (this.selection?.sheet === name) this.selection = null;
  }

  /** A sheet by name, or by id as `worksheets.getItem` also accepts. */
  sheet(name: string) {
    const s = this.sheets.find((x) => x.name === name) ?? this.sheets.find((x) => x.id === name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (worksheet ${name})`);
    return s;
  }

  cellAt(sheet: { cells: Map<string, FakeCell> }, address: string): FakeCell {
    let c = sheet.cells.get(address);
    if (!c) {
      c = defaultCell();
      sheet.cells.set(address, c);
    }
    return c;
  }

  peekCell(sheet: { cells: Map<string, FakeCell> }, r: number, c: number): FakeCell {
    return sheet.cells.get(a1(r, c)) ?? defaultCell();
  }

  settingsMap(): Map<string, unknown> {
    return this.settings;
  }
}

interface FakeSheetState {
  name: string;
  id: string;
  cells: Map<string, FakeCell>;
  merges: string[];
  columnWidths: Record<string, number>;
  frozenRows?: number;
  pageLayout?: FakeSheetData['pageLayout'];
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What Excel stores when a value is written to a cell with the given number format (typed-input parsing). */
function storeValue(cell: FakeCell, v: string | number | boolean): void {
  delete cell.text;
  delete cell.formula;
  if (typeof v !== 'string' || cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  if (v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    cell.value = '#NAME?';
    return;
  }
  const m = /^\s*(-?)([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)(%?)\s*$/.exec(v);
  if (m && (!m[2].includes(',') || /^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$/.test(m[2]))) {
    const n = Number(m[2].replace(/,/g, '')) * (m[1] ? -1 : 1);
    cell.value = m[3] ? n / 100 : n;
    return;
  }
  cell.value = v;
}

class FakeRequestContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  /** The response of the sync under way. */
  response = { bytes: 0 };

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  /** Runs the queued commands in order, as one round trip; a failing command rejects the whole sync. */
  async sync(): Promise<void> {
    this.host.syncCount++;
    this.response = { bytes: 0 };
    await Promise.resolve();
    // Commands queued while the batch runs (loads of collection items) belong to the same round trip.
    try {
      for (let op = this.queue.shift(); op; op = this.queue.shift()) op();
    } finally {
      this.queue = [];
    }
  }
}

/** Base of proxy objects: scalar properties readable only after load + sync. */
class ClientObject {
  private loadedNames = new Set<string>();
  private loadedValues = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeRequestContext) {}

  get context(): FakeRequestContext {
    return this.ctx;
  }

  /** Property names this class can load, and how to read them from the workbook at sync time. */
  protected readers(): Record<string, () => unknown> {
    return {};
  }

  load(names?: string | string[] | { select?: string }): this {
    const list = (typeof names === 'string' ? names.split(',') : Array.isArray(names) ? names : (names?.select ?? '').split(','))
      .map((n) => n.trim())
      .filter(Boolean);
    const readers = this.readers();
    const wanted = list.length ? list : Object.keys(readers);
    for (const name of wanted) {
      const slash = name.indexOf('/');
      if (slash > 0) {
        this.loadPath(name.slice(0, slash), name.slice(slash + 1));
        continue;
      }
      if (!(name in readers)) throw new FakeOfficeError('InvalidArgument', `The property '${name}' is not part of the object.`);
    }
    const scalars = wanted.filter((n) => !n.includes('/'));
    this.ctx.enqueue(() => {
      for (const n of scalars) {
        const v = readers[n]();
        this.ctx.host.received(v, this.ctx.response);
        this.loadedValues.set(n, v);
        this.loadedNames.add(n);
      }
    });
    return this;
  }

  protected loadPath(head: string, rest: string): void {
    throw new FakeOfficeError('InvalidArgument', `The property '${head}/${rest}' is not part of the object.`);
  }

  protected prop<T>(name: string): T {
    if (!this.loadedNames.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as T;
  }
}

class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly notes: FakeNoteCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.notes = new FakeNoteCollection(ctx);
  }

  /** ExcelApi 1.7: the active cell, resolved when the command runs (then fixed, like the object Excel returns). */
  getActiveCell(): FakeRange {
    const host = this.ctx.host;
    let at: { sheet: string; rect: Rect } | null = null;
    const resolve = () => {
      if (!at) {
        const a = host.activeCell();
        at = { sheet: a.sheet, rect: parseRect(a.address) };
      }
      return at;
    };
    return new FakeRange(this.ctx, () => resolve().sheet, () => resolve().rect);
  }
}

/** ExcelApi 1.18 notes: `add` takes one cell (InvalidArgument otherwise, docs: excel.notecollection). */
class FakeNoteCollection extends ClientObject {
  add(cellAddress: FakeRange, content: string): void {
    this.ctx.enqueue(() => {
      const r = cellAddress.rect();
      if (!r || r.r0 !== r.r1 || r.c0 !== r.c1) throw new FakeOfficeError('InvalidArgument', 'A note can only be added to a single cell.');
      if (typeof content !== 'string') throw new FakeOfficeError('InvalidArgument', 'The note content must be text.');
      cellAddress.forEachCell((cell) => (cell.note = content));
    });
  }
}

class FakeEventSlot {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly handlers: ((args: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[],
  ) {}
  /** Registration takes effect at the next sync, as with office.js. */
  add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) {
    this.ctx.enqueue(() => this.handlers.push(handler));
    return { remove: () => this.ctx.enqueue(() => this.handlers.splice(this.handlers.indexOf(handler), 1)) };
  }
}

class FakeWorksheetCollection extends ClientObject {
  private itemList: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEventSlot;

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.onChanged = new FakeEventSlot(ctx, ctx.host.changedHandlers);
  }

  protected loadPath(head: string, rest: string): void {
    if (head !== 'items') super.loadPath(head, rest);
    this.ctx.enqueue(() => {
      this.itemList = this.ctx.host.sheetNames().map((n) => new FakeWorksheet(this.ctx, n));
    });
    // The items' own loads are queued once the list exists; they run in the same sync.
    this.ctx.enqueue(() => {
      for (const ws of this.itemList ?? []) ws.load(rest);
    });
  }

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw new FakeOfficeError('PropertyNotLoaded', `The property 'items' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.itemList;
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }

  /** By name or id; `isNullObject` is known after the sync. */
  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, key, true);
    ws.load('isNullObject');
    return ws;
  }

  /** Adds a worksheet at the end (ExcelApi 1.1); fails when the name is taken. */
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(() => this.ctx.host.addSheet(name));
    return new FakeWorksheet(this.ctx, name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.host.activeSheet);
  }
}

class FakeWorksheet extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly sheetName: string,
    private readonly orNull = false,
  ) {
    super(ctx);
  }

  protected readers() {
    const host = this.ctx.host;
    const missing = () => this.orNull && !host.hasSheet(this.sheetName) && !host.sheetNames().some((n) => host.sheet(n).id === this.sheetName);
    return {
      isNullObject: missing,
      name: () => (missing() ? null : host.sheet(this.sheetName).name),
      id: () => (missing() ? null : host.sheet(this.sheetName).id),
    };
  }

  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }

  get name(): string {
    return this.prop('name');
  }

  get id(): string {
    return this.prop('id');
  }

  /** Without an address: the whole sheet, as in office.js. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, address ? parseRect(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 });
  }

  /** "If the worksheet is blank, this function will return the top left cell" (Worksheet.getUsedRange reference). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => {
      const sheet = this.ctx.host.sheet(this.sheetName);
      let rect: Rect | null = null;
      for (const [addr, cell] of sheet.cells) {
        const used = cell.value !== '' || (!valuesOnly && (cell.fill !== null || BORDER_SIDES.some((s) => cell.borders[s].style !== 'None')));
        if (!used) continue;
        const { r, c } = parseA1(addr);
        rect = rect
          ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) }
          : { r0: r, c0: c, r1: r, c1: c };
      }
      return rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.sheet(this.sheetName);
      this.ctx.host.activeSheet = this.sheetName;
    });
  }

  delete(): void {
    this.ctx.enqueue(() => this.ctx.host.deleteSheet(this.sheetName));
  }

  /** ExcelApi 1.9 page layout: the properties and the one method the add-in sets. */
  get pageLayout() {
    const layout = () => {
      const s = this.ctx.host.sheet(this.sheetName);
      return (s.pageLayout ??= {});
    };
    const ctx = this.ctx;
    return {
      set orientation(v: string) {
        ctx.enqueue(() => (layout().orientation = v));
      },
      set printGridlines(v: boolean) {
        ctx.enqueue(() => (layout().printGridlines = v));
      },
      setPrintTitleRows(rows: string) {
        ctx.enqueue(() => (layout().printTitleRows = rows));
      },
    };
  }

  /** ExcelApi 1.7. */
  get freezePanes() {
    return {
      freezeRows: (count: number) =>
        this.ctx.enqueue(() => {
          this.ctx.host.sheet(this.sheetName).frozenRows = count;
        }),
    };
  }
}

type RectSource = Rect | (() => Rect | null);

class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  private readonly sheetSource: string | (() => string);

  constructor(
    ctx: FakeRequestContext,
    sheetName: string | (() => string),
    private readonly source: RectSource,
  ) {
    super(ctx);
    this.sheetSource = sheetName;
    this.format = new FakeRangeFormat(ctx, this);
  }

  /** The sheet's name (resolved at sync time for the active cell). */
  get sheetName(): string {
    return typeof this.sheetSource === 'function' ? this.sheetSource() : this.sheetSource;
  }

  /** A matrix written to the range must have its shape; a scalar applies to every cell. */
  private writeEach<T>(v: T | T[][], what: string, fn: (cell: FakeCell, x: T) => void): void {
    this.ctx.enqueue(() => {
      const r = this.must();
      const rows = r.r1 - r.r0 + 1;
      const cols = r.c1 - r.c0 + 1;
      if (Array.isArray(v) && (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new FakeOfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what})`);
      }
      this.forEachCell((cell, i, j) => fn(cell, Array.isArray(v) ? v[i - r.r0][j - r.c0] : v));
    });
  }

  set values(v: (string | number | boolean)[][]) {
    this.writeEach(v, 'values', (cell, x) => storeValue(cell, x));
    // Content written by an add-in raises onChanged too (triggerSource ThisLocalAddin, ExcelApi 1.14), after the sync.
    this.ctx.enqueue(() => this.ctx.host.raiseChanged(this.sheetName, rectAddress(this.must()), 'ThisLocalAddin'));
  }

  /** ExcelApi 1.7: a link; with textToDisplay the cell's value becomes that text. */
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.ctx.enqueue(() =>
      this.forEachCell((cell) => {
        cell.hyperlink = { documentReference: v.documentReference, address: v.address, screenTip: v.screenTip };
        if (v.textToDisplay !== undefined) storeValue(cell, v.textToDisplay);
      }),
    );
  }

  set numberFormat(v: string[][]) {
    this.writeEach(v, 'numberFormat', (cell, x) => {
      cell.numberFormat = x;
      delete cell.text;
    });
  }

  /** ExcelApi 1.1 Range.clear: 'Contents' empties values and formulas, keeping formats; 'All' resets the cell. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.ctx.enqueue(() => {
      const host = this.ctx.host;
      const sheet = host.sheet(this.sheetName);
      const r = this.must();
      for (const [addr, cell] of [...sheet.cells]) {
        const { r: i, c: j } = parseA1(addr);
        if (i < r.r0 || i > r.r1 || j < r.c0 || j > r.c1) continue;
        if (applyTo === 'All') sheet.cells.delete(addr);
        else if (applyTo === 'Contents') {
          cell.value = '';
          delete cell.text;
          delete cell.formula;
        } else sheet.cells.set(addr, { ...defaultCell(), value: cell.value, formula: cell.formula });
      }
    });
  }

  /** ExcelApi 1.7: the range grown (or shrunk) by rows and columns from its top-left cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(this.ctx, () => this.sheetName, () => {
      const r = this.must();
      const out = { r0: r.r0, c0: r.c0, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns };
      if (out.r1 < out.r0 || out.c1 < out.c0) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (getResizedRange)');
      return out;
    });
  }

  /** Resolved at sync time, because a used range depends on the state when the command runs. */
  rect(): Rect | null {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  private must(): Rect {
    const r = this.rect();
    if (!r) throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\'t exist. (null object)');
    return r;
  }

  forEachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const host = this.ctx.host;
    const sheet = host.sheet(this.sheetName);
    const r = this.must();
    for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) fn(host.cellAt(sheet, a1(i, j)), i, j);
  }

  private matrix<T>(fn: (cell: FakeCell) => T): T[][] {
    const host = this.ctx.host;
    const sheet = host.sheet(this.sheetName);
    const r = this.must();
    const out: T[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: T[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(fn(host.peekCell(sheet, i, j)));
      out.push(row);
    }
    return out;
  }

  protected readers() {
    return {
      isNullObject: () => this.rect() === null,
      address: () => {
        const r = this.rect();
        return r ? `${quoteSheet(this.sheetName)}!${rectAddress(r)}` : null;
      },
      values: () => (this.rect() ? this.matrix((c) => c.value) : null),
      text: () => (this.rect() ? this.matrix((c) => shownText(c)) : null),
      numberFormat: () => (this.rect() ? this.matrix((c) => c.numberFormat) : null),
      rowCount: () => {
        const r = this.must();
        return r.r1 - r.r0 + 1;
      },
      columnCount: () => {
        const r = this.must();
        return r.c1 - r.c0 + 1;
      },
    };
  }

  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get address(): string {
    return this.prop('address');
  }
  get values(): (string | number | boolean)[][] {
    return this.prop('values');
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => {
      const r = this.must();
      return { r0: r.r0 + row, c0: r.c0 + column, r1: r.r0 + row, c1: r.c0 + column };
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const r = this.must();
      this.ctx.host.activeSheet = this.sheetName;
      this.ctx.host.selection = { sheet: this.sheetName, address: rectAddress(r) };
    });
  }

  /** ExcelApi 1.13: fails above 512 areas; a null object when the range holds no merged cells. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const r = this.must();
      const sheet = this.ctx.host.sheet(this.sheetName);
      const inside = sheet.merges.map(parseRect).filter((m) => m.r0 <= r.r1 && m.r1 >= r.r0 && m.c0 <= r.c1 && m.c1 >= r.c0);
      if (inside.length > 512) throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
      return inside.length ? inside.map((m) => `${quoteSheet(this.sheetName)}!${rectAddress(m)}`) : null;
    });
  }

  /** ExcelApi 1.9: per-cell formats; the result's value is readable only after sync. */
  getCellProperties(spec: Excel.CellPropertiesLoadOptions): FakeClientResult<Excel.CellProperties[][]> {
    const result = new FakeClientResult<Excel.CellProperties[][]>();
    this.ctx.enqueue(() => {
      const v = this.matrix((c) => cellProperties(c, spec));
      this.ctx.host.received(v, this.ctx.response);
      result.set(v);
    });
    return result;
  }
}

function cellProperties(cell: FakeCell, spec: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const f = spec.format;
  const out: Excel.CellPropertiesFormat = {};
  if (f?.fill) {
    // No Fill reads as white; only tintAndShade (null) and pattern tell it apart (OJS#4900).
    out.fill = { color: cell.fill ?? '#FFFFFF', pattern: cell.fill === null ? 'None' : 'Solid', tintAndShade: (cell.fill === null ? null : 0) as number };
  }
  if (f?.font) out.font = { color: cell.fontColor };
  if (f?.borders) {
    const b = (s: BorderSide): Excel.CellBorder => ({ ...cell.borders[s] }) as Excel.CellBorder;
    out.borders = { top: b('EdgeTop'), bottom: b('EdgeBottom'), left: b('EdgeLeft'), right: b('EdgeRight') };
  }
  return { format: out };
}

class FakeClientResult<T> {
  private ready = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.ready = true;
  }
  get value(): T {
    if (!this.ready) throw new FakeOfficeError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as T;
  }
}

class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly areas: () => string[] | null,
  ) {
    super(ctx);
    // office.js fills isNullObject at the next sync without an explicit load (docs: application-specific-api-model).
    this.load('isNullObject');
  }
  protected readers() {
    return {
      isNullObject: () => this.areas() === null,
      address: () => this.areas()?.join(',') ?? null,
      areaCount: () => this.areas()?.length ?? 0,
    };
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get address(): string {
    return this.prop('address');
  }
}

class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  readonly borders: FakeBorders;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
    this.borders = new FakeBorders(ctx, range);
  }
  set wrapText(v: boolean) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.wrapText = v)));
  }
  set verticalAlignment(v: string) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.verticalAlignment = v)));
  }
  set horizontalAlignment(v: string) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.horizontalAlignment = v)));
  }
  /** Points, for every column the range spans (ExcelApi 1.2). */
  set columnWidth(v: number) {
    this.ctx.enqueue(() => {
      const r = this.range.rect();
      if (!r) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (null object)");
      const sheet = this.ctx.host.sheet(this.range.sheetName);
      for (let c = r.c0; c <= r.c1; c++) sheet.columnWidths[a1(0, c).replace(/\d+$/, '')] = v;
    });
  }
  /** Row heights follow the wrapped text in Excel; the fake has no layout, so this only checks the range exists. */
  autofitRows(): void {
    this.ctx.enqueue(() => {
      this.range.rect();
      this.ctx.host.sheet(this.range.sheetName);
    });
  }
}

class FakeFill {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  set color(v: string) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.fill = v.toUpperCase())));
  }
  clear(): void {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.fill = null)));
  }
}

class FakeFont {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  set color(v: string) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.fontColor = v.toUpperCase())));
  }
  set bold(v: boolean) {
    this.ctx.enqueue(() => this.range.forEachCell((c) => (c.bold = v)));
  }
}

class FakeBorders {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  getItem(side: BorderSide): FakeBorderItem {
    if (!BORDER_SIDES.includes(side)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${side})`);
    return new FakeBorderItem(this.ctx, this.range, side);
  }
}

/** Edge borders of a multi-cell range apply to its outer edge only, as in Excel. */
class FakeBorderItem {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly side: BorderSide,
  ) {}
  private edit(fn: (b: FakeBorder) => void): void {
    this.ctx.enqueue(() => {
      const r = this.range.rect();
      if (!r) throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (null object)");
      this.range.forEachCell((cell, i, j) => {
        const onEdge =
          (this.side === 'EdgeTop' && i === r.r0) ||
          (this.side === 'EdgeBottom' && i === r.r1) ||
          (this.side === 'EdgeLeft' && j === r.c0) ||
          (this.side === 'EdgeRight' && j === r.c1);
        if (onEdge) fn(cell.borders[this.side]);
      });
    });
  }
  set style(v: string) {
    this.edit((b) => {
      b.style = v;
      // Setting the style to None removes the border; office.js then reports the default colour again.
      if (v === 'None') Object.assign(b, NO_BORDER);
    });
  }
  set color(v: string) {
    this.edit((b) => {
      b.color = v.toUpperCase();
      if (b.style === 'None') b.style = 'Continuous';
    });
  }
  set weight(v: string) {
    this.edit((b) => {
      b.weight = v;
      if (b.style === 'None') b.style = 'Continuous';
    });
  }
}

class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    if (orNull) this.load('isNullObject');
  }
  protected readers() {
    const map = this.ctx.host.settingsMap();
    return {
      isNullObject: () => !map.has(this.key),
      key: () => this.key,
      value: () => {
        if (!map.has(this.key)) {
          if (this.orNull) return null;
          throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist.");
        }
        // Settings round-trip through JSON in office.js, so callers never share objects with the store.
        return clone(map.get(this.key));
      },
    };
  }
  get isNullObject(): boolean {
    return this.prop('isNullObject');
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.settingsMap().delete(this.key);
    });
  }
}

class FakeSettingCollection extends ClientObject {
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false);
  }
  add(key: string, value: unknown): FakeSetting {
    this.ctx.enqueue(() => {
      this.ctx.host.settingsMap().set(key, clone(value));
    });
    return new FakeSetting(this.ctx, key, false);
  }
}
