/**
 * The engine's public surface. Pure TypeScript: no Office.js, no Node built-ins, no React.
 * Hosts hand in a Grid and get back the recognized tables and the findings.
 */
import { Finding } from './finding';
import { Grid } from './grid';
import { TableId, Workbook } from './model';
import { recognize } from './recognize/recognize';
import { RecognitionNote } from './recognize/notes';
import { checkWorkbook, Coverage } from './check';
import { ALL_RULES } from './rules';
import { BUNDLED_CATALOGUE, SubjectCatalogue } from './subjects';

export interface TableSummary {
  readonly id: TableId;
  readonly sheet: string;
  readonly range: string;
  readonly title: string;
  readonly unit: string;
}

export interface Analysis {
  readonly workbook: Workbook;
  readonly notes: ReadonlyArray<RecognitionNote>;
  readonly tables: ReadonlyArray<TableSummary>;
  /** The unit most tables use (万元 unless told otherwise). */
  readonly unit: string;
  readonly findings: ReadonlyArray<Finding>;
  /** Relations checked out of those the recognized layout allows, and each one skipped. */
  readonly coverage: Coverage;
}

export function summarizeTables(workbook: Workbook): TableSummary[] {
  return Object.values(workbook.tables)
    .filter((t): t is NonNullable<typeof t> => t !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((t) => ({ id: t.id, sheet: t.sheet, range: t.range, title: t.title, unit: t.unit }));
}

/** Recognizes the nine tables in a grid and runs every rule. Never throws on bad input. */
export interface AnalyzeOptions {
  /** The 科目 catalogue to check names against: the bundled one unless the host has the user's imported one. */
  readonly catalogue?: SubjectCatalogue;
}

export function analyze(grid: Grid, options: AnalyzeOptions = {}): Analysis {
  const { workbook, notes } = recognize(grid);
  const { findings, coverage } = checkWorkbook(ALL_RULES, workbook, notes, options.catalogue ?? BUNDLED_CATALOGUE);
  const tables = summarizeTables(workbook);
  const units = tables.map((t) => t.unit);
  const unit = units.filter((u) => u === '元').length > units.length / 2 ? '元' : '万元';
  return { workbook, notes, tables, unit, findings, coverage };
}

export type { Finding, Severity } from './finding';
export type { Grid, GridSheet, GridCell, CellRange, CellValue } from './grid';
export type { CellRef } from './a1';
export * from './model';
export { ALL_RULES } from './rules';
export type { Rule } from './rule';
export { ruleCatalogue } from './catalogue';
export { collectRelations } from './check';
export type { Relation, Term } from './relation';
export { evaluate } from './relation';
export { recognize } from './recognize/recognize';
export { BUNDLED_CATALOGUE, SubjectCatalogue } from './subjects';
export type { SubjectEntry } from './subjects';
