/**
 * The narrative section of `npm run bench`: how long the 情况说明 reader takes on megabyte-sized hostile texts
 * (issue #13: every pattern over user text must be linear), and on the .docx paragraph reader with unclosed
 * paragraphs. The sample's own text is timed alongside as the reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { narrativeContext, auditNarrative } from '../src/engine/narrative';
import { readWorkbookBytes } from '../src/io/read';
import { hostileTexts, unclosedParagraphs } from '../tests/narrative/hostile-texts';
import { docxParagraphs } from '../src/cli/narrative';
import JSZip from 'jszip';

const BYTES = Number(process.env.BENCH_NARRATIVE_BYTES ?? 1 << 20);

function ms(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export async function narrativeBench(root: string): Promise<string[]> {
  const ctx = narrativeContext(readWorkbookBytes(readFileSync(join(root, 'examples', 'hongshan-2024.xlsx'))));
  const seed = readFileSync(join(root, 'tests', 'fixtures', 'seed-report.txt'), 'utf8').split('\n');
  const audit = (lines: string[]) => auditNarrative(ctx, lines, { source: 'bench', unit: 'line' });
  audit(seed);
  const lines = [`narrative: the sample's text (${seed.join('\n').length} characters) audited in ${ms(() => audit(seed)).toFixed(1)} ms`];
  // Each hostile text at half and at full size: a linear reader takes about twice as long on twice the text
  // (a quadratic one four times: before the fix, 64 K of "1,1,1,…" took 21 s).
  const half = hostileTexts(BYTES / 2);
  let worst = 0;
  for (const [i, t] of hostileTexts(BYTES).entries()) {
    const small = ms(() => audit(half[i].lines));
    const took = ms(() => audit(t.lines));
    worst = Math.max(worst, took / small);
    lines.push(`narrative, hostile text "${t.name}": ${(BYTES / 2048).toFixed(0)} K in ${small.toFixed(0)} ms, ${(BYTES / 1024).toFixed(0)} K in ${took.toFixed(0)} ms`);
  }
  lines.push(`narrative, hostile texts: largest time ratio for twice the text ${worst.toFixed(2)} (linear ≈ 2, quadratic ≈ 4)`);
  const zip = new JSZip();
  zip.file('word/document.xml', unclosedParagraphs(200_000));
  const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const t0 = performance.now();
  await docxParagraphs(docx);
  lines.push(`narrative, .docx of ${(docx.length / 1024).toFixed(1)} KB with 200,000 unclosed <w:p>: read in ${(performance.now() - t0).toFixed(0)} ms`);
  return lines;
}
