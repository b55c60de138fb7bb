import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const WORKBOOK_EXT = new Set(['.xlsx', '.xls', '.xlsm']);

/** Expands folders (recursively) into their .xlsx/.xls files; plain files are kept as given. */
export async function expandInputs(inputs: ReadonlyArray<string>): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      out.push(input); // reported as unreadable later, with the others still checked
      continue;
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const walk = async (dir: string): Promise<void> => {
      const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const p = join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (WORKBOOK_EXT.has(extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) out.push(p);
      }
    };
    await walk(input);
  }
  return out;
}
