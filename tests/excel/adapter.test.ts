import path from 'node:path';
import { analyze } from '../../src/engine';
import type { Finding } from '../../src/engine';
import { readWorkbookFile } from '../../src/io/read';
import { clearMarks, rangesOf, readWorkbook, saveDecisions, selectRange, watchEdits, writeMarks } from '../../src/excel/adapter';
import { DECISIONS_KEY, EMPTY_DECISIONS, findingKey, MARKS_KEY, planMarks, setIgnored } from '../../src/excel/decisions';
import { FakeExcel, FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';

const thin = (color: string) => ({ style: 'Continuous', color, weight: 'Thin' });

/** A small sheet with the format cases that trip naive restores: No Fill vs white, borders, coloured fonts. */
function sample(): FakeWorkbookData {
  return {
    settings: {},
    sheets: [
      {
        name: '公开04表',
        cells: {
          B2: { value: '财政拨款收入支出决算总表' },
          B4: { value: '项目', fill: '#D9D9D9', borders: { EdgeTop: thin('#000000'), EdgeBottom: thin('#000000'), EdgeLeft: thin('#000000'), EdgeRight: thin('#000000') } },
          C4: { value: 100.5, numberFormat: '#,##0.00', fill: '#FFFFFF' },
          C5: { value: 1234.5, numberFormat: '#,##0.00', fontColor: '#0070C0' },
          C6: { value: -3, numberFormat: '0.00', borders: { EdgeTop: { style: 'Double', color: '#FF0000', weight: 'Thick' } } as never },
        },
        merges: ['B2:D2'],
      },
      { name: 'Sheet2', cells: {}, merges: [] },
    ],
  };
}

function finding(partial: Partial<Finding>): Finding {
  return {
    rule: 'sum/column-total',
    severity: 'error',
    sheet: '公开04表',
    cell: 'C5',
    related: [],
    expected: null,
    actual: null,
    difference: null,
    tolerance: null,
    unit: null,
    message: '',
    table: '04',
    ...partial,
  };
}

describe('readWorkbook', () => {
  it('reads values, shown text, number formats and merges of every sheet in two syncs', async () => {
    const xl = new FakeExcel(sample());
    const read = await readWorkbook(xl.run);
    expect(xl.syncCount).toBe(2);
    const [s1, s2] = read.grid.sheets;
    expect(s1.name).toBe('公开04表');
    // The used range starts at B2: cells keep their absolute 0-based positions.
    expect(s1.rows[1]?.[1]).toEqual({ value: '财政拨款收入支出决算总表', text: '财政拨款收入支出决算总表', numFmt: 'General' });
    expect(s1.rows[4]?.[2]).toEqual({ value: 1234.5, text: '1,234.50', numFmt: '#,##0.00' });
    expect(s1.rows[5]?.[2]).toEqual({ value: -3, text: '-3.00', numFmt: '0.00' });
    expect(s1.rows[2]?.[2]).toBeUndefined();
    expect(s1.merges).toEqual([{ r0: 1, c0: 1, r1: 1, c1: 3 }]);
    expect(s2).toEqual({ name: 'Sheet2', rows: [[]], merges: [] });
    expect(read.decisions).toEqual(EMPTY_DECISIONS);
    expect(read.mergesUnavailable).toBe(false);
  });

  it('still takes two syncs for many sheets', async () => {
    const data = sample();
    for (let i = 0; i < 30; i++) data.sheets.push({ name: `S${i}`, cells: { A1: { value: i } }, merges: [] });
    const xl = new FakeExcel(data);
    const read = await readWorkbook(xl.run);
    expect(xl.syncCount).toBe(2);
    expect(read.grid.sheets).toHaveLength(32);
  });

  it('gives the engine the same findings as the command-line reader on the seed workbook', async () => {
    const grid = await readWorkbookFile(path.join(__dirname, '../../examples/hongshan-2024.xlsx'));
    const xl = new FakeExcel(fakeWorkbookFromGrid(grid));
    const read = await readWorkbook(xl.run);
    const viaExcel = analyze(read.grid).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`);
    const viaFile = analyze(grid).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`);
    expect(viaExcel).toEqual(viaFile);
    expect(viaExcel.some((f) => f.includes('!G38 error'))).toBe(true);
  });
});

describe('rangesOf', () => {
  it('parses quoted sheet names, including commas and quotes inside them', () => {
    expect(rangesOf("'公开01表'!A1:F1,'公开01表'!$B$3")).toEqual(['A1:F1', 'B3']);
    expect(rangesOf("'a,b''c'!C2:D4")).toEqual(['C2:D4']);
    expect(rangesOf('Sheet1!A1')).toEqual(['A1']);
  });
});

