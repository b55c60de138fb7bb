/**
 * Findings grouped by the cell they point at: one wrong cell that breaks three relations is one item naming the three,
 * and is counted once. Pure data, shared by the task pane and the exported 检查结果 sheet.
 */
import type { Finding, Severity } from '../finding';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export interface FindingGroup {
  /** `sheet!A1`. */
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  /** Table of the group's first finding, for grouping by table ('--' for the workbook). */
  readonly table: string;
  /** The strongest severity among the findings: what the cell counts as. */
  readonly severity: Severity;
  /** In the engine's order. */
  readonly findings: readonly Finding[];
}

/** Groups by cell, in the order each cell first appears (the engine's stable order). */
export function groupByCell(findings: readonly Finding[]): FindingGroup[] {
  const byKey = new Map<string, { sheet: string; cell: string; table: string; severity: Severity; findings: Finding[] }>();
  for (const f of findings) {
    const key = `${f.sheet}!${f.cell}`;
    const g = byKey.get(key);
    if (!g) byKey.set(key, { sheet: f.sheet, cell: f.cell, table: f.table, severity: f.severity, findings: [f] });
    else {
      g.findings.push(f);
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[g.severity]) g.severity = f.severity;
    }
  }
  return [...byKey].map(([key, g]) => ({ key, ...g }));
}

/** Cells per strongest severity: 错误 N counts cells, not relations. */
export function countGroups(groups: readonly FindingGroup[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const g of groups) counts[g.severity]++;
  return counts;
}
