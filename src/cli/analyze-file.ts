import { analyze } from '../engine';
import { userMessage } from '../io/fs-errors';
import { FilePath, shownPath } from '../io/paths';
import { readWorkbook, UnreadableWorkbookError } from '../io/read';
import { userCatalogue } from './catalogue';
import { FileResult } from './report';

/** What a user is told when checking fails in a way no reader limit foresaw. */
export const UNEXPECTED = '检查时出现意外错误。请在 Excel 中打开并另存一份后再试；若仍出错，请把这个文件报告给维护者。';

export async function analyzeFile(path: FilePath, timeLimitMs?: number): Promise<FileResult> {
  const file = shownPath(path);
  try {
    const { grid, notes } = await readWorkbook(path, { timeLimitMs });
    return { file, analysis: analyze(grid, { catalogue: userCatalogue() }), notes };
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) return { file, error: err.reason };
    return { file, error: userMessage(err, UNEXPECTED) };
  }
}
