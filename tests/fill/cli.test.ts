/** `juesuan template` and `juesuan fill` as a user runs them (needs `npm run build`, which `npm test` runs first). */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyze, recognize } from '../../src/engine';
import { amountRoles } from '../../src/engine/fill/roles';
import { Grid } from '../../src/engine/grid';
import { readWorkbookFile } from '../../src/io/read';
import { blankDerivable, dropRows } from './roundtrip';

const ROOT = join(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'juesuan-fill-'));
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
// Each test starts the command line a few times; on a shared machine that takes seconds.
jest.setTimeout(60_000);

test('template writes the nine tables, which check reads back without a finding', async () => {
  const out = join(dir, 'template.xlsx');
  const r = run('template', '--year', '2024', '--dept', '某区城市管理局', '--out', out);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('已生成');
  const a = analyze(await readWorkbookFile(out));
  expect(a.tables.map((t) => t.id)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  const wbx = new ExcelJS.Workbook();
  await wbx.xlsx.readFile(out);
  const ws = wbx.getWorksheet('公开04表')!;
  expect(ws.getCell('A1').value).toBe('财政拨款收入支出决算总表');
  expect(ws.getCell('A1').isMerged).toBe(true);
  expect(ws.getCell('G38').numFmt).toBe('#,##0.00');
  expect(ws.getCell('G38').border.top?.style).toBe('thin');
  expect(ws.getCell('D38').value).toBe('总计');
  expect(ws.getCell('A3').value).toBe('部门：某区城市管理局');
  expect(run('template', '--year', '24', '--out', out).status).toBe(2);
});

test('fill writes the blanked totals of the seed into a copy, as numbers, keeping the formatting', async () => {
  // The seed with every derivable cell emptied, saved by exceljs like a user's file.
  const seed = join(ROOT, 'tests', 'fixtures', 'hongshan-2024.xlsx');
  const input = join(dir, 'entered.xlsx');
  const wbx = new ExcelJS.Workbook();
  await wbx.xlsx.readFile(seed);
  wbx.getWorksheet('公开04表')!.getCell('G38').font = { name: '宋体', bold: true };
  for (const { amount, role } of amountRoles(recognize(await readWorkbookFile(seed)).workbook).values()) {
    if (role === 'derived') wbx.getWorksheet(amount.ref.sheet)!.getCell(amount.ref.cell).value = null;
  }
  await wbx.xlsx.writeFile(input);
  const before = hash(input);

  const dry = run('fill', input, '--dry-run');
  expect(dry.status).toBe(0);
  expect(dry.stdout).toContain('公开04表!G38  1,010.72 万元  公开04表 支出总计（一般公共预算财政拨款）');

  const out = join(dir, 'filled.xlsx');
  const r = run('fill', input, '--out', out);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/将填写 \d+ 个单元格/);
  expect(r.stdout).toContain('已写入');
  expect(hash(input)).toBe(before);

  const filled = new ExcelJS.Workbook();
  await filled.xlsx.readFile(out);
  const g38 = filled.getWorksheet('公开04表')!.getCell('G38');
  expect(g38.value).toBe(1010.72);
  expect(g38.font?.bold).toBe(true);
  expect(filled.getWorksheet('公开03表')!.getCell('C7').value).toBe(1010.72);
  const a = analyze(await readWorkbookFile(out));
  expect(a.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('fill refuses to write over its input, and needs --out or --dry-run', () => {
  const seed = join('tests', 'fixtures', 'hongshan-2024.xlsx');
  const same = run('fill', seed, '--out', `./${seed}`);
  expect(same.status).toBe(2);
  expect(same.stderr).toContain('输出文件与原文件相同');
  expect(run('fill', seed).status).toBe(2);
});

test('fill of the seed as published reports the 04 总计 and exits 1', () => {
  const r = run('fill', 'tests/fixtures/hongshan-2024.xlsx', '--dry-run');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('公开04表!G38  公开04表 支出总计（一般公共预算财政拨款）表中为 1,010.70 万元，按已填数字推算应为 1,010.72 万元');
});

/** Writes a grid as an .xlsx (values and merges), as a user's file would hold it. */
async function gridToXlsx(grid: Grid, file: string): Promise<void> {
  const wbx = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wbx.addWorksheet(s.name);
    s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && (ws.getCell(r + 1, c + 1).value = cell.value as ExcelJS.CellValue)));
    for (const m of s.merges) ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
  }
  await wbx.xlsx.writeFile(file);
}

test.each(['hongshan-2024.xlsx', 'hongshan-2024-one-sheet.xlsx'])('fill --add-rows inserts the missing 合计/类/款 rows of %s and fills them', async (file) => {
  const seed = await readWorkbookFile(join(ROOT, 'tests', 'fixtures', file));
  const { grid: blanked } = blankDerivable(seed);
  const wb = recognize(seed).workbook;
  const drops = new Map<string, Set<number>>();
  for (const id of ['02', '03', '05'] as const) {
    const t = wb.tables[id];
    if (t?.kind !== 'coded') continue;
    const drop = drops.get(t.sheet) ?? new Set<number>();
    for (const row of [t.total!, ...t.rows]) if (row.level !== '项') drop.add(row.row);
    drops.set(t.sheet, drop);
  }
  let entered = blanked;
  for (const [sheet, drop] of drops) entered = dropRows(entered, sheet, drop);
  const input = join(dir, `items-only-${file}`);
  await gridToXlsx(entered, input);
  const out = join(dir, `items-filled-${file}`);

  const without = run('fill', input, '--out', out);
  expect(without.stdout).toContain('加 --add-rows 可插入这些行');

  const r = run('fill', input, '--out', out, '--add-rows', '--force');
  expect(r.stdout).toContain('插入 33 个缺少的上级科目行');
  expect(r.stdout).toContain(`已保留为 ${out}.bak`);
  expect(r.status).toBe(0);
  const filled = await readWorkbookFile(out);
  // The rows come back where the published tables have them, with their names, and every total is filled.
  const a = analyze(filled);
  expect(a.tables.map((t) => t.range)).toEqual(analyze(seed).tables.map((t) => t.range));
  expect(a.findings.filter((f) => f.severity !== 'info' && f.rule !== 'value/number-as-text')).toEqual([]);
  const t03 = recognize(filled).workbook.tables['03'];
  expect(t03?.kind === 'coded' && t03.rows.find((row) => row.code === '20103')?.name).toBe('政府办公厅（室）及相关机构事务');
  expect(t03?.kind === 'coded' && t03.total?.amounts.get(1)?.value.toString()).toBe('1010.72');
});
