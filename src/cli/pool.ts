import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Rendered, renderFile, RenderOptions } from './render';

/**
 * Checks files on all cores and hands results back in input order, so the report reads the same
 * however the work was spread. Small batches stay on the main thread (starting workers costs more).
 */
export async function checkAll(files: ReadonlyArray<string>, opts: RenderOptions, onDone: (r: Rendered, index: number) => void): Promise<void> {
  const threads = Math.min(cpus().length, files.length);
  if (threads < 2 || files.length < 8) {
    for (let i = 0; i < files.length; i++) onDone(await renderFile(files[i], opts), i);
    return;
  }
  const results: Array<Rendered | undefined> = new Array(files.length);
  let next = 0;
  let flushed = 0;
  const flush = () => {
    while (flushed < files.length && results[flushed]) {
      onDone(results[flushed]!, flushed);
      results[flushed] = undefined;
      flushed++;
    }
  };
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(join(__dirname, 'worker.js'));
      return new Promise<void>((resolve, reject) => {
        const send = () => {
          if (next >= files.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          worker.postMessage({ id, file: files[id], opts });
        };
        worker.on('message', (msg: { id: number; rendered: Rendered }) => {
          results[msg.id] = msg.rendered;
          flush();
          send();
        });
        worker.on('error', reject);
        send();
      });
    }),
  );
}
