import { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fsErrorText } from '../io/fs-errors';
import { childPath, FilePath, shownPath } from '../io/paths';

const WORKBOOK_EXT = new Set(['.xlsx', '.xls', '.xlsm']);

export interface Inputs {
  /** Workbooks to check, in a stable order; a missing file is kept so that it is reported with the rest. */
  readonly files: FilePath[];
  /** Folders that could not be read: the run must not look complete (exit 2). */
  readonly problems: string[];
  /** Things passed over on purpose (a link back into a folder already walked), said so the user knows. */
  readonly notes: string[];
}

/**
 * Expands folders (recursively, following links to folders once) into their .xlsx/.xls files; plain files
 * are kept as given. Names are read as bytes, so a GBK-named file is found and opened too. Nothing is
 * skipped without a word.
 */
export async function expandInputs(inputs: ReadonlyArray<string>): Promise<Inputs> {
  const files: FilePath[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const walked = new Set<string>();
  const walk = async (dir: FilePath): Promise<void> => {
    const real = await realpath(dir, 'buffer').then((b) => b.toString('latin1'), () => null);
    if (real !== null && walked.has(real)) {
      notes.push(`文件夹 ${shownPath(dir)} 指向已检查过的文件夹，未重复检查。`);
      return;
    }
    if (real !== null) walked.add(real);
    let entries: Dirent<Buffer>[];
    try {
      entries = (await readdir(dir, { withFileTypes: true, encoding: 'buffer' })).sort((a, b) => shownPath(a.name).localeCompare(shownPath(b.name)));
    } catch (err) {
      problems.push(`无法读取文件夹 ${shownPath(dir)}：${fsErrorText(err) ?? '读取时出错。'}其中的工作簿未检查。`);
      return;
    }
    for (const e of entries) {
      const p = childPath(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) isDir = await stat(p).then((s) => s.isDirectory(), () => false);
      const name = shownPath(e.name);
      if (isDir) await walk(p);
      else if (WORKBOOK_EXT.has(extname(name).toLowerCase()) && !name.startsWith('~$')) files.push(p);
    }
  };
  for (const input of inputs) {
    const isDir = await stat(input).then((s) => s.isDirectory(), () => false);
    if (isDir) await walk(input);
    else files.push(input); // a missing file is reported as unreadable later, with the others still checked
  }
  return { files, problems, notes };
}
