/** Reading files: .xls as well as .xlsx, and a clear reason for each kind of unreadable file. */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { analyze } from '../../src/engine';
import { readWorkbookBytes, UnreadableWorkbookError } from '../../src/io/read';
import { FIXTURES } from '../support/grids';

const seed = readFileSync(join(FIXTURES, 'hongshan-2024.xlsx'));
const reason = (bytes: Buffer) => {
  try {
    readWorkbookBytes(bytes, 'x');
    return 'read';
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableWorkbookError);
    return (err as UnreadableWorkbookError).reason;
  }
};

/** A one-entry zip built by hand, so that its declared sizes can lie. */
function zipWith(name: string, data: Buffer, declaredSize: number): Buffer {
  const body = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + body.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + n.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, central, n, eocd]);
}

test('an .xls (BIFF8) copy of the seed gives the same findings as the .xlsx', () => {
  const xls = XLSX.write(XLSX.read(seed, { type: 'buffer' }), { type: 'buffer', bookType: 'xls' }) as Buffer;
  const brief = (b: Buffer) => analyze(readWorkbookBytes(b)).findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);
  expect(brief(xls)).toEqual(brief(seed));
});

test('an encrypted workbook is named as such', () => {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', Buffer.alloc(100));
  expect(reason(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer)).toBe('文件已加密（设置了打开密码），请先在 Excel 中取消密码后再检查。');
});

test('empty, text, truncated and damaged files each get their reason', () => {
  expect(reason(Buffer.alloc(0))).toBe('文件是空的（0 字节）。');
  expect(reason(Buffer.from('科目,金额\n201,860.23\n'))).toBe('不是 Excel 工作簿（.xlsx/.xls）。');
  expect(reason(seed.subarray(0, seed.length - 30))).toBe('文件不完整（.xlsx 压缩包被截断），请重新导出或另存一份。');
  expect(reason(zipWith('xl/workbook.xml', Buffer.from('<workbook/>'), 999))).toBe('文件已损坏（.xlsx 压缩包中的数据无法解开），请重新导出或另存一份。');
});

test('a zip that would expand beyond the limit is refused before it is inflated', () => {
  expect(reason(zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(1000), 400 * 1024 * 1024))).toMatch(/疑似压缩炸弹/);
});
