/**
 * A fuzz run through the command line over mutations of the sample workbooks (.xlsx: bytes of the zip and of
 * the sheet XML; .xls: bytes of the BIFF stream), in one batch with a per-file time limit. Nothing may hang,
 * crash or print a stack trace; a file that cannot be read is exit 2 with a Chinese reason. Seeded, so a
 * failure is reproducible; sized for CI (well under two minutes on two cores).
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expectPlainChinese, FIXTURES, hash, leftovers, run, SAMPLE, tempDir } from './support';

jest.setTimeout(180_000);

/** Park–Miller: the same mutants on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 0x7fffffff) / 0x7fffffff;
}

function flip(bytes: Buffer, n: number, next: () => number, from = 0): Buffer {
  const b = Buffer.from(bytes);
  for (let k = 0; k < n; k++) b[from + Math.floor(next() * (b.length - from))] = Math.floor(next() * 256);
  return b;
}

const XML_NOISE = ['<', '>', '&', '"', '</c>', '<c r="ZZZ999999">', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&#27;', '_x001B_', '<row r="0">', 'count="-1"', '\u0000'];

async function xmlMutant(next: () => number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'));
  const name = names[Math.floor(next() * names.length)];
  let xml = await zip.file(name)!.async('string');
  for (let k = 0; k < 3; k++) {
    const at = Math.floor(next() * xml.length);
    xml = xml.slice(0, at) + XML_NOISE[Math.floor(next() * XML_NOISE.length)] + xml.slice(at + Math.floor(next() * 4));
  }
  zip.file(name, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function xlsMutant(xls: Buffer, next: () => number): Buffer {
  const cfb = XLSX.CFB.read(xls, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook')!;
  entry.content = flip(Buffer.from(entry.content as Uint8Array), 6, next);
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
}

test('mutants of the sample .xlsx and .xls: a report or a Chinese reason for each, in order, nothing hangs', async () => {
  const next = rng(20241);
  const dir = tempDir();
  const xlsx = readFileSync(SAMPLE);
  const xls = readFileSync(join(FIXTURES, 'hongshan-2024-formulas.xls'));
  const files: Array<[string, Buffer]> = [];
  for (let i = 0; i < 12; i++) files.push([`x${i}-bytes.xlsx`, flip(xlsx, 1 + (i % 6), next)]);
  for (let i = 0; i < 12; i++) files.push([`x${i}-xml.xlsx`, await xmlMutant(next)]);
  for (let i = 0; i < 12; i++) files.push([`s${i}-record.xls`, xlsMutant(xls, next)]);
  for (let i = 0; i < 6; i++) files.push([`s${i}-bytes.xls`, flip(xls, 6, next, 512)]);
  files.sort((a, b) => a[0].localeCompare(b[0]));
  const hashes = files.map(([name, bytes]) => (writeFileSync(join(dir, name), bytes), hash(join(dir, name))));

  const r = run('check', '--json', '--no-info', '--time-limit', '20', dir);
  expect([0, 1, 2]).toContain(r.status);
  expect(r.signal).toBeNull();
  expectPlainChinese(r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.file)).toEqual(files.map(([name]) => join(dir, name)));
  for (const l of lines) {
    if (l.error !== undefined) expect(l.error).toMatch(/[\u4e00-\u9fff]/);
    else expect(Array.isArray(l.findings)).toBe(true);
    if (l.error !== undefined) expectPlainChinese(l.error);
  }
  if (lines.some((l) => l.error)) expect(r.status).toBe(2);
  expect(files.map(([name]) => hash(join(dir, name)))).toEqual(hashes);
});

test('fill on malformed-XML mutants: written and readable, or exit 2 with a reason and no file', async () => {
  const next = rng(7);
  const dir = tempDir();
  for (let i = 0; i < 4; i++) {
    const input = join(dir, `m${i}.xlsx`);
    writeFileSync(input, await xmlMutant(next));
    const before = hash(input);
    const out = join(dir, `m${i}.filled.xlsx`);
    const r = run('fill', input, '--out', out);
    expect(r.signal).toBeNull();
    expectPlainChinese(r.stderr);
    if (r.status === 2) {
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(r.stdout).toContain('已写入');
      expect(run('check', out).status).not.toBe(2);
    }
    expect(hash(input)).toBe(before);
  }
  expect(leftovers(dir)).toEqual([]);
});
