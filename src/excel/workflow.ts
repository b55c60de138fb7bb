/**
 * The steps both entry points share (the task pane and the ribbon's 检查工作簿 button): read the workbook through
 * the adapter, run the engine, and bring the marks up to date.
 */
import { analyze } from '../engine';
import type { Analysis } from '../engine';
import { clearMarks, ExcelRun, readStoredState, FindingsSheetResult, MarkResult, readWorkbook, saveDecisions, selectRange, watchEdits, WorkbookRead, writeFindingsSheet, writeMarks } from './adapter';
import { Decisions, planMarks } from './decisions';
import { fillOrigin } from './fill-origin';
import type { FindingsTable } from '../engine/report/findings-table';
import type { Grid } from '../engine';
import { addSupplementSheet, CellWrite, FillUndoRecord, InsertResult, ParagraphKind, readFillUndo, SupplementRow, undoFills, UndoFillsResult, writeAtActiveCell, writeFills, WriteFillsResult, writeNarrativeSheet } from './writes';

export interface CheckResult {
  readonly read: WorkbookRead;
  readonly analysis: Analysis;
  /** When the workbook had marks, the re-check brought them up to date (stale ones restored, new ones painted). */
  readonly marks: MarkResult | null;
}

/** What the task pane needs from Excel; `workbookHost(Excel.run)` in the add-in, the fake's run in tests. */
export interface WorkbookHost {
  /**
   * Reads and checks the workbook (2 syncs); when cells are marked, brings the marks up to date with the new findings
   * (3 more), so a mark never outlives its finding. `progress` is told when reading is done and the engine starts.
   */
  check(progress?: () => void): Promise<CheckResult>;
  /** Marks the findings' cells (replacing earlier marks) and stores the decisions with them. */
  mark(result: CheckResult, decisions: Decisions): Promise<MarkResult>;
  clear(decisions: Decisions): Promise<MarkResult>;
  /** 清除标记 without a check (the ribbon): reads the stored marks (1 sync) and restores them (3). */
  clearStored(): Promise<MarkResult>;
  saveDecisions(decisions: Decisions): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  watchEdits(onEdit: (address: string) => void): Promise<void>;
  /** Reads the workbook (2 syncs) without checking it: for 填报 and 情况说明. */
  read(): Promise<Grid>;
  /** 填报: writes the fills (1 sync to read the targets, 1 to write them all with the undo record). */
  writeFills(writes: readonly CellWrite[]): Promise<WriteFillsResult>;
  undoFills(): Promise<UndoFillsResult>;
  fillUndo(): Promise<FillUndoRecord | null>;
  /** 情况说明: into the 情况说明 sheet / downward from the active cell; without `overwrite`, never over content. */
  writeNarrativeSheet(paragraphs: readonly string[], overwrite: boolean, kinds?: readonly ParagraphKind[]): Promise<InsertResult>;
  writeAtActiveCell(paragraphs: readonly string[], overwrite: boolean): Promise<InsertResult>;
  addSupplementSheet(sheetName: string, layout: readonly SupplementRow[]): Promise<{ created: boolean }>;
  readonly platform: HostPlatform;
  /** 导出到“检查结果”工作表: an existing one is replaced only with `replace`. */
  writeFindingsSheet(table: FindingsTable, replace: boolean): Promise<FindingsSheetResult>;
}

/**
 * Where the pane runs, for what the webview allows (Office.context.platform): a browser tab (Excel on the web),
 * WebView2 on Windows, WKWebView on Mac. Downloads from a pane are not supported on Mac (by design, office-js#2700).
 */
export type HostPlatform = 'web' | 'windows' | 'mac' | 'other';

/** What the host offers beyond the manifest's ExcelApi 1.13. */
export interface HostFeatures {
  /** Cell notes (ExcelApi 1.18). */
  readonly notes: boolean;
  readonly platform: HostPlatform;
}

export function workbookHost(run: ExcelRun, features: HostFeatures = { notes: false, platform: 'web' }): WorkbookHost {
  return {
    platform: features.platform,
    async check(progress) {
      const read = await readWorkbook(run);
      if (progress) {
        progress();
        // The engine runs on this thread; give the pane a chance to paint its progress first.
        await new Promise((r) => setTimeout(r, 0));
      }
      const analysis = analyze(read.grid);
      // Marking on: the marks follow the new findings. Off: nothing is painted, and whatever a record says is marked
      // (left over, or crafted) is restored or reported and dropped, so no mark outlives the findings.
      const leftovers = Object.keys(read.decisions.marked).length > 0 || read.rejectedMarks.length > 0;
      const marks = read.decisions.marking
        ? await writeMarks(run, planMarks(analysis.findings, read.decisions), read.decisions, read.rejectedMarks)
        : leftovers
          ? await clearMarks(run, read.decisions, read.rejectedMarks)
          : null;
      return { read, analysis, marks };
    },
    mark: (result, decisions) => writeMarks(run, planMarks(result.analysis.findings, decisions), decisions, result.marks ? [] : result.read.rejectedMarks),
    clear: (decisions) => clearMarks(run, decisions),
    async clearStored() {
      const { decisions, rejected } = await readStoredState(run);
      return clearMarks(run, decisions, rejected);
    },
    saveDecisions: (decisions) => saveDecisions(run, decisions),
    select: (sheet, address) => selectRange(run, sheet, address),
    watchEdits: (onEdit) => watchEdits(run, onEdit),
    read: async () => (await readWorkbook(run)).grid,
    writeFills: (writes) => writeFills(run, writes),
    undoFills: async () => undoFills(run, fillOrigin((await readWorkbook(run)).grid)),
    fillUndo: () => readFillUndo(run),
    writeNarrativeSheet: (paragraphs, overwrite, kinds) => writeNarrativeSheet(run, paragraphs, overwrite, kinds),
    writeAtActiveCell: (paragraphs, overwrite) => writeAtActiveCell(run, paragraphs, overwrite),
    addSupplementSheet: (sheetName, layout) => addSupplementSheet(run, sheetName, layout, features.notes),
    writeFindingsSheet: (table, replace) => writeFindingsSheet(run, table, replace),
  };
}

/** Check, and mark every finding's cell (the ribbon's 检查工作簿): the check itself updates existing marks first. */
export async function checkAndMark(host: WorkbookHost): Promise<{ result: CheckResult; marks: MarkResult }> {
  const result = await host.check();
  if (result.marks && result.read.decisions.marking) return { result, marks: result.marks };
  const marks = await host.mark(result, result.marks?.decisions ?? result.read.decisions);
  return { result, marks: { ...marks, rejected: [...(result.marks?.rejected ?? []), ...marks.rejected] } };
}
