import { FilePath } from '../io/paths';
import { analyzeFile } from './analyze-file';
import { FileResult, hasErrors, jsonLine, textReport } from './report';

/** What one checked file prints, computed where the file was read (main thread or a worker). */
export interface Rendered {
  readonly file: string;
  readonly output: string;
  readonly hasError: boolean;
  /** Why the file could not be checked; absent when it was. */
  readonly unreadable?: string;
}

export interface RenderOptions {
  readonly format: 'text' | 'json';
  readonly noInfo: boolean;
  /** Per-file limit for parsing a non-.xlsx workbook (the pool has its own for the whole check). */
  readonly timeLimitMs?: number;
}

function rendered(r: FileResult, opts: RenderOptions): Rendered {
  const output = opts.format === 'json' ? jsonLine(r, opts.noInfo) : textReport(r, opts.noInfo);
  return { file: r.file, output, hasError: hasErrors(r), unreadable: r.analysis ? undefined : r.error };
}

export async function renderFile(file: FilePath, opts: RenderOptions): Promise<Rendered> {
  return rendered(await analyzeFile(file, opts.timeLimitMs), opts);
}

/** What a file prints when it could not be checked at all (its worker ran out of time or died). */
export function renderReason(file: string, reason: string, opts: RenderOptions): Rendered {
  return rendered({ file, error: reason }, opts);
}
