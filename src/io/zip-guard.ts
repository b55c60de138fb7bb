import { inflateRawSync } from 'node:zlib';

/** Most a workbook may expand to; beyond this it is treated as a zip bomb. */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

/**
 * Checks every entry of an .xlsx zip with Node's own inflate before SheetJS sees it. SheetJS's pure-JS
 * inflate can loop forever on a corrupted stream, and it has no cap on expansion; zlib fails fast on both.
 * Returns a Chinese reason when the zip is unusable, or null.
 */
export function zipProblem(bytes: Buffer): string | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '文件不完整（.xlsx 压缩包被截断），请重新导出或另存一份。';
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  const damaged = '文件已损坏（.xlsx 压缩包中的数据无法解开），请重新导出或另存一份。';
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return damaged;
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || size === 0xffffffff) return '文件过大（ZIP64），超出检查上限。';
    total += size;
    if (total > MAX_UNZIPPED_BYTES) return `解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB（疑似压缩炸弹），已拒绝读取。`;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return damaged;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return damaged;
    if (method === 0) {
      if (compressed !== size) return damaged;
      continue;
    }
    if (method !== 8) return '文件使用了不支持的压缩方式，请在 Excel 中另存为 .xlsx 后再检查。';
    try {
      const out = inflateRawSync(bytes.subarray(start, start + compressed), { maxOutputLength: Math.max(size, 1) });
      if (out.length !== size) return damaged;
    } catch {
      return damaged;
    }
  }
  return null;
}
