import { analyzeFile } from './analyze-file';
import { hasErrors, jsonLine, textReport } from './report';

/** What one checked file prints, computed where the file was read (main thread or a worker). */
export interface Rendered {
  readonly file: string;
  readonly output: string;
  readonly hasError: boolean;
  readonly unreadable: boolean;
}

export interface RenderOptions {
  readonly format: 'text' | 'json';
  readonly noInfo: boolean;
}

export async function renderFile(file: string, opts: RenderOptions): Promise<Rendered> {
  const r = await analyzeFile(file);
  const output = opts.format === 'json' ? jsonLine(r, opts.noInfo) : textReport(r, opts.noInfo);
  return { file, output, hasError: hasErrors(r), unreadable: !r.analysis };
}
