/** The smaller holes of issue #13: escapes in names and cells, full-width and overlong numbers, formulas without results, HTML in Markdown. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { markdown } from '../../src/cli/narrative';
import { terminalSafe } from '../../src/cli/terminal';
import { parseAmountDigits } from '../../src/engine/money';
import { NarrativeDoc } from '../../src/engine/narrative';
import { hash, run, SAMPLE, tempDir } from './support';

jest.setTimeout(60_000);

/** The sample with `edit` applied to one part of the zip. */
async function sampleEdited(part: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  zip.file(part, edit(await zip.file(part)!.async('string')));
  const file = join(tempDir(), 'edited.xlsx');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

test('an escape sequence in a sheet name reaches the terminal as visible text', async () => {
  const file = await sampleEdited('xl/workbook.xml', (x) => x.replace('name="公开01表"', 'name="公开01表&#27;[2J"'));
  const r = run('check', '--no-info', file);
  expect(r.stdout).not.toContain('\u001b');
  expect(r.stdout).toContain('公开01表\\u001B[2J!A1');
  expect(terminalSafe('a\u0007b\r\u202Ec\nd\te')).toBe('a\\u0007b\\u000D\\u202Ec\nd\te');
});

test('full-width digits are the number they spell; 26 digits are no amount', () => {
  expect(parseAmountDigits('３６７．６８')).toEqual({ kind: 'number', raw: '367.68', fromText: true });
  expect(parseAmountDigits('－１，０１０．７２')).toEqual({ kind: 'number', raw: '-1010.72', fromText: true });
  expect(parseAmountDigits('1,0,1')).toEqual({ kind: 'invalid', text: '1,0,1' });
  expect(parseAmountDigits('12345678901234567890123456')).toEqual({ kind: 'invalid', text: '12345678901234567890123456' });
  expect(parseAmountDigits('999999999999999.99')).toEqual({ kind: 'number', raw: '999999999999999.99', fromText: true });
});

test('a formula saved without its result is named, not silently read as 0', async () => {
  const file = await sampleEdited('xl/worksheets/sheet1.xml', (x) => x.replace(/<c r="C7"([^>]*)>.*?<\/c>/, '<c r="C7"$1><f>SUM(C8:C9)</f></c>'));
  const before = hash(file);
  const r = run('check', '--no-info', file);
  expect(r.stdout).toContain('注意：工作表“公开01表”中 1 个单元格有公式但文件里没有保存计算结果（C7），已按空白读取。请在 Excel 中打开、重新计算并保存后再检查。');
  const json = JSON.parse(run('check', '--json', file).stdout);
  expect(json.notes).toEqual([expect.stringContaining('（C7）')]);
  expect(hash(file)).toBe(before);
});

test('a duplicated sheet name is said, not skipped silently', async () => {
  const file = await sampleEdited('xl/workbook.xml', (x) => x.replace('name="公开02表"', 'name="公开01表"'));
  expect(run('check', '--no-info', file).stdout).toContain('注意：工作簿中有不止一个名为“公开01表”的工作表，只检查了其中一个。');
});

test('.md output shows HTML from cells as text', () => {
  const doc: NarrativeDoc = { blocks: [{ kind: 'p', segments: [{ text: '项目<script>alert(1)</script>&<img src=x onerror=y>' }] }], missing: [] } as unknown as NarrativeDoc;
  expect(markdown(doc)).toBe('项目&lt;script&gt;alert(1)&lt;/script&gt;&amp;&lt;img src=x onerror=y&gt;\n');
});
