/**
 * Plain Chinese for the file-system errors a user can meet. Node's messages (`ENOENT: no such file…`) are
 * English and name internals; the code is enough to say what happened and what to do.
 */
const BY_CODE: Record<string, string> = {
  ENOENT: '文件或文件夹不存在，请检查路径。',
  ENOTDIR: '路径中有一段不是文件夹，请检查路径。',
  EISDIR: '这是一个文件夹，不是文件。',
  EACCES: '没有权限读写，请检查文件或文件夹的权限。',
  EPERM: '没有权限读写（文件可能被设为只读或正被其他程序使用）。',
  EROFS: '所在的磁盘是只读的，请换一个文件夹。',
  ENOSPC: '磁盘空间已满，请清理出空间后再试。',
  EDQUOT: '磁盘配额已用完，请清理出空间后再试。',
  EBUSY: '文件正被其他程序使用，请关闭后再试。',
  EMFILE: '同时打开的文件过多，请减少一次处理的文件后再试。',
  ENAMETOOLONG: '路径过长，请换一个较短的路径。',
  ELOOP: '路径中的链接形成了循环。',
  EIO: '读写磁盘时出错（磁盘或网络盘可能有故障）。',
  EXDEV: '无法在不同磁盘之间移动文件，请把输出放在同一文件夹。',
};

/** One Chinese sentence for an error from `fs`, or null when the error is not a file-system one. */
export function fsErrorText(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in BY_CODE ? BY_CODE[code] : null;
}

/**
 * A thrown value as a line a user can act on. Our own errors are already Chinese; anything else (a library's
 * English message, a stack) is replaced by a plain sentence. JUESUAN_DEBUG=1 adds the original for a bug report.
 */
export function userMessage(err: unknown, fallback: string): string {
  const fs = fsErrorText(err);
  if (fs) return fs;
  const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const debug = process.env.JUESUAN_DEBUG ? `［${String(err instanceof Error ? err.stack : err)}］` : '';
  if (/[\u4e00-\u9fff]/.test(msg)) return msg + debug;
  return fallback + debug;
}
