/** The safe writer on its own, with the file system made to fail: read-only folders, full disks, writes killed halfway. */
import { promises as fsp, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkTarget, safeWrite, WriteError } from '../../src/io/safe-write';
import { hash, leftovers, tempDir } from './support';

afterEach(() => jest.restoreAllMocks());

const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

test('a new file is written whole, with nothing left beside it', async () => {
  const dir = tempDir();
  const out = join(dir, 'a.txt');
  await expect(safeWrite(out, '内容')).resolves.toEqual({ path: out, backup: undefined });
  expect(readFileSync(out, 'utf8')).toBe('内容');
  expect(leftovers(dir)).toEqual([]);
});

test('a read-only folder: a clear message, nothing written', async () => {
  const dir = tempDir();
  jest.spyOn(fsp, 'open').mockRejectedValue(fsError('EACCES'));
  const err = await safeWrite(join(dir, 'a.txt'), 'x').catch((e) => e);
  expect(err).toBeInstanceOf(WriteError);
  expect(err.message).toBe(`无法写入 ${join(dir, 'a.txt')}：没有权限读写，请检查文件或文件夹的权限。未留下不完整的文件，原有文件未改动。`);
  expect(existsSync(join(dir, 'a.txt'))).toBe(false);
});

test('a write killed halfway (disk full) leaves the old file whole and no partial file', async () => {
  const dir = tempDir();
  const out = join(dir, 'a.xlsx');
  writeFileSync(out, 'the old workbook');
  const before = hash(out);
  const open = fsp.open.bind(fsp);
  jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof fsp.open>) => {
    const handle = await open(...args);
    // Half the bytes reach the disk, then the disk is full.
    jest.spyOn(handle, 'writeFile').mockImplementation(async (data) => {
      await handle.write(Buffer.from(data as Buffer).subarray(0, (data as Buffer).length >> 1));
      throw fsError('ENOSPC');
    });
    return handle;
  });
  const err = await safeWrite(out, Buffer.alloc(100_000, 7), { force: true }).catch((e) => e);
  expect(err.message).toContain('磁盘空间已满');
  expect(hash(out)).toBe(before);
  expect(leftovers(dir)).toEqual([]);
  expect(existsSync(`${out}.bak`)).toBe(false);
});

test('bytes that do not read back as expected are never renamed over the target', async () => {
  const dir = tempDir();
  const out = join(dir, 'a.xlsx');
  writeFileSync(out, 'old');
  const err = await safeWrite(out, 'new', { force: true, verify: () => '不是工作簿' }).catch((e) => e);
  expect(err.message).toBe(`没有写入 ${out}：生成的文件无法读回（不是工作簿），原有文件未改动。`);
  expect(readFileSync(out, 'utf8')).toBe('old');
  expect(leftovers(dir)).toEqual([]);
});

test('a failed rename keeps the target as it was', async () => {
  const dir = tempDir();
  const out = join(dir, 'a.txt');
  writeFileSync(out, 'old');
  jest.spyOn(fsp, 'rename').mockRejectedValue(fsError('EXDEV'));
  await expect(safeWrite(out, 'new', { force: true })).rejects.toThrow('无法在不同磁盘之间移动文件');
  expect(readFileSync(out, 'utf8')).toBe('old');
  expect(leftovers(dir)).toEqual([]);
});

test('--force keeps the replaced file as .bak; the .bak may not be an input either', async () => {
  const dir = tempDir();
  const out = join(dir, 'a.txt');
  writeFileSync(out, 'old');
  await expect(safeWrite(out, 'new')).rejects.toThrow('已存在，未改写');
  await expect(safeWrite(out, 'new', { force: true })).resolves.toEqual({ path: out, backup: `${out}.bak` });
  expect(readFileSync(`${out}.bak`, 'utf8')).toBe('old');
  await expect(checkTarget(out, { force: true, inputs: [`${out}.bak`] })).rejects.toThrow('就是输入文件');
});
