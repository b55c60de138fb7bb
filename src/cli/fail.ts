import { userMessage } from '../io/fs-errors';

/**
 * The one line printed when a command fails in a way nothing foresaw: which command, on which files, and
 * what to do. No stack trace and no library's English; JUESUAN_DEBUG=1 adds the original error.
 */
export function unexpectedFailure(args: ReadonlyArray<string>, err: unknown): string {
  const command = args[0] ?? '';
  const files = args.slice(1).filter((a) => !a.startsWith('-'));
  const on = files.length ? `处理 ${files.join('、')} 时` : '运行时';
  const what = userMessage(err, '出现意外错误，没有完成。请确认文件能在 Excel 中打开、另存一份后再试；若仍出错，请把这一行和文件报告给维护者。');
  return `juesuan ${command} ${on}${what}`;
}