describe('marks', () => {
  const findings = [
    finding({ cell: 'C5', related: [{ sheet: '公开04表', cell: 'C4' }, { sheet: '公开04表', cell: 'B4' }] }),
    finding({ rule: 'value/decimals', severity: 'warning', cell: 'C6' }),
    finding({ rule: 'sum/rounding', severity: 'info', cell: 'B2' }),
  ];

  it('marks all cells in three syncs and clear restores every property exactly', async () => {
    const xl = new FakeExcel(sample());
    const before = ['B2', 'B4', 'C4', 'C5', 'C6'].map((c) => xl.cell('公开04表', c));
    const read = await readWorkbook(xl.run);
    xl.syncCount = 0;
    const { decisions, skipped } = await writeMarks(xl.run, planMarks(findings, EMPTY_DECISIONS), read.decisions);
    expect(xl.syncCount).toBe(3);
    expect(skipped).toEqual([]);
    expect(xl.cell('公开04表', 'C5')).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006', borders: { EdgeTop: { style: 'Continuous', color: '#C00000', weight: 'Medium' } } });
    expect(xl.cell('公开04表', 'C6')).toMatchObject({ fill: '#FFEB9C', fontColor: '#9C5700' });
    expect(xl.cell('公开04表', 'C4').fill).toBe('#DDEBF7');
    // 尾差 (info) needs no action and is not painted.
    expect(xl.cell('公开04表', 'B2')).toEqual(before[0]);
    expect(Object.keys(decisions.marked).sort()).toEqual(['公开04表!B4', '公开04表!C4', '公开04表!C5', '公开04表!C6']);
    // Marks are formats only: the adapter never writes a value, so nothing can be turned into a formula or a number.
    const after = ['B2', 'B4', 'C4', 'C5', 'C6'].map((c) => xl.cell('公开04表', c));
    expect(after.map((c) => [c.value, c.text, c.numberFormat])).toEqual(before.map((c) => [c.value, c.text, c.numberFormat]));

    xl.syncCount = 0;
    const cleared = await clearMarks(xl.run, decisions);
    expect(xl.syncCount).toBe(3);
    expect(cleared.decisions.marked).toEqual({});
    expect(cleared.restored).toBe(4);
    expect(['B2', 'B4', 'C4', 'C5', 'C6'].map((c) => xl.cell('公开04表', c))).toEqual(before);
  });

  it('re-marking keeps the first saved format and restores cells that left the plan', async () => {
    const xl = new FakeExcel(sample());
    const original = xl.cell('公开04表', 'C5');
    const read1 = await readWorkbook(xl.run);
    const m1 = await writeMarks(xl.run, planMarks(findings, EMPTY_DECISIONS), read1.decisions);
    // Marking again must not save the paint as "original".
    const ignoredC6 = setIgnored(m1.decisions, findingKey(findings[1]), true);
    const m2 = await writeMarks(xl.run, planMarks(findings, ignoredC6), ignoredC6);
    expect(m2.decisions.marked['公开04表!C5']).toEqual(m1.decisions.marked['公开04表!C5']);
    expect(xl.cell('公开04表', 'C6')).toEqual(new FakeExcel(sample()).cell('公开04表', 'C6'));
    await clearMarks(xl.run, m2.decisions);
    expect(xl.cell('公开04表', 'C5')).toEqual(original);
  });

  it('skips cells on sheets that no longer exist, and reads the format of any other cell it marks', async () => {
    const xl = new FakeExcel(sample());
    const read = await readWorkbook(xl.run);
    const outside = [finding({ cell: 'Z99' }), finding({ sheet: '已删除', cell: 'A1' })];
    const { decisions, skipped } = await writeMarks(xl.run, planMarks(outside, EMPTY_DECISIONS), read.decisions);
    expect(skipped).toEqual(['已删除!A1']);
    expect(Object.keys(decisions.marked)).toEqual(['公开04表!Z99']);
    await clearMarks(xl.run, decisions);
    expect(xl.cell('公开04表', 'Z99').fill).toBeNull();
  });
});

