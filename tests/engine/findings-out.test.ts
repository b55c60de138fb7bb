/** `juesuan check <workbook> --out 结果.xlsx` as a user runs it (needs `npm run build`, which `npm test` runs first). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const ROOT = join(__dirname, '..', '..');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd, encoding: 'utf8' });

test('writes the 检查结果 sheet with links into the checked workbook, and never replaces a file without --force', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-out-'));
  copyFileSync(join(ROOT, 'examples/hongshan-2024.xlsx'), join(dir, '洪山.xlsx'));
  const input = readFileSync(join(dir, '洪山.xlsx'));

  const r = run(dir, 'check', '洪山.xlsx', '--out', '结果.xlsx');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('[错误] 公开04表!G38');
  expect(r.stderr).toBe('已把 4 条结果写入 结果.xlsx 的“检查结果”工作表。\n');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, '结果.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['检查结果']);
  const ws = wb.getWorksheet('检查结果')!;
  const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  expect(row(1)).toEqual(['级别', '工作表', '单元格', '规则', '规则名称', '说明', '应为', '实为', '相差', '单位', '相关单元格']);
  const g38 = row(2);
  expect(g38.slice(0, 2)).toEqual(['错误', '公开04表']);
  expect(g38[2]).toMatchObject({ text: 'G38', hyperlink: "洪山.xlsx#'公开04表'!G38" });
  expect(g38.slice(3, 5)).toEqual(['sum/04-balance', '财政拨款收支平衡（总计及各类）']);
  expect(g38.slice(6, 10)).toEqual([1010.72, 1010.7, 0.02, '万元']);
  expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
  expect(g38[10]).toBe('C7、C35');
  expect([2, 3, 4, 5].map((n) => ws.getCell(`C${n}`).text)).toEqual(['G38', 'G38', 'G38', 'F6']);

  // An existing file is kept byte for byte without --force; with it, replaced.
  writeFileSync(join(dir, '结果.xlsx'), 'mine');
  const again = run(dir, 'check', '洪山.xlsx', '--out', '结果.xlsx');
  expect(again.status).toBe(2);
  expect(again.stderr).toBe('结果.xlsx 已存在，未写入。要替换它，请加 --force。\n');
  expect(readFileSync(join(dir, '结果.xlsx'), 'utf8')).toBe('mine');
  expect(run(dir, 'check', '洪山.xlsx', '--out', '结果.xlsx', '--force', '--no-info').stderr).toBe('已把 3 条结果写入 结果.xlsx 的“检查结果”工作表。\n');

  // The checked workbook is never the output, even with --force.
  const self = run(dir, 'check', '洪山.xlsx', '--out', './洪山.xlsx', '--force');
  expect(self.status).toBe(2);
  expect(self.stderr).toMatch(/就是被检查的工作簿，不会覆盖它/);
  expect(readFileSync(join(dir, '洪山.xlsx')).equals(input)).toBe(true);

  const missing = run(dir, 'check', '洪山.xlsx', '--out', 'nope/结果.xlsx');
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('无法写入 nope/结果.xlsx：文件夹不存在。\n');
});
