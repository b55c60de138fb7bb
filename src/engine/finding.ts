import { CellRef } from './a1';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  readonly related: ReadonlyArray<CellRef>;
  /** Exact decimal strings in the unit of `cell`'s table; null when the rule has no amounts. */
  readonly expected: string | null;
  readonly actual: string | null;
  readonly difference: string | null;
  readonly tolerance: string | null;
  readonly unit: string | null;
  readonly message: string;
  /** Table the finding belongs to, for grouping ('--' when it concerns the workbook). */
  readonly table: string;
}
