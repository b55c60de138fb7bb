/** Shared by the hostile-input tests: running the built command line, fingerprints of files, crafted workbooks. */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const SAMPLE = join(FIXTURES, 'hongshan-2024.xlsx');

export function run(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'juesuan.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
}

export const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'juesuan-safety-'));
}

/** A copy of the sample in a fresh folder, with its fingerprint. */
export function sampleCopy(name = 'wb.xlsx'): { dir: string; input: string; before: string } {
  const dir = tempDir();
  const input = join(dir, name);
  copyFileSync(SAMPLE, input);
  return { dir, input, before: hash(input) };
}

/** Nothing half-written may be left next to the outputs. */
export const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** No stack trace and no Node or parser English reaches the user. */
export function expectPlainChinese(text: string): void {
  expect(text).not.toMatch(/\n\s+at |Error:|ENOENT|EACCES|Cannot |undefined|TypeError/);
}

/** The sample with `extra` merged ranges (two cells each, below the tables) added to its first sheet's XML. */
export async function sampleWithMerges(extra: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const path = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(path)!.async('string');
  const refs = Array.from({ length: extra }, (_, i) => `<mergeCell ref="A${1000 + i}:B${1000 + i}"/>`).join('');
  const withMerges = /<mergeCells[^>]*>/.test(xml) ? xml.replace(/<mergeCells[^>]*>/, (m) => m + refs) : xml.replace('</sheetData>', `</sheetData><mergeCells>${refs}</mergeCells>`);
  zip.file(path, withMerges);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A small .xlsx whose one sheet declares rows × cols cells: a few hundred KB on disk, hundreds of MB of XML. */
export async function cellBomb(rows: number, cols: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const row = `<row>${'<c><v>1</v></c>'.repeat(cols)}</row>`;
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(rows)}</sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
