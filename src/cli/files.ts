import { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fsErrorText } from '../io/fs-errors';

const WORKBOOK_EXT = new Set(['.xlsx', '.xls', '.xlsm']);

export interface Inputs {
  /** Workbooks to check, in a stable order; a missing file is kept so that it is reported with the rest. */
  readonly files: string[];
  /** Folders that could not be read: the run must not look complete (exit 2). */
  readonly problems: string[];
  /** Things passed over on purpose (a link back into a folder already walked), said so the user knows. */
  readonly notes: string[];
}

/**
 * Expands folders (recursively, following links to folders once) into their .xlsx/.xls files; plain files
 * are kept as given. Nothing is skipped without a word.
 */
export async function expandInputs(inputs: ReadonlyArray<string>): Promise<Inputs> {
  const files: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const walked = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (walked.has(real)) {
      notes.push(`文件夹 ${dir} 指向已检查过的文件夹，未重复检查。`);
      return;
    }
    walked.add(real);
    let entries: Dirent[];
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    } catch (err) {
      problems.push(`无法读取文件夹 ${dir}：${fsErrorText(err) ?? '读取时出错。'}其中的工作簿未检查。`);
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) isDir = await stat(p).then((s) => s.isDirectory(), () => false);
      if (isDir) await walk(p);
      else if (WORKBOOK_EXT.has(extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) files.push(p);
    }
  };
  for (const input of inputs) {
    const isDir = await stat(input).then((s) => s.isDirectory(), () => false);
    if (isDir) await walk(input);
    else files.push(input); // a missing file is reported as unreadable later, with the others still checked
  }
  return { files, problems, notes };
}
