import { CellRef } from '../a1';
import { TableId, Unit } from '../model';

/**
 * What the recognizer observed while reading the grid. It never formats findings itself:
 * the structure/*, value/* and code/* rules turn these observations into findings.
 */
export type RecognitionNote =
  | { readonly kind: 'no-tables'; readonly sheets: ReadonlyArray<string> }
  | { readonly kind: 'table-missing'; readonly table: TableId }
  | { readonly kind: 'table-duplicate'; readonly table: TableId; readonly kept: CellRef; readonly ignored: CellRef }
  | { readonly kind: 'column-missing'; readonly table: TableId; readonly at: CellRef; readonly column: string }
  | { readonly kind: 'line-missing'; readonly table: TableId; readonly at: CellRef; readonly line: string }
  | { readonly kind: 'no-data-rows'; readonly table: TableId; readonly at: CellRef }
  | { readonly kind: 'unit-missing'; readonly table: TableId; readonly at: CellRef; readonly assumed: Unit }
  | { readonly kind: 'unit-mismatch'; readonly table: TableId; readonly at: CellRef; readonly unit: Unit; readonly majority: Unit }
  | { readonly kind: 'coarse-step'; readonly table: TableId; readonly at: CellRef; readonly step: string; readonly unit: Unit }
  | { readonly kind: 'not-a-number'; readonly table: TableId; readonly at: CellRef; readonly text: string; readonly label: string }
  | { readonly kind: 'number-as-text'; readonly table: TableId; readonly at: CellRef; readonly text: string; readonly label: string }
  | { readonly kind: 'negative'; readonly table: TableId; readonly at: CellRef; readonly value: string; readonly label: string }
  | { readonly kind: 'excess-precision'; readonly table: TableId; readonly at: CellRef; readonly value: string; readonly label: string; readonly decimals: number }
  | { readonly kind: 'code-malformed'; readonly table: TableId; readonly at: CellRef; readonly code: string; readonly name: string }
  | { readonly kind: 'code-orphan'; readonly table: TableId; readonly at: CellRef; readonly code: string; readonly parent: string }
  | { readonly kind: 'code-order'; readonly table: TableId; readonly at: CellRef; readonly code: string; readonly previous: string }
  | { readonly kind: 'code-duplicate'; readonly table: TableId; readonly at: CellRef; readonly code: string; readonly first: CellRef };

export type NoteKind = RecognitionNote['kind'];
