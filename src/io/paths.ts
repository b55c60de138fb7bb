/**
 * A file found in a folder. Its name is usually UTF-8 and kept as a string; a name in another encoding (a GBK
 * name from a Windows zip or share) cannot be spelled as a JavaScript string that opens the file, so it is kept
 * as the raw bytes of its path, which every `fs` call accepts, and shown decoded as GBK.
 */
import { join } from 'node:path';

export type FilePath = string | Buffer;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GBK = new TextDecoder('gbk');

/** The path of `name` (raw bytes from `readdir`) inside `dir`: a string when the name is UTF-8. */
export function childPath(dir: FilePath, name: Buffer): FilePath {
  const sep = Buffer.from('/');
  try {
    const text = UTF8.decode(name);
    if (typeof dir === 'string') return join(dir, text);
  } catch {
    // not UTF-8: kept as bytes below
  }
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return Buffer.concat([base, base[base.length - 1] === sep[0] ? Buffer.alloc(0) : sep, name]);
}

/** How a path is shown: as is, or with each part that is not UTF-8 read as GBK. */
export function shownPath(p: FilePath): string {
  if (typeof p === 'string') return p;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= p.length; i++) {
    if (i < p.length && p[i] !== 0x2f) continue;
    const part = p.subarray(start, i);
    try {
      parts.push(UTF8.decode(part));
    } catch {
      parts.push(GBK.decode(part));
    }
    start = i + 1;
  }
  return parts.join('/');
}

/** A path that crossed to a worker thread arrives as a Uint8Array. */
export function revivePath(p: string | Uint8Array): FilePath {
  return typeof p === 'string' ? p : Buffer.from(p);
}
