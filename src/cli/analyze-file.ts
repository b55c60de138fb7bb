import { analyze } from '../engine';
import { readWorkbookFile, UnreadableWorkbookError } from '../io/read';
import { userCatalogue } from './catalogue';
import { FileResult } from './report';

export async function analyzeFile(file: string): Promise<FileResult> {
  try {
    const grid = await readWorkbookFile(file);
    return { file, analysis: analyze(grid, { catalogue: userCatalogue() }) };
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) return { file, error: err.reason };
    return { file, error: `读取时出错：${(err as Error).message}` };
  }
}
