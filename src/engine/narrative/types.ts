import Decimal from 'decimal.js';
import { CellRef } from '../a1';
import { Finding } from '../finding';

/** Where a figure comes from: table cells and/or 补充信息 keys (a derived figure lists all its inputs). */
export interface Source {
  /** What the figure is, in Chinese, e.g. `公开01表 收入总计`. */
  readonly label: string;
  readonly cells: ReadonlyArray<CellRef>;
  readonly keys: ReadonlyArray<string>;
}

/** An amount (万元) or count together with its provenance. */
export interface Fig {
  readonly value: Decimal;
  readonly source: Source;
  /** True when the value is exactly what it shows (blank or zero cell, a count); otherwise it stands for ±0.005. */
  readonly exact: boolean;
}

/** A run of text; figures carry their value and provenance, gaps name the missing input. */
export type Segment =
  | { readonly text: string }
  | { readonly text: string; readonly value: string; readonly source: Source }
  | { readonly text: string; readonly missing: string };

export type Paragraph = ReadonlyArray<Segment>;

export type BlockKind = 'title' | 'h1' | 'h2' | 'p' | 'caption';

export interface NarrativeBlock {
  readonly kind: BlockKind;
  readonly segments: Paragraph;
}

export interface MissingInput {
  readonly key: string;
  readonly label: string;
}

export interface NarrativeDoc {
  readonly blocks: ReadonlyArray<NarrativeBlock>;
  /** Inputs the text marks as 【待补充：…】, in order of first use. */
  readonly missing: ReadonlyArray<MissingInput>;
}

/** A finding about the 补充信息 sheet or about a narrative text. */
export interface NarrativeFinding extends Finding {
  /** The narrative file (or `补充信息`) the statement was read from. */
  readonly source: string;
  /** 1-based line (text files) or paragraph (docx) of the statement; null for sheet findings. */
  readonly line: number | null;
  readonly paragraph: number | null;
  /** The statement as written (normalised). */
  readonly quote: string;
}

export function blockText(b: NarrativeBlock): string {
  return b.segments.map((s) => s.text).join('');
}

/** The document as plain text, one block per line. */
export function plainText(doc: NarrativeDoc): string {
  return doc.blocks.map(blockText).join('\n') + '\n';
}

/** The fields a narrative finding adds to a Finding (for JSON output); none for table findings. */
export function narrativeFields(f: Finding): Partial<Pick<NarrativeFinding, 'source' | 'line' | 'paragraph' | 'quote'>> {
  if (!('quote' in f)) return {};
  const n = f as NarrativeFinding;
  return { source: n.source, line: n.line, paragraph: n.paragraph, quote: n.quote };
}
