/**
 * `npm run bench`: generates a few hundred workbooks in varied layouts, then prints from one run the median
 * parse time (file bytes → grid), the median check time (grid → tables → findings), their ratio, and the
 * throughput of a batch `juesuan check` over the folder on all cores. Figures, not assertions: machines are shared.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { ALL_RULES, analyze, Grid, recognize } from '../src/engine';
import { runRules } from '../src/engine/check';
import { readWorkbookBytes } from '../src/io/read';
import { arbitraryDepartment, buildGrid, LAYOUTS } from '../tests/support/generate';
import { narrativeBench } from './narrative';

const COUNT = Number(process.env.BENCH_WORKBOOKS ?? 300);
const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, '.bench', 'workbooks');

function toXlsx(grid: Grid): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of grid.sheets) {
    const aoa = Array.from(s.rows, (r) => Array.from(r ?? [], (c) => (c ? c.value : null)));
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = s.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const layouts = Object.values(LAYOUTS);
  const depts = fc.sample(arbitraryDepartment(), { numRuns: COUNT, seed: 20241231 });
  const files: string[] = [];
  depts.forEach((d, i) => {
    const f = join(DIR, `wb-${String(i).padStart(4, '0')}.xlsx`);
    writeFileSync(f, toXlsx(buildGrid(d, layouts[i % layouts.length])));
    files.push(f);
  });
  // Warm up the JIT (a batch run is long-lived) before timing.
  for (const f of files.slice(0, 50)) analyze(readWorkbookBytes(readFileSync(f)));
  const parse: number[] = [];
  const recognizeTimes: number[] = [];
  const rules: number[] = [];
  const check: number[] = [];
  let errors = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    const t0 = performance.now();
    const grid = readWorkbookBytes(bytes, f);
    const t1 = performance.now();
    const { workbook, notes } = recognize(grid);
    const t2 = performance.now();
    const findings = runRules(ALL_RULES, workbook, notes);
    const t3 = performance.now();
    parse.push(t1 - t0);
    recognizeTimes.push(t2 - t1);
    rules.push(t3 - t2);
    check.push(t3 - t1);
    errors += findings.filter((x) => x.severity === 'error').length;
  }
  const t0 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), 'check', '--json', DIR], { stdio: ['ignore', 'ignore', 'ignore'] });
  const batchSeconds = (performance.now() - t0) / 1000;
  const mp = median(parse);
  const mc = median(check);
  const mr = median(recognizeTimes);
  const mu = median(rules);
  const lines = [
    `workbooks: ${files.length} (layouts: ${layouts.map((l) => l.name).join('、')}), cores: ${cpus().length}`,
    `median parse time: ${mp.toFixed(2)} ms (file bytes → grid)`,
    `median check time: ${mc.toFixed(2)} ms (grid → tables → findings) = recognize ${mr.toFixed(2)} ms + rules ${mu.toFixed(2)} ms`,
    `check / parse: ${((mc / mp) * 100).toFixed(1)} % (target ≤ 10 %); rules alone / (parse + recognize): ${((mu / (mp + mr)) * 100).toFixed(1)} %`,
    `batch check of the folder: ${batchSeconds.toFixed(2)} s, ${(files.length / batchSeconds).toFixed(1)} workbooks/s (target ≥ 50 on 2 cores)`,
    `error findings on consistent workbooks: ${errors} (must be 0)`,
    ...(await narrativeBench(ROOT)),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
