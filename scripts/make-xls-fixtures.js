#!/usr/bin/env node
/**
 * Builds tests/fixtures/hongshan-2024-formulas.xls: the sample workbook saved by SheetJS as BIFF8, with every
 * number cell turned into a FORMULA record (SUM over an area, plus a cell) carrying the number as its cached
 * value. SheetJS writes no formulas to .xls, and a real .xls with formulas is what its formula parser reads.
 * tests/fixtures/parse-rgce-loop.xls is that file with one byte changed: the first FORMULA record's length
 * 41 → 20, so that the formula's length field lies outside the record. SheetJS reads it as NaN and its
 * parse_Rgce loops forever (docs/upstream-sheetjs-parse-rgce-loop.md).
 */
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const XLSX = require('@e965/xlsx');

const ROOT = join(__dirname, '..');
const NUMBER = 0x0203;
const FORMULA = 0x0006;

/** rgce: PtgArea A1:B2, PtgAttrSum, PtgRef (the cell above), PtgAdd. */
function rgce(row, col) {
  const b = Buffer.alloc(19);
  b.writeUInt8(0x25, 0);
  b.writeUInt16LE(0, 1);
  b.writeUInt16LE(1, 3);
  b.writeUInt16LE(0xc000, 5);
  b.writeUInt16LE(0xc001, 7);
  b.writeUInt8(0x19, 9);
  b.writeUInt8(0x10, 10);
  b.writeUInt16LE(0, 11);
  b.writeUInt8(0x24, 13);
  b.writeUInt16LE(Math.max(0, row - 1), 14);
  b.writeUInt16LE(0xc000 | col, 16);
  b.writeUInt8(0x03, 18);
  return b;
}

function withFormulas(stream) {
  const out = [];
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    const data = stream.subarray(p + 4, p + 4 + len);
    p += 4 + len;
    if (type !== NUMBER) {
      const head = Buffer.alloc(4);
      head.writeUInt16LE(type, 0);
      head.writeUInt16LE(len, 2);
      out.push(head, data);
      continue;
    }
    const row = data.readUInt16LE(0);
    const col = data.readUInt16LE(2);
    const f = rgce(row, col);
    const body = Buffer.alloc(22 + f.length);
    data.copy(body, 0, 0, 6); // rw, col, ixfe
    data.copy(body, 6, 6, 14); // cached number
    body.writeUInt16LE(0x0002, 14); // fCalcOnLoad
    body.writeUInt32LE(0, 16);
    body.writeUInt16LE(f.length, 20);
    f.copy(body, 22);
    const head = Buffer.alloc(4);
    head.writeUInt16LE(FORMULA, 0);
    head.writeUInt16LE(body.length, 2);
    out.push(head, body);
  }
  return Buffer.concat(out);
}

function main() {
  const wb = XLSX.read(readFileSync(join(ROOT, 'tests', 'fixtures', 'hongshan-2024.xlsx')));
  const biff = XLSX.write(wb, { bookType: 'biff8', type: 'buffer' });
  const cfb = XLSX.CFB.read(biff, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  entry.content = withFormulas(Buffer.from(entry.content));
  entry.size = entry.content.length;
  const file = join(ROOT, 'tests', 'fixtures', 'hongshan-2024-formulas.xls');
  const xls = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
  writeFileSync(file, xls);
  const at = xls.indexOf(Buffer.from([FORMULA, 0x00, 22 + 19, 0x00]));
  const loop = Buffer.from(xls);
  loop[at + 2] = 20;
  writeFileSync(join(ROOT, 'tests', 'fixtures', 'parse-rgce-loop.xls'), loop);
  process.stdout.write(`${file}\nparse-rgce-loop.xls: byte ${at + 2} changed from ${xls[at + 2]} to 20\n`);
}

main();
