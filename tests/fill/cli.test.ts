/** `juesuan template` and `juesuan fill` as a user runs them (needs `npm run build`, which `npm test` runs first). */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { analyze, recognize } from '../../src/engine';
import { amountRoles } from '../../src/engine/fill/roles';
import { readWorkbookFile } from '../../src/io/read';

const ROOT = join(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'juesuan-fill-'));
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

test('template writes the nine tables, which check reads back without a finding', async () => {
  const out = join(dir, 'template.xlsx');
  const r = run('template', '--year', '2024', '--out', out);
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
