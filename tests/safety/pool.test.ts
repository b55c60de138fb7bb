/** The batch pool: a worker that hangs or dies costs its own job only, and results keep their order. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failureText, runPool } from '../../src/cli/pool';
import { tempDir } from './support';

const SCRIPT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, job }) => {
  if (job === 'hang') for (;;);
  if (job === 'die') process.exit(3);
  if (job === 'throw') throw new Error('boom');
  parentPort.postMessage({ id, result: job.toUpperCase() });
});
`;

test('hung, dying and throwing jobs are reported, the rest are done, in input order', async () => {
  const script = join(tempDir(), 'worker.js');
  writeFileSync(script, SCRIPT);
  const jobs = ['a', 'hang', 'b', 'die', 'c', 'throw', 'd', 'e'];
  const seen: Array<[number, unknown]> = [];
  await runPool(jobs, { script, threads: 2, timeLimitMs: 1500 }, (r, i) => seen.push([i, r]));
  expect(seen).toEqual([
    [0, 'A'],
    [1, { kind: 'timeout' }],
    [2, 'B'],
    [3, { kind: 'died', detail: undefined }],
    [4, 'C'],
    [5, { kind: 'died', detail: undefined }],
    [6, 'D'],
    [7, 'E'],
  ]);
}, 60_000);

test('what the user reads for each failure', () => {
  expect(failureText({ kind: 'timeout' }, 120_000)).toBe('检查超过 120 秒仍未完成，已停止（文件可能已损坏或过于庞大）。请在 Excel 中打开并另存一份后再检查。');
  expect(failureText({ kind: 'died', detail: 'ERR_WORKER_OUT_OF_MEMORY' }, 1)).toContain('内存不足');
});
