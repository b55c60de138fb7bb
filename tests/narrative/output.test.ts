/** Outputs of the generated narrative: .docx (re-read), the 情况说明 sheet, and the command line. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { auditNarrative, blockText, narrativeOf } from '../../src/engine/narrative';
import { docxBuffer, docxParagraphs, markdown, writeNarrativeSheet } from '../../src/cli/narrative';
import { ctxOf, EXAMPLE, FIXTURE, ROOT } from './helpers';

const doc = narrativeOf(ctxOf(EXAMPLE));

test('.docx: re-read paragraphs equal the generated blocks; fonts and page numbers are set; it passes the audit', async () => {
  const bytes = await docxBuffer(doc);
  const paragraphs = (await docxParagraphs(bytes)).filter((p) => p !== '');
  expect(paragraphs).toEqual(doc.blocks.map(blockText));
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).toContain('w:eastAsia="黑体"');
  const footers = Object.keys(zip.files).filter((n) => /word\/footer\d*\.xml/.test(n));
  expect(footers.length).toBeGreaterThan(0);
  const footer = await zip.file(footers[0])!.async('string');
  expect(footer).toMatch(/PAGE/);
  expect(auditNarrative(ctxOf(EXAMPLE), paragraphs, { source: 'x.docx', unit: 'paragraph' })).toEqual([]);
});

test('markdown has headings for the title, 一、… and （一）…', () => {
  const md = markdown(doc);
  expect(md).toContain('# 第三部分2024年度部门决算情况说明\n');
  expect(md).toContain('\n## 一、收入支出决算总体情况说明\n');
  expect(md).toContain('\n### （一）一般公共预算财政拨款支出决算总体情况。\n');
});

test('the 情况说明 sheet: one paragraph per row, wrapped, column width set', async () => {
  const wbx = new ExcelJS.Workbook();
  await wbx.xlsx.load(readFileSync(EXAMPLE) as unknown as ArrayBuffer);
  writeNarrativeSheet(wbx, doc);
  const ws = wbx.getWorksheet('情况说明')!;
  expect(ws.getColumn(1).width).toBe(100);
  expect(ws.rowCount).toBe(doc.blocks.length);
  expect(ws.getRow(3).getCell(1).value).toBe(blockText(doc.blocks[2]));
  expect(ws.getRow(3).getCell(1).alignment).toMatchObject({ wrapText: true });
});

describe('command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  const built = existsSync(join(ROOT, 'dist', 'src', 'cli', 'narrative.js'));
  const maybe = built ? test : test.skip;

  maybe('narrative prints the text; check --narrative reports the seed\'s contradictions in the same findings array', () => {
    const n = run('narrative', 'examples/hongshan-2024.xlsx');
    expect(n.status).toBe(0);
    expect(n.stdout).toBe(readFileSync(join(__dirname, 'hongshan-2024.expected.txt'), 'utf8'));
    const c = run('check', 'examples/hongshan-2024.xlsx', '--narrative', 'tests/fixtures/seed-report.txt', '--json');
    expect(c.status).toBe(1);
    const obj = JSON.parse(c.stdout.trim());
    const rules = obj.findings.map((f: { rule: string }) => f.rule);
    expect(rules.slice(0, 3)).toEqual(['sum/04-balance', 'sum/04-composition', 'sum/04-row-total']);
    const none = obj.findings.find((f: { rule: string }) => f.rule === 'narrative/none-claim');
    expect(none).toMatchObject({ severity: 'error', sheet: '公开01表', cell: 'C14', source: 'tests/fixtures/seed-report.txt', line: 1352, paragraph: null, quote: '我部门本年无其他收入。' });
  });

  maybe('supplement writes a copy next to the input and never touches the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
    const input = join(dir, 'wb.xlsx');
    copyFileSync(FIXTURE, input);
    const before = readFileSync(input);
    const r = run('supplement', input);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'wb.补充信息.xlsx'))).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    const s = run('narrative', join(dir, 'wb.补充信息.xlsx'), '--sheet');
    expect(s.status).toBe(0);
    expect(existsSync(join(dir, 'wb.补充信息.情况说明.xlsx'))).toBe(true);
    expect(s.stderr).toContain('待补充');
  });

  maybe('re-creating the sheet of a filled workbook keeps every value and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-'));
    const out = join(dir, 'again.xlsx');
    expect(run('supplement', 'examples/hongshan-2024.xlsx', '--out', out).status).toBe(0);
    expect(run('narrative', out).stdout).toBe(readFileSync(join(__dirname, 'hongshan-2024.expected.txt'), 'utf8'));
  });
});
