/** The command line as a user runs it (needs `npm run build`, which `npm test` runs first). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('check on the bundled sample prints the Chinese report and exits 1 (it has an error)', () => {
  const r = run('check', 'examples/hongshan-2024.xlsx');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('【公开04表 财政拨款收入支出决算总表】');
  expect(r.stdout).toContain('[错误] 公开04表!G38');
  expect(r.stdout).toMatch(/检查完毕：错误 3 个，警告 \d+ 个，提示 \d+ 个。/);
});

test('--json prints exactly one JSON object per workbook, with decimal strings', () => {
  const r = run('check', '--json', '--no-info', 'examples/hongshan-2024.xlsx');
  const lines = r.stdout.trim().split('\n');
  const obj = JSON.parse(lines[lines.length - 1]);
  expect(Object.keys(obj)).toEqual(['file', 'unit', 'tables', 'otherTables', 'relations', 'codes', 'findings']);
  // Every relation the layout allows is checked on the sample: none skipped.
  expect(obj.relations).toEqual({ checked: 423, allowed: 423, skipped: [] });
  expect(obj.otherTables).toEqual([]);
  expect(obj.unit).toBe('万元');
  expect(obj.tables[3]).toEqual({ id: '04', sheet: '公开04表', range: 'A1:I38' });
  expect(obj.findings[0]).toEqual({
    rule: 'sum/04-balance',
    severity: 'error',
    sheet: '公开04表',
    cell: 'G38',
    related: [
      { sheet: '公开04表', cell: 'C7' },
      { sheet: '公开04表', cell: 'C35' },
    ],
    expected: '1010.72',
    actual: '1010.70',
    difference: '-0.02',
    tolerance: '0.01',
    message: expect.stringContaining('应为 1,010.72 万元'),
  });
  expect(obj.findings.every((f: { severity: string }) => f.severity !== 'info')).toBe(true);
});

test('a folder with a bad file: the others are still reported, exit 2, one line says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
  copyFileSync(join(ROOT, 'tests/fixtures/hongshan-2024.xlsx'), join(dir, 'a.xlsx'));
  writeFileSync(join(dir, 'b.xlsx'), 'this is not a workbook');
  writeFileSync(join(dir, 'notes.txt'), 'ignored');
  const r = run('check', '--json', dir);
  expect(r.status).toBe(2);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.file.split('/').pop())).toEqual(['a.xlsx', 'b.xlsx']);
  expect(lines[1].error).toMatch(/不是/);
  expect(r.stderr).toMatch(/无法读取 .*b\.xlsx：/);
});

test('a consistent workbook exits 0; rules prints the catalogue', () => {
  const r = run('rules');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('sum/code-hierarchy');
  expect(run('check', 'nonexistent.xlsx').status).toBe(2);
});

test('many warnings of one kind in a table are summed up in one line; errors never are', () => {
  const r = run('check', '--no-info', 'tests/fixtures/hongshan-2024-one-sheet.xlsx');
  expect(r.stdout).toContain('[警告] 另有 14 处同类问题（数字存储为文本）：C51、I51、D53');
  expect(r.stdout.match(/\[错误\] 决算公开表!G145/g)).toHaveLength(3);
});
