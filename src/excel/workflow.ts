/**
 * The steps both entry points share (the task pane and the ribbon's 检查工作簿 button): read the workbook through
 * the adapter, run the engine, and bring the marks up to date.
 */
import { analyze } from '../engine';
import type { Analysis } from '../engine';
import { clearMarks, ExcelRun, MarkResult, readWorkbook, saveDecisions, selectRange, watchEdits, WorkbookRead, writeMarks } from './adapter';
import { Decisions, planMarks } from './decisions';
import type { Grid } from '../engine';
import { addSupplementSheet, CellWrite, FillUndoRecord, InsertResult, ParagraphKind, readFillUndo, SupplementRow, undoFills, UndoFillsResult, writeAtActiveCell, writeFills, WriteFillsResult, writeNarrativeSheet } from './writes';

export interface CheckResult {
  readonly read: WorkbookRead;
  readonly analysis: Analysis;
}

/** What the task pane needs from Excel; `workbookHost(Excel.run)` in the add-in, the fake's run in tests. */
export interface WorkbookHost {
  /** Reads and checks the workbook; `progress` is told when reading is done and the engine starts. */
  check(progress?: () => void): Promise<CheckResult>;
  /** Marks the findings' cells (replacing earlier marks) and stores the decisions with them. */
  mark(result: CheckResult, decisions: Decisions): Promise<MarkResult>;
  clear(decisions: Decisions, sheetNames: readonly string[]): Promise<Decisions>;
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
}

/** What the host offers beyond the manifest's ExcelApi 1.13. */
export interface HostFeatures {
  /** Cell notes (ExcelApi 1.18). */
  readonly notes: boolean;
}

export function workbookHost(run: ExcelRun, features: HostFeatures = { notes: false }): WorkbookHost {
  return {
    async check(progress) {
      const read = await readWorkbook(run);
      if (progress) {
        progress();
        // The engine runs on this thread; give the pane a chance to paint its progress first.
        await new Promise((r) => setTimeout(r, 0));
      }
      return { read, analysis: analyze(read.grid) };
    },
    mark: (result, decisions) => writeMarks(run, planMarks(result.analysis.findings, decisions), result.read, decisions),
    clear: (decisions, sheetNames) => clearMarks(run, decisions, sheetNames),
    saveDecisions: (decisions) => saveDecisions(run, decisions),
    select: (sheet, address) => selectRange(run, sheet, address),
    watchEdits: (onEdit) => watchEdits(run, onEdit),
    read: async () => (await readWorkbook(run)).grid,
    writeFills: (writes) => writeFills(run, writes),
    undoFills: () => undoFills(run),
    fillUndo: () => readFillUndo(run),
    writeNarrativeSheet: (paragraphs, overwrite, kinds) => writeNarrativeSheet(run, paragraphs, overwrite, kinds),
    writeAtActiveCell: (paragraphs, overwrite) => writeAtActiveCell(run, paragraphs, overwrite),
    addSupplementSheet: (sheetName, layout) => addSupplementSheet(run, sheetName, layout, features.notes),
  };
}

/** The ribbon command: check and mark without opening the pane. */
export async function checkAndMark(host: WorkbookHost): Promise<MarkResult> {
  const result = await host.check();
  return host.mark(result, result.read.decisions);
}
