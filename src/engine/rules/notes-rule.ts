import { Severity } from '../finding';
import { TableId } from '../model';
import { NoteKind, RecognitionNote } from '../recognize/notes';
import { defineRule, Rule } from '../rule';
import { CellRef } from '../a1';

type NoteOf<K extends NoteKind> = Extract<RecognitionNote, { kind: K }>;

/**
 * A rule that reports the recognizer's observations of one kind (structure/*, value/*, code/*):
 * the observation names the cell, the rule supplies the words.
 */
export function noteRule<K extends NoteKind>(meta: {
  id: string;
  severity: Severity;
  title: string;
  why: string;
  kind: K;
  at: (n: NoteOf<K>) => CellRef | null;
  table: (n: NoteOf<K>) => TableId | '--';
  message: (n: NoteOf<K>) => string;
  related?: (n: NoteOf<K>) => CellRef[];
  severityOf?: (n: NoteOf<K>) => Severity;
}): Rule {
  return defineRule({
    id: meta.id,
    severity: meta.severity,
    title: meta.title,
    why: meta.why,
    check(ctx) {
      for (const note of ctx.notes) {
        if (note.kind !== meta.kind) continue;
        const n = note as NoteOf<K>;
        const at = meta.at(n) ?? { sheet: ctx.workbook.sheetOrder[0] ?? '', cell: 'A1' };
        ctx.report({ table: meta.table(n), at, related: meta.related?.(n), message: meta.message(n), severity: meta.severityOf?.(n) });
      }
    },
  });
}
