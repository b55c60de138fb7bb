import { constants, inflateRawSync } from 'node:zlib';

/** Most a workbook may expand to; beyond this it is treated as a zip bomb. */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

/** Most cells and merged ranges a workbook may declare; counted in the XML before any parsing. */
export interface XmlLimits {
  readonly maxCells: number;
  readonly maxMerges: number;
}

const WORKSHEET = /^xl\/(worksheets|chartsheets|dialogsheets|macrosheets)\/[^/]+\.xml$/i;
const LT = 0x3c;
const COLON = 0x3a;
const AFTER_NAME = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]); // space, tab, newline, '>', '/'

/**
 * Counts start tags named `name` (also with a namespace prefix, `<x:c …>`) in XML bytes, stopping as soon as
 * `limit` is passed: a cell bomb is refused after reading up to the limit, not the whole sheet.
 */
export function countTags(xml: Buffer, name: string, limit: number): number {
  const tag = Buffer.from(name);
  const first = tag[0];
  let n = 0;
  // One pass over the bytes: a call to indexOf per tag costs more than the scan itself.
  for (let i = 0; i < xml.length; i++) {
    if (xml[i] !== LT) continue;
    let j = i + 1;
    // Skip a namespace prefix (`x:`) when there is one.
    if (xml[j] !== first || !matches(xml, j, tag)) {
      let k = j;
      while (k < xml.length && k - j < 32 && xml[k] !== COLON && !AFTER_NAME.has(xml[k])) k++;
      if (xml[k] !== COLON) continue;
      j = k + 1;
      if (!matches(xml, j, tag)) continue;
    }
    if (AFTER_NAME.has(xml[j + tag.length]) && ++n > limit) return n;
  }
  return n;
}

function matches(xml: Buffer, at: number, tag: Buffer): boolean {
  for (let k = 0; k < tag.length; k++) if (xml[at + k] !== tag[k]) return false;
  return true;
}

/** Whether a worksheet's XML (or a prefix of it), added to what earlier sheets held, passes a limit; the reason if so. */
function overLimit(xml: Buffer, limits: XmlLimits, cells: number, merges: number): string | null {
  if (cells + countTags(xml, 'c', limits.maxCells - cells) > limits.maxCells) return `工作表中的单元格超过 ${limits.maxCells} 个，超出检查上限（文件可能异常），已拒绝读取。`;
  if (merges + countTags(xml, 'mergeCell', limits.maxMerges - merges) > limits.maxMerges) return `合并单元格超过 ${limits.maxMerges} 处，超出检查上限（文件可能异常），已拒绝读取。`;
  return null;
}

/**
 * Checks every entry of an .xlsx zip with Node's own inflate before SheetJS sees it. SheetJS's pure-JS
 * inflate can loop forever on a corrupted stream, and it has no cap on expansion; zlib fails fast on both.
 * With `limits`, the cells and merged ranges of the worksheets are counted too, so that a small file that
 * declares millions of cells is refused in a fraction of a second instead of being parsed for minutes.
 * Returns a Chinese reason when the zip is unusable, or null.
 */
export function zipProblem(bytes: Buffer, limits?: XmlLimits): string | null {
  let cells = 0;
  let merges = 0;
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
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (compressed === 0xffffffff || size === 0xffffffff) return '文件过大（ZIP64），超出检查上限。';
    total += size;
    if (total > MAX_UNZIPPED_BYTES) return `解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB（疑似压缩炸弹），已拒绝读取。`;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return damaged;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return damaged;
    const stored = bytes.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) return '文件使用了不支持的压缩方式，请在 Excel 中另存为 .xlsx 后再检查。';
    if (method === 0 && compressed !== size) return damaged;
    const counting = limits && WORKSHEET.test(name);
    // A worksheet is first inflated from growing prefixes, so that a bomb is refused after a few megabytes.
    for (let k = 64 * 1024; counting && method === 8 && k < compressed; k *= 4) {
      let part: Buffer;
      try {
        part = inflateRawSync(stored.subarray(0, k), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(size, 1) });
      } catch {
        return damaged;
      }
      const over = overLimit(part, limits, cells, merges);
      if (over) return over;
    }
    let data: Buffer = stored;
    if (method === 8) {
      try {
        data = inflateRawSync(stored, { maxOutputLength: Math.max(size, 1) });
      } catch {
        return damaged;
      }
      if (data.length !== size) return damaged;
    }
    if (!counting) continue;
    const over = overLimit(data, limits, cells, merges);
    if (over) return over;
    cells += countTags(data, 'c', Infinity);
    merges += countTags(data, 'mergeCell', Infinity);
  }
  return null;
}
