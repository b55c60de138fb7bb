/** 情况说明: the 补充信息 inputs, the generated text and the audit of an existing text. Pure; no host APIs. */
import { Grid } from '../grid';
import { recognize } from '../recognize/recognize';
import { Workbook } from '../model';
import { checkSupplement, readSupplement, Supplement } from './supplement';
import { generateNarrative } from './generate';
import { NarrativeDoc, NarrativeFinding } from './types';

export interface NarrativeContext {
  readonly grid: Grid;
  readonly workbook: Workbook;
  readonly supplement: Supplement | null;
  /** Findings about the 补充信息 sheet (missing inputs, text in amount cells, 绩效 vs 05). */
  readonly supplementFindings: ReadonlyArray<NarrativeFinding>;
}

export function narrativeContext(grid: Grid, workbook: Workbook = recognize(grid).workbook): NarrativeContext {
  const supplement = readSupplement(grid, workbook);
  return { grid, workbook, supplement, supplementFindings: checkSupplement(workbook, supplement) };
}

export function narrativeOf(ctx: NarrativeContext): NarrativeDoc {
  return generateNarrative(ctx.workbook, ctx.supplement, ctx.grid);
}

export { generateNarrative } from './generate';
export { auditNarrative, auditNarrativeFigures, type AuditOptions, type FigureCounts, type NarrativeAudit } from './audit';
export { supplementLayout, readSupplement, checkSupplement, reasonNote, SUPPLEMENT_SHEET } from './supplement';
export type { LayoutRow, Supplement, SupplementEntry } from './supplement';
export * from './types';
