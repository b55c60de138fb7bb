/**
 * Hostile input and odd paths through the command line as a user runs it (needs `npm run build`): every case
 * gets the right exit code and one plain Chinese message, and no input file changes by a single byte.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellBomb, expectPlainChinese, FIXTURES, hash, leftovers, run, sampleCopy, sampleWithMerges, tempDir } from './support';

jest.setTimeout(120_000);

describe('an output that is the input, by any other name, is refused', () => {
  test('fill --out a hard link of the input', () => {
    const { dir, input, before } = sampleCopy();
    const link = join(dir, 'h.xlsx');
    linkSync(input, link);
    const r = run('fill', input, '--out', link);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输出文件与原文件相同');
    expect(r.stdout).not.toContain('已写入');
    expect(hash(input)).toBe(before);
  });

  test('supplement --out a symlink to the input, even with --force', () => {
    const { dir, input, before } = sampleCopy();
    const link = join(dir, 's.xlsx');
    symlinkSync(input, link);
    const r = run('supplement', input, '--out', link, '--force');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输出文件与原文件相同');
    expect(hash(input)).toBe(before);
  });

  test('narrative --sheet --out the input spelled differently', () => {
    const { dir, input, before } = sampleCopy();
    mkdirSync(join(dir, 'sub'));
    const r = run('narrative', input, '--sheet', '--out', join(dir, 'sub', '..', '.', 'wb.xlsx'), '--force');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输出文件与原文件相同');
    expect(hash(input)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('an existing file is replaced only with --force, and then kept as .bak', () => {
  test('template over a filled workbook', () => {
    const { dir, input, before } = sampleCopy();
    const refused = run('template', '--out', input);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('已存在，未改写');
    expect(refused.stderr).toContain('--force');
    expect(hash(input)).toBe(before);
    const forced = run('template', '--out', input, '--force');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain(`已保留为 ${input}.bak`);
    expect(hash(`${input}.bak`)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test('narrative --out over an existing text', () => {
    const { dir, input, before } = sampleCopy();
    const out = join(dir, '说明.txt');
    writeFileSync(out, '我写的稿子');
    const r = run('narrative', input, '--out', out);
    expect(r.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('我写的稿子');
    expect(hash(input)).toBe(before);
  });

  test('re-running supplement keeps the values typed into the earlier copy', async () => {
    const { dir, input, before } = sampleCopy();
    const copy = join(dir, 'wb.补充信息.xlsx');
    expect(run('supplement', input).status).toBe(0);
    const wbx = new ExcelJS.Workbook();
    await wbx.xlsx.readFile(copy);
    const ws = wbx.getWorksheet('补充信息')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 'prev.expense_sum') row = n;
    });
    expect(row).toBeGreaterThan(0);
    ws.getRow(row).getCell(3).value = 987.65;
    ws.getRow(row).getCell(4).value = '我填的原因';
    await wbx.xlsx.writeFile(copy);
    const typed = hash(copy);

    const again = run('supplement', input);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在，未改写');
    expect(hash(copy)).toBe(typed);

    const forced = run('supplement', input, '--force');
    expect(forced.status).toBe(0);
    expect(hash(`${copy}.bak`)).toBe(typed);
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.readFile(copy);
    const k = kept.getWorksheet('补充信息')!;
    let found: unknown[] = [];
    k.eachRow((r) => {
      if (r.getCell(1).value === 'prev.expense_sum') found = [r.getCell(3).value, r.getCell(4).value];
    });
    expect(found).toEqual([987.65, '我填的原因']);
    expect(hash(input)).toBe(before);
  });
});

describe('a write that cannot happen says so and exits 2', () => {
  test('fill --out into a missing folder', () => {
    const { input, before } = sampleCopy();
    const r = run('fill', input, '--out', '/nonexistent-juesuan/x.xlsx');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('文件夹 /nonexistent-juesuan 不存在');
    expect(r.stdout).not.toContain('已写入');
    expect(hash(input)).toBe(before);
  });

  test('template into a folder that is a file', () => {
    const { input, before } = sampleCopy();
    const r = run('template', '--out', join(input, 'x.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不是文件夹');
    expectPlainChinese(r.stderr);
    expect(hash(input)).toBe(before);
  });

  test('supplement --projects beyond any report', () => {
    const { input, before } = sampleCopy();
    const r = run('supplement', input, '--projects', '1000000');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--projects 须为 1 到 100 之间的整数');
    expect(hash(input)).toBe(before);
  });
});

describe('bounded work per file', () => {
  test('a cell bomb is refused before parsing, from the counts in its XML', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'bomb.xlsx');
    writeFileSync(bomb, await cellBomb(2100, 1000));
    const before = hash(bomb);
    const r = run('check', bomb);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('工作表中的单元格超过 2000000 个');
    expectPlainChinese(r.stderr);
    expect(hash(bomb)).toBe(before);
  });

  test('20,000 merged ranges: check reads it, the copying commands refuse it at once', async () => {
    const dir = tempDir();
    const input = join(dir, 'merges.xlsx');
    writeFileSync(input, await sampleWithMerges(20_000));
    const before = hash(input);
    expect(run('check', '--no-info', input).status).toBe(1);
    for (const args of [['fill', input, '--out', join(dir, 'f.xlsx')], ['narrative', input, '--sheet'], ['supplement', input]]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('处合并单元格，超过写入上限 5000');
    }
    expect(hash(input)).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test('the .xls that loops SheetJS forever is refused; a batch around it goes on, in order, GBK names too', () => {
    const dir = tempDir();
    const names = ['a.xlsx', 'b.xls', 'c.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx', 'g.xlsx', '测试.xlsx'];
    for (const n of names.slice(0, -1)) copyFileSync(n === 'b.xls' ? join(FIXTURES, 'parse-rgce-loop.xls') : join(FIXTURES, 'hongshan-2024.xlsx'), join(dir, n));
    // 测试.xlsx as a Windows zip or share names it: GBK bytes, not UTF-8.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('.xlsx')]), readFileSync(join(FIXTURES, 'hongshan-2024.xlsx')));
    const before = hash(join(dir, 'b.xls'));
    const r = run('check', '--json', dir);
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.file.split('/').pop())).toEqual(names);
    expect(lines[1].error).toContain('公式记录不完整');
    expect(lines.filter((l) => l.error)).toHaveLength(1);
    expect(lines[7].findings.length).toBeGreaterThan(0);
    expect(hash(join(dir, 'b.xls'))).toBe(before);
  });

  test('an .xls that takes longer than the time limit is stopped and reported', () => {
    const r = run('check', '--time-limit', '0.001', join(FIXTURES, 'hongshan-2024-formulas.xls'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('读取超过 0 秒仍未完成，已停止');
  });
});

describe('folders', () => {
  test('a symlinked sub-folder is checked, a link back into the walk is named, not followed again', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    copyFileSync(join(FIXTURES, 'hongshan-2024.xlsx'), join(dir, 'real', 'a.xlsx'));
    const top = join(dir, 'top');
    mkdirSync(top);
    symlinkSync(join(dir, 'real'), join(top, 'linked'));
    symlinkSync(top, join(top, 'loop'));
    const r = run('check', '--json', '--no-info', top);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).file)).toEqual([join(top, 'linked', 'a.xlsx')]);
    expect(r.stderr).toContain(`文件夹 ${join(top, 'loop')} 指向已检查过的文件夹，未重复检查。`);
  });
});

test('usage errors are in Chinese', () => {
  const r = run('check', '--bogus', 'x.xlsx');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('用法有误：不认识的选项 --bogus');
  expect(existsSync('x.xlsx')).toBe(false);
});
