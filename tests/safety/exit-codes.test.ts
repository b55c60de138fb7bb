/** Exit codes that never lie, checked in process: unexpected failures and unreadable folders are exit 2. */
import { promises as fsp, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as catalogue from '../../src/engine/catalogue';
import { expandInputs } from '../../src/cli/files';
import { main } from '../../src/cli/main';
import { SAMPLE, tempDir } from './support';

afterEach(() => jest.restoreAllMocks());

function capture(): { err: () => string; out: () => string } {
  const err: string[] = [];
  const out: string[] = [];
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  return { err: () => err.join(''), out: () => out.join('') };
}

test('an unexpected failure is exit 2 with one Chinese line, no English, no stack', async () => {
  jest.spyOn(catalogue, 'ruleCatalogue').mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  });
  const io = capture();
  await expect(main(['node', 'juesuan', 'rules'])).resolves.toBe(2);
  expect(io.err()).toBe('juesuan rules 运行时出现意外错误，没有完成。请确认文件能在 Excel 中打开、另存一份后再试；若仍出错，请把这一行和文件报告给维护者。\n');
});

test('a sub-folder that cannot be read is named and makes the run exit 2, the rest still checked', async () => {
  const dir = tempDir();
  copyFileSync(SAMPLE, join(dir, 'a.xlsx'));
  mkdirSync(join(dir, 'locked'));
  const readdir = fsp.readdir.bind(fsp);
  jest.spyOn(fsp, 'readdir').mockImplementation((async (p: string, o: object) => {
    if (String(p).endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return readdir(p, o as never);
  }) as never);
  expect(await expandInputs([dir])).toEqual({
    files: [join(dir, 'a.xlsx')],
    problems: [`无法读取文件夹 ${join(dir, 'locked')}：没有权限读写，请检查文件或文件夹的权限。其中的工作簿未检查。`],
    notes: [],
  });
  const io = capture();
  await expect(main(['node', 'juesuan', 'check', '--json', dir])).resolves.toBe(2);
  expect(io.err()).toContain('无法读取文件夹');
  expect(JSON.parse(io.out()).file).toBe(join(dir, 'a.xlsx'));
});