describe('decisions in the workbook', () => {
  it('survive save and reopen: ignored findings stay ignored and marks can still be cleared exactly', async () => {
    const xl = new FakeExcel(sample());
    const before = xl.cell('公开04表', 'C5');
    const read = await readWorkbook(xl.run);
    const f = finding({ cell: 'C5' });
    const marked = await writeMarks(xl.run, planMarks([f], EMPTY_DECISIONS), read.decisions);
    const withIgnore = setIgnored(marked.decisions, findingKey(finding({ rule: 'value/decimals', cell: 'C6' })), true);
    await saveDecisions(xl.run, withIgnore);
    expect(xl.setting(DECISIONS_KEY)).toEqual({ version: 1, ignored: withIgnore.ignored, verified: [] });
    expect(xl.setting(MARKS_KEY)).toEqual({ version: 1, on: true, marked: withIgnore.marked });

    // Another reviewer opens the saved file.
    const reopened = FakeExcel.fromSnapshot(xl.save());
    const again = await readWorkbook(reopened.run);
    expect(again.decisions).toEqual(withIgnore);
    expect(reopened.cell('公开04表', 'C5').fill).toBe('#FFC7CE');
    await clearMarks(reopened.run, again.decisions);
    expect(reopened.cell('公开04表', 'C5')).toEqual(before);
  });

  it('a decision stored from a stale pane does not lose formats the ribbon command saved meanwhile', async () => {
    const xl = new FakeExcel(sample());
    const before = xl.cell('公开04表', 'C5');
    const pane = await readWorkbook(xl.run);
    // The ribbon command (its own runtime) checks and marks.
    const cmd = await readWorkbook(xl.run);
    await writeMarks(xl.run, planMarks([finding({ cell: 'C5' })], cmd.decisions), cmd.decisions);
    // The pane, still holding its earlier state, stores an ignore.
    await saveDecisions(xl.run, setIgnored(pane.decisions, 'value/x|公开04表|C6', true));
    const later = await readWorkbook(xl.run);
    expect(later.decisions.ignored).toEqual(['value/x|公开04表|C6']);
    await clearMarks(xl.run, later.decisions);
    expect(xl.cell('公开04表', 'C5')).toEqual(before);
  });

  it('ignores malformed stored state rather than writing it into cells', async () => {
    const data = sample();
    data.settings[DECISIONS_KEY] = { version: 1, ignored: ['a|b|C1', 7] };
    data.settings[MARKS_KEY] = { version: 1, marked: { '公开04表!C5': { fill: 3 } } };
    const read = await readWorkbook(new FakeExcel(data).run);
    expect(read.decisions).toEqual({ version: 1, ignored: ['a|b|C1'], verified: [], marked: {}, marking: false });
    expect(read.rejectedMarks).toEqual([{ key: '公开04表!C5', reason: '保存的原格式不完整或含无效的颜色、边框' }]);
  });
});

describe('selection and edits', () => {
  it('selects a cell on its sheet in one sync', async () => {
    const xl = new FakeExcel(sample());
    await selectRange(xl.run, 'Sheet2', 'B3');
    expect(xl.syncCount).toBe(1);
    expect(xl.selection).toEqual({ sheet: 'Sheet2', address: 'B3' });
    expect(xl.activeSheet).toBe('Sheet2');
  });

  it('reports user edits but not its own marks', async () => {
    const xl = new FakeExcel(sample());
    const edits: string[] = [];
    await watchEdits(xl.run, (a) => edits.push(a));
    const read = await readWorkbook(xl.run);
    await writeMarks(xl.run, planMarks([finding({})], EMPTY_DECISIONS), read.decisions);
    expect(edits).toEqual([]);
    await xl.userEdit('公开04表', 'C5', 99);
    expect(edits).toEqual(['C5']);
  });
});

describe('the fake follows the office.js proxy model', () => {
  it('throws when a property is read before load and sync, like office.js', async () => {
    const xl = new FakeExcel(sample());
    await expect(
      xl.run(async (context) => {
        const r = context.workbook.worksheets.getItem('公开04表').getRange('C5');
        r.load('values');
        return r.values;
      }),
    ).rejects.toThrow(/is not available/);
    const values = await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem('公开04表').getRange('C5');
      r.load('values');
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([[1234.5]]);
  });

  it('fails a batch asking for more than 512 merged areas; the read retries once without merges', async () => {
    const data = sample();
    data.sheets[1].merges = Array.from({ length: 513 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    const xl = new FakeExcel(data);
    await expect(
      xl.run(async (context) => {
        const m = context.workbook.worksheets.getItem('Sheet2').getRange().getMergedAreasOrNullObject();
        m.load('address');
        await context.sync();
      }),
    ).rejects.toThrow(/internal error/);
    xl.syncCount = 0;
    const read = await readWorkbook(xl.run);
    expect(xl.syncCount).toBe(3);
    expect(read.mergesUnavailable).toBe(true);
    expect(read.grid.sheets[0].merges).toEqual([]);
    expect(read.grid.sheets[0].rows[4]?.[2]?.value).toBe(1234.5);
  });
});
