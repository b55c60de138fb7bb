import { parentPort } from 'node:worker_threads';
import { renderFile, RenderOptions } from './render';

/** Checks the files the pool sends, one at a time, and posts back what to print. */
parentPort?.on('message', async (msg: { id: number; job: { file: string; opts: RenderOptions } }) => {
  const result = await renderFile(msg.job.file, msg.job.opts);
  parentPort!.postMessage({ id: msg.id, result });
});
