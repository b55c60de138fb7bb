import * as XLSX from '@e965/xlsx';

const FORMULA = 0x0006;
/** Row, column, format, cached value, flags, chn (20 bytes), then the formula's length (2). */
const FORMULA_MIN = 22;

/**
 * Finds the damaged .xls records known to send SheetJS into an endless loop, before it parses them: a FORMULA
 * record too short to hold its formula length makes `parse_Rgce` loop on NaN forever
 * (docs/upstream-sheetjs-parse-rgce-loop.md). Other hangs are still stopped by the parse time limit.
 * Returns a Chinese reason, or null.
 */
export function xlsProblem(bytes: Buffer): string | null {
  let stream: Buffer;
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    const entry = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
    if (!entry?.content) return null;
    stream = Buffer.from(entry.content as Uint8Array);
  } catch {
    return null; // SheetJS itself then says what is wrong with the container
  }
  for (let p = 0; p + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(p);
    const len = stream.readUInt16LE(p + 2);
    if (type === FORMULA && len < FORMULA_MIN) {
      return `.xls 文件已损坏（偏移 ${p} 处的公式记录不完整），请在 Excel 中打开并另存为 .xlsx 后再检查。`;
    }
    p += 4 + len;
  }
  return null;
}
