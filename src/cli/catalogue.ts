/**
 * `juesuan catalogue import <file>`: reads the 政府收支分类科目 document an office has (.xlsx/.xls, .csv or .docx),
 * keeps its codes and names per year under the user's config directory, and hands them to the engine (merged with
 * the bundled catalogue) for `check` and `fill`. `juesuan catalogue list` shows what is kept.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { Command } from 'commander';
import { BUNDLED_CATALOGUE, SubjectCatalogue, SubjectEntry } from '../engine/subjects';
import { readWorkbookFile } from '../io/read';
import { docxParagraphs } from './narrative';

/** Where imported catalogues are kept: $JUESUAN_CONFIG_DIR, else the platform's config directory. */
export function configDir(): string {
  if (process.env.JUESUAN_CONFIG_DIR) return process.env.JUESUAN_CONFIG_DIR;
  const base = process.platform === 'win32' ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')) : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  return join(base, 'juesuan');
}

const catalogueDir = () => join(configDir(), 'catalogue');

interface StoredCatalogue {
  readonly year: number;
  readonly source: string;
  readonly entries: ReadonlyArray<{ readonly code: string; readonly name: string }>;
}

const CODE = /^[23]\d{2}(\d{2}){0,2}$/;
const CODE_WITH_NAME = /^([23]\d{2}(?:\d{2}){0,2})([\u4e00-\u9fa5].*)$/;
const HAS_NAME = /[\u4e00-\u9fa5]/;

/**
 * Code and name pairs from rows of cells: a code joined (`2010101`) or split over cells (`201` `01` `01`, or
 * `201` 1 1 as numbers), followed by its name; or both in one cell (`2010101 行政运行`).
 */
export function subjectPairs(rows: ReadonlyArray<ReadonlyArray<string>>): Array<{ code: string; name: string }> {
  const out: Array<{ code: string; name: string }> = [];
  for (const row of rows) {
    const tokens = row.flatMap((cell) => cell.trim().split(/\s+/)).filter((t) => t !== '');
    for (let i = 0; i < tokens.length; i++) {
      const joined = CODE_WITH_NAME.exec(tokens[i]);
      if (joined) {
        out.push({ code: joined[1], name: joined[2] });
        continue;
      }
      if (!CODE.test(tokens[i])) continue;
      let code = tokens[i];
      let j = i + 1;
      while (code.length < 7 && j < tokens.length && /^\d{1,2}$/.test(tokens[j])) code += tokens[j++].padStart(2, '0');
      if (j < tokens.length && HAS_NAME.test(tokens[j]) && CODE.test(code)) {
        out.push({ code, name: tokens[j] });
        i = j;
      }
    }
  }
  return out;
}

async function rowsOf(file: string): Promise<string[][]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return (await readFile(file, 'utf8')).split(/\r?\n/).map((line) => line.split(/[,\t]/).map((c) => c.replace(/^"|"$/g, '')));
  if (ext === '.docx') return (await docxParagraphs(await readFile(file))).map((p) => [p]);
  const grid = await readWorkbookFile(file);
  return grid.sheets.flatMap((s) => s.rows.map((row) => (row ?? []).map((c) => (c?.value === undefined || c.value === null ? '' : String(c.value)))));
}

/** The imported entries of every year kept, as catalogue entries. */
export function userSubjects(): SubjectEntry[] {
  let files: string[];
  try {
    files = readdirSync(catalogueDir()).filter((f) => /^\d{4}\.json$/.test(f));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const stored = JSON.parse(readFileSync(join(catalogueDir(), f), 'utf8')) as StoredCatalogue;
    return stored.entries.map((e) => ({ code: e.code, name: e.name, year: stored.year, source: `导入：${stored.source}` }));
  });
}

let cached: SubjectCatalogue | undefined;

/** The bundled catalogue with the user's imported years (read once per process). */
export function userCatalogue(): SubjectCatalogue {
  return (cached ??= BUNDLED_CATALOGUE.with(userSubjects()));
}

async function importCatalogue(file: string, o: { year?: string }): Promise<number> {
  const yearText = o.year ?? /(20\d{2})/.exec(basename(file))?.[1];
  if (!yearText || !/^20\d{2}$/.test(yearText)) {
    process.stderr.write(`${file}：无法从文件名看出科目表的年度，请用 --year 指定（如 --year 2024）。\n`);
    return 2;
  }
  const pairs = subjectPairs(await rowsOf(file));
  const unique = [...new Map(pairs.map((p) => [p.code, p])).values()].sort((a, b) => a.code.localeCompare(b.code));
  if (!unique.length) {
    process.stderr.write(`${file}：没有找到“科目编码 科目名称”形式的内容，未导入。\n`);
    return 1;
  }
  mkdirSync(catalogueDir(), { recursive: true });
  const stored: StoredCatalogue = { year: Number(yearText), source: basename(file), entries: unique };
  const target = join(catalogueDir(), `${yearText}.json`);
  writeFileSync(target, JSON.stringify(stored, null, 1));
  const fn = unique.filter((e) => e.code.startsWith('2')).length;
  process.stdout.write(`已导入 ${yearText} 年度科目 ${unique.length} 个（功能分类 ${fn} 个，经济分类 ${unique.length - fn} 个），保存在 ${target}。检查和填报将按它核对科目名称。\n`);
  return 0;
}

function listCatalogues(): number {
  const entries = userSubjects();
  const years = [...new Set(entries.map((e) => e.year))].sort();
  process.stdout.write(`内置科目表：${BUNDLED_CATALOGUE.size} 个编码（取自手头的决算报告和公开表模板）。\n`);
  if (!years.length) process.stdout.write(`尚未导入科目表（${catalogueDir()}）。\n`);
  for (const y of years) process.stdout.write(`  ${y} 年度：${entries.filter((e) => e.year === y).length} 个编码（${entries.find((e) => e.year === y)!.source}）\n`);
  return 0;
}

export function registerCatalogue(program: Command, setCode: (code: number) => void): void {
  const cmd = program.command('catalogue').description('政府收支分类科目表：导入本单位的科目文件，按年度保存，用于核对和填写科目名称');
  cmd
    .command('import')
    .description('导入科目表（.xlsx/.xls、.csv 或 .docx），每行“科目编码 科目名称”')
    .argument('<file>', '科目表文件')
    .option('--year <year>', '科目表的年度（默认取文件名中的年份）')
    .action(async (file: string, o: { year?: string }) => setCode(await importCatalogue(file, o)));
  cmd
    .command('list')
    .description('列出内置和已导入的科目表')
    .action(() => setCode(listCatalogues()));
}
