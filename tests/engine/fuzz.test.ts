/** Random and corrupted input gives a clear error or a structure/* finding, never an uncaught exception. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, CellValue } from '../../src/engine';
import { readWorkbookBytes, UnreadableWorkbookError } from '../../src/io/read';
import { FIXTURES, fixtureGrid, overwriteCells } from '../support/grids';

const seedBytes = readFileSync(join(FIXTURES, 'hongshan-2024.xlsx'));

function readOrReason(bytes: Buffer): string | 'ok' {
  try {
    analyze(readWorkbookBytes(bytes, 'x.xlsx'));
    return 'ok';
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) return err.reason;
    throw err;
  }
}

test('random bytes are reported as not a workbook', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 4096 }), (bytes) => {
      const r = readOrReason(Buffer.from(bytes));
      expect(r).not.toBe('ok');
    }),
    { numRuns: 300 },
  );
});

test('a truncated .xlsx is reported as damaged, never crashes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: seedBytes.length - 1 }), (n) => {
      const r = readOrReason(seedBytes.subarray(0, n));
      expect(typeof r).toBe('string');
    }),
    { numRuns: 60 },
  );
  expect(readOrReason(seedBytes.subarray(0, 2000))).toMatch(/损坏|不完整|不是/);
});

test('bytes flipped inside a valid workbook never crash the reader or the checker', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: seedBytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
      const b = Buffer.from(seedBytes);
      for (const [i, v] of flips) b[i] = v;
      expect(typeof readOrReason(b)).toBe('string');
    }),
    { numRuns: 60 },
  );
});

const cellValue: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom('合计', '栏次', '项目', '公开03表', '支出决算表', '收入支出决算总表', '科目编码', '201', '2010350', '-', '1,010.72', '注：', '本单位当年无政府性基金预算财政拨款收入支出', '预算数', '决算数', '人员经费合计', '金额单位：元'),
);

test('sheets of random strings, numbers and merges give findings, never an exception', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cellValue, { maxLength: 14 }), { maxLength: 40 }),
      fc.array(fc.record({ r0: fc.nat(40), c0: fc.nat(14), h: fc.nat(5), w: fc.nat(5) }), { maxLength: 8 }),
      (rows, merges) => {
        const sheet = {
          name: 'Sheet1',
          rows: rows.map((r) => r.map((v) => (v === undefined ? undefined : { value: v }))),
          merges: merges.map((m) => ({ r0: m.r0, c0: m.c0, r1: m.r0 + m.h, c1: m.c0 + m.w })),
        };
        const a = analyze({ sheets: [sheet] });
        expect(Array.isArray(a.findings)).toBe(true);
        if (!a.tables.length) expect(a.findings.some((f) => f.rule.startsWith('structure/'))).toBe(true);
      },
    ),
    { numRuns: 400 },
  );
});

test('a real workbook with random cells overwritten is still checked to the end', () => {
  const base = fixtureGrid('hongshan-2024-one-sheet.xlsx');
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(250), fc.nat(12), cellValue), { maxLength: 30 }), (edits) => {
      const a = analyze(overwriteCells(base, edits));
      expect(a.findings.every((f) => typeof f.message === 'string' && f.message.length > 0)).toBe(true);
    }),
    { numRuns: 200 },
  );
});

test('extreme doubles in amount cells are reported as not amounts, never crash', () => {
  for (const v of [Number.MAX_VALUE, -Number.MAX_VALUE, 1.7976931348623151e308, 1e300, Infinity, NaN]) {
    const a = analyze({ sheets: [{ ...fixtureGrid('hongshan-2024.xlsx').sheets[2], rows: fixtureGrid('hongshan-2024.xlsx').sheets[2].rows.map((r, i) => (i === 7 && r ? [r[0], r[1], { value: v }, ...r.slice(3)] : r)) }] });
    expect(a.findings.some((f) => f.rule === 'value/not-a-number' && f.cell === 'C8')).toBe(true);
  }
});
