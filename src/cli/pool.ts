import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FilePath, shownPath } from '../io/paths';
import { Rendered, renderFile, renderReason, RenderOptions } from './render';

/** How long one file may take in a batch before its worker is stopped and the file reported. */
export const DEFAULT_TIME_LIMIT_MS = 120_000;
/** Heap of one worker: a hostile file stops its own worker, not the whole run. */
const WORKER_HEAP_MB = 1536;

export interface PoolOptions {
  /** The worker module; it answers each `{ id, job }` message with `{ id, result }`. */
  readonly script: string;
  readonly threads: number;
  readonly timeLimitMs: number;
}

/** Why a job produced no result: it ran out of time, or its worker died (out of memory, a crash). */
export type PoolFailure = { readonly kind: 'timeout' | 'died'; readonly detail?: string };

/**
 * Runs jobs on worker threads and hands each outcome back in input order. A job that takes longer than the
 * time limit has its worker stopped; a worker that dies takes only its current job with it. Either way a fresh
 * worker carries on with the rest, so no single input can stall or sink the batch.
 */
export async function runPool<J, R>(jobs: ReadonlyArray<J>, o: PoolOptions, onDone: (outcome: R | PoolFailure, index: number) => void): Promise<void> {
  const results: Array<{ v: R | PoolFailure } | undefined> = new Array(jobs.length);
  let next = 0;
  let flushed = 0;
  const settle = (id: number, v: R | PoolFailure) => {
    results[id] = { v };
    while (flushed < jobs.length && results[flushed]) {
      onDone(results[flushed]!.v, flushed);
      results[flushed] = undefined;
      flushed++;
    }
  };
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const worker = new Worker(o.script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      // One worker serves jobs until one of them fails; then the worker is dropped and a new one started.
      await new Promise<void>((resolve) => {
        let current = -1;
        let timer: NodeJS.Timeout | undefined;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          void worker.terminate().finally(resolve);
        };
        const fail = (f: PoolFailure) => {
          if (current >= 0) settle(current, f);
          current = -1;
          finish();
        };
        const send = () => {
          if (next >= jobs.length) return finish();
          current = next++;
          clearTimeout(timer);
          timer = setTimeout(() => fail({ kind: 'timeout' }), o.timeLimitMs);
          worker.postMessage({ id: current, job: jobs[current] });
        };
        worker.on('message', (msg: { id: number; result: R }) => {
          if (msg.id !== current) return;
          current = -1;
          settle(msg.id, msg.result);
          send();
        });
        worker.on('error', (err: Error & { code?: string }) => fail({ kind: 'died', detail: err.code }));
        worker.on('exit', () => fail({ kind: 'died' }));
        send();
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.threads, jobs.length)) }, lane));
}

export function failureText(f: PoolFailure, limitMs: number): string {
  if (f.kind === 'timeout') return `检查超过 ${Math.round(limitMs / 1000)} 秒仍未完成，已停止（文件可能已损坏或过于庞大）。请在 Excel 中打开并另存一份后再检查。`;
  if (f.detail === 'ERR_WORKER_OUT_OF_MEMORY') return '检查这个文件时内存不足，已停止。请确认文件没有异常多的单元格，或在 Excel 中另存一份后再检查。';
  return '检查这个文件时处理进程意外退出，已停止。请在 Excel 中打开并另存一份后再检查。';
}

const isFailure = (x: unknown): x is PoolFailure => typeof x === 'object' && x !== null && 'kind' in x && !('output' in x);

/**
 * Checks files on all cores and hands results back in input order, so the report reads the same however the
 * work was spread. Small batches stay on the main thread (starting workers costs more); there the file
 * reader's own limits apply (cells counted before parsing, .xls parsed under a time limit).
 */
export async function checkAll(files: ReadonlyArray<FilePath>, opts: RenderOptions, onDone: (r: Rendered, index: number) => void): Promise<void> {
  const threads = Math.min(cpus().length, files.length);
  const render: RenderOptions = { ...opts, timeLimitMs: opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS };
  if (threads < 2 || files.length < 8) {
    for (let i = 0; i < files.length; i++) onDone(await renderFile(files[i], render), i);
    return;
  }
  const limit = render.timeLimitMs!;
  await runPool<{ file: FilePath; opts: RenderOptions }, Rendered>(
    files.map((file) => ({ file, opts: render })),
    { script: join(__dirname, 'worker.js'), threads, timeLimitMs: limit },
    (r, i) => onDone(isFailure(r) ? renderReason(shownPath(files[i]), failureText(r, limit), render) : r, i),
  );
}
