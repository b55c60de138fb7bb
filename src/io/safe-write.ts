/**
 * Every file the command line writes goes through here, so that no write can lose a workbook:
 *
 *   await checkTarget(target, { force, inputs });   // before the work: refuse early, with the reason
 *   const { backup } = await safeWrite(target, bytes, { force, inputs, verify });
 *
 * - the target is never one of the inputs, compared by identity (device + inode), so a hard link, a symlink
 *   or the same path spelled differently is caught, not only an equal string;
 * - an existing file is replaced only with `force`, and then its previous content is kept as `<target>.bak`;
 * - the bytes go to a temporary file in the target's folder, are synced and read back (and checked by
 *   `verify`, e.g. "is a readable .xlsx"), and only then renamed over the target: a crash, a full disk or a
 *   kill leaves the old file whole and no partial file behind.
 * Failures throw {@link WriteError} with one Chinese sentence naming the file.
 */
import { promises as fsp, Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsErrorText } from './fs-errors';

export interface SafeWriteOptions {
  /** Replace an existing target (its old content is kept as `<target>.bak`). */
  readonly force?: boolean;
  /** Files the command reads: the target may be none of them. */
  readonly inputs?: ReadonlyArray<string>;
  /** Checks the bytes read back from the temporary file; returns a Chinese reason when they are not usable. */
  readonly verify?: (bytes: Buffer) => string | null;
}

/** A write that was refused or failed; `message` is one Chinese sentence for the user. */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    message: string,
  ) {
    super(message);
  }
}

async function statOrNull(p: string): Promise<Stats | null> {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/** The backup an overwrite keeps. */
export function backupPath(target: string): string {
  return `${resolve(target)}.bak`;
}

/** Refuses a target that is an input, sits in a missing folder, or exists without `force`. Resolves when writing may go ahead. */
export async function checkTarget(target: string, o: SafeWriteOptions = {}): Promise<void> {
  const path = resolve(target);
  const dir = dirname(path);
  const dirStat = await statOrNull(dir);
  if (!dirStat) throw new WriteError(path, `无法写入 ${path}：文件夹 ${dir} 不存在，请先建立该文件夹或换一个输出位置。`);
  if (!dirStat.isDirectory()) throw new WriteError(path, `无法写入 ${path}：${dir} 不是文件夹。`);
  const existing = await statOrNull(path);
  if (existing?.isDirectory()) throw new WriteError(path, `无法写入 ${path}：这是一个文件夹，请给出文件名。`);
  for (const input of o.inputs ?? []) {
    const s = await statOrNull(input);
    if (!s) continue;
    if (existing && sameFile(existing, s)) throw new WriteError(path, `输出文件与原文件相同（${path} 与 ${input} 是同一文件或其链接），不会改写原文件，请另指定输出文件。`);
    const bak = o.force && existing ? await statOrNull(backupPath(path)) : null;
    if (bak && sameFile(bak, s)) throw new WriteError(path, `备份文件 ${backupPath(path)} 就是输入文件 ${input}，请另指定输出文件。`);
  }
  if (existing && !o.force) throw new WriteError(path, `${path} 已存在，未改写。要替换它请加 --force（原文件会保留为 ${basename(path)}.bak），或另指定输出文件。`);
}

function failure(path: string, err: unknown): WriteError {
  if (err instanceof WriteError) return err;
  return new WriteError(path, `无法写入 ${path}：${fsErrorText(err) ?? '写入时出错。'}未留下不完整的文件，原有文件未改动。`);
}

/** Writes `bytes` to `target` without ever leaving it half-written; resolves to the full path and the backup kept, if any. */
export async function safeWrite(target: string, bytes: Buffer | string, o: SafeWriteOptions = {}): Promise<{ path: string; backup?: string }> {
  const path = resolve(target);
  await checkTarget(path, o);
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await fsp.open(tmp, 'wx');
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const back = await fsp.readFile(tmp);
    if (!back.equals(data)) throw new WriteError(path, `无法写入 ${path}：写入后读回的内容不一致（磁盘可能有故障），原有文件未改动。`);
    const bad = o.verify?.(back);
    if (bad) throw new WriteError(path, `没有写入 ${path}：生成的文件无法读回（${bad}），原有文件未改动。`);
    let backup: string | undefined;
    if (await statOrNull(path)) {
      backup = backupPath(path);
      await fsp.copyFile(path, backup);
    }
    await fsp.rename(tmp, path);
    created = false;
    return { path, backup };
  } catch (err) {
    throw failure(path, err);
  } finally {
    if (created) await fsp.unlink(tmp).catch(() => undefined);
  }
}
