import { parentPort } from 'node:worker_threads';
import { revivePath } from '../io/paths';
import { renderFile, RenderOptions } from './render';

/** Checks the files the pool sends, one at a time, and posts back what to print. */
parentPort?.on('message', async (msg: { id: number; job: { file: string | Uint8Array; opts: RenderOptions } }) => {
  const result = await renderFile(revivePath(msg.job.file), msg.job.opts);
  parentPort!.postMessage({ id: msg.id, result });
});
