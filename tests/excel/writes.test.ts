import path from 'node:path';
import { planFill, fillCellValue } from '../../src/engine/fill';
import { readWorkbookFile } from '../../src/io/read';
import { readWorkbook, watchEdits } from '../../src/excel/adapter';
import { FakeExcel, FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';
import {
  addSupplementSheet,
  FillOrigin,
  FILLS_KEY,
  NARRATIVE_COLUMN_WIDTH,
  NARRATIVE_SHEET,
  occupiedCells,
  readFillUndo,
  splitAddress,
  undoFills,
  writeAtActiveCell,
  writeFills,
  writeNarrativeSheet,
} from '../../src/excel/writes';
import { planWrites } from '../../src/taskpane/fills';
import { fillOrigin } from '../../src/excel/fill-origin';

function book(): FakeWorkbookData {
  return {
    settings: {},
    sheets: [
      {
        name: '公开03表',
        cells: {
          B2: { value: '一般公共预算财政拨款支出决算表' },
          C5: { value: 10, numberFormat: '#,##0.00' },
          C6: { value: '', numberFormat: '0.0' },
          D6: { value: 'x' },
        },
        merges: [],
      },
      { name: 'Sheet2', cells: { A1: { value: 'keep' } }, merges: [] },
    ],
  };
}


/** For tests of the write mechanics on small hand-made sheets: every well-formed entry counts as a fill. */
const everyEntry: FillOrigin = (entries) => new Set(entries.map((e) => `${e.sheet}!${e.cell}`));

describe('Range.values in the fake parses strings like typed input', () => {
  it('turns =… into a formula and 1,010.75 into a number in General cells, but not in text (@) cells', async () => {
    const xl = new FakeExcel(book());
    await xl.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet2');
      ws.getRange('B1:B2').values = [['=SUM(A1)'], ['1,010.75']];
      const t = ws.getRange('C1:C2');
      t.numberFormat = [['@'], ['@']];
      t.values = [['=SUM(A1)'], ['1,010.75']];
      await ctx.sync();
    });
    expect(xl.cell('Sheet2', 'B1').formula).toBe('=SUM(A1)');
    expect(xl.cell('Sheet2', 'B2').value).toBe(1010.75);
    expect(xl.cell('Sheet2', 'C1')).toMatchObject({ value: '=SUM(A1)', numberFormat: '@' });
    expect(xl.cell('Sheet2', 'C1').formula).toBeUndefined();
    expect(xl.cell('Sheet2', 'C2').value).toBe('1,010.75');
  });

  it('rejects a values matrix of the wrong shape, failing the whole sync', async () => {
    const xl = new FakeExcel(book());
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet2').getRange('A1:A2').values = [['a']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('writeFills / undoFills', () => {
  const writes = [
    { sheet: '公开03表', cell: 'C7', value: 1010.72, numberFormat: '#,##0.00' },
    { sheet: '公开03表', cell: 'C6', value: 5.5, numberFormat: '#,##0.00' },
    { sheet: '公开03表', cell: 'B7', value: '一般公共服务支出' },
  ];

  it('writes every fill in one sync after one read, and undo restores values and number formats exactly', async () => {
    const xl = new FakeExcel(book());
    const before = xl.save();
    const r = await writeFills(xl.run, writes);
    expect(xl.syncCount).toBe(2);
    expect(r.written).toBe(3);
    expect(xl.cell('公开03表', 'C7')).toMatchObject({ value: 1010.72, numberFormat: '#,##0.00' });
    // A General cell gets the amount format; a formatted one keeps its own.
    expect(xl.cell('公开03表', 'C6')).toMatchObject({ value: 5.5, numberFormat: '0.0' });
    // Text is written as text.
    expect(xl.cell('公开03表', 'B7')).toMatchObject({ value: '一般公共服务支出', numberFormat: '@' });

    // The undo record lives in the workbook settings and survives save and reopen.
    const reopened = FakeExcel.fromSnapshot(xl.save());
    expect((await readFillUndo(reopened.run))?.entries).toHaveLength(3);
    reopened.syncCount = 0;
    const u = await undoFills(reopened.run, everyEntry);
    expect(u).toEqual({ restored: 3, changed: [], rejected: [] });
    // The record with the sheet names, the cells' current values, then all restores in one write.
    expect(reopened.syncCount).toBe(3);
    expect(reopened.save().sheets).toEqual(before.sheets);
    expect(reopened.setting(FILLS_KEY)).toBeUndefined();
    expect(await readFillUndo(reopened.run)).toBeNull();
  });

  it('leaves alone a cell filled meanwhile, and on undo a cell edited since the fill', async () => {
    const xl = new FakeExcel(book());
    const r = await writeFills(xl.run, [...writes, { sheet: '公开03表', cell: 'D6', value: 1 }]);
    expect(r.skipped).toEqual(['公开03表!D6']);
    expect(xl.cell('公开03表', 'D6').value).toBe('x');
    await xl.userEdit('公开03表', 'C7', 999);
    const u = await undoFills(xl.run, everyEntry);
    expect(u.changed).toEqual(['公开03表!C7']);
    expect(xl.cell('公开03表', 'C7').value).toBe(999);
    expect(xl.cell('公开03表', 'C6')).toMatchObject({ value: '', numberFormat: '0.0' });
  });

  it('a write failing part-way (its sheet deleted meanwhile) still leaves the written cells undoable', async () => {
    const xl = new FakeExcel(book());
    const before = xl.save().sheets.find((s) => s.name === '公开03表');
    // Another user deletes Sheet2 between the read and the write of the same batch.
    const run: typeof xl.run = (batch) =>
      xl.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        ctx.sync = async () => {
          if (++n === 2) (xl as unknown as { sheets: { name: string }[] }).sheets.splice(1, 1);
          return sync();
        };
        return batch(ctx);
      });
    await expect(writeFills(run, [writes[0], { sheet: 'Sheet2', cell: 'B1', value: 1 }, writes[1]])).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(xl.cell('公开03表', 'C7').value).toBe(1010.72);
    expect(xl.cell('公开03表', 'C6').value).toBe('');
    expect((await readFillUndo(xl.run))?.entries).toHaveLength(3);
    expect(await undoFills(xl.run, everyEntry)).toEqual({ restored: 1, changed: ['Sheet2!B1'], rejected: [] });
    expect(xl.save().sheets.find((s) => s.name === '公开03表')).toEqual(before);
  });

  it('raises onChanged for the written cells, so the check view knows its results are out of date', async () => {
    const xl = new FakeExcel(book());
    const seen: string[] = [];
    await watchEdits(xl.run, (address) => seen.push(address));
    await writeFills(xl.run, writes.slice(0, 1));
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['C7']);
  });

  it('a second fill keeps the first previous state, so one undo restores both', async () => {
    const xl = new FakeExcel(book());
    const before = xl.save();
    await writeFills(xl.run, writes.slice(0, 1));
    await writeFills(xl.run, writes.slice(1));
    expect((await readFillUndo(xl.run))?.entries).toHaveLength(3);
    await undoFills(xl.run, everyEntry);
    expect(xl.save().sheets).toEqual(before.sheets);
  });
});

describe('the sample workbook: a blanked derivable cell is proposed, written and undone', () => {
  it('proposes 1,010.72 for 公开03表 C7 and restores the blank', async () => {
    const grid = await readWorkbookFile(path.resolve(__dirname, '../../examples/hongshan-2024.xlsx'));
    const data = fakeWorkbookFromGrid(grid);
    const s03 = data.sheets.find((s) => s.name.includes('03'))!;
    const original = s03.cells.C7;
    delete s03.cells.C7;
    const xl = new FakeExcel(data);
    const plan = planFill((await readWorkbook(xl.run)).grid);
    const c7 = plan.fills.find((f) => f.ref.sheet === s03.name && f.ref.cell === 'C7');
    expect(c7 && fillCellValue(c7)).toBe(Number(original.value));
    expect(c7 && fillCellValue(c7)).toBe(1010.72);
    xl.syncCount = 0;
    await writeFills(xl.run, planWrites(plan.fills));
    expect(xl.syncCount).toBe(2);
    expect(xl.cell(s03.name, 'C7').value).toBe(1010.72);
    await undoFills(xl.run, fillOrigin((await readWorkbook(xl.run)).grid));
    expect(xl.cell(s03.name, 'C7')).toMatchObject({ value: '', numberFormat: 'General' });
  });
});

describe('inserting the 情况说明', () => {
  const paragraphs = ['第三部分 情况说明', '=1+1 不是公式', '1,010.75', '2024年度收入总计1,010.75万元。'];

  it('creates the sheet, writes column A as text (never a formula), wrapped, with a set column width', async () => {
    const xl = new FakeExcel(book());
    const r = await writeNarrativeSheet(xl.run, paragraphs, false, ['title', 'p', 'p', 'p']);
    expect(r.done).toBe(true);
    expect(xl.syncCount).toBe(2);
    expect(xl.cell(NARRATIVE_SHEET, 'A1')).toMatchObject({ bold: true, horizontalAlignment: 'Center' });
    expect(xl.cell(NARRATIVE_SHEET, 'A2').bold).toBeUndefined();
    expect(xl.sheetNames()).toContain(NARRATIVE_SHEET);
    paragraphs.forEach((p, i) => {
      const cell = xl.cell(NARRATIVE_SHEET, `A${i + 1}`);
      expect(cell).toMatchObject({ value: p, numberFormat: '@', wrapText: true });
      expect(cell.formula).toBeUndefined();
    });
    expect(xl.columnWidth(NARRATIVE_SHEET, 'A')).toBe(NARRATIVE_COLUMN_WIDTH);
    expect(xl.activeSheet).toBe(NARRATIVE_SHEET);
  });

  it('asks before overwriting a non-empty sheet, and on overwrite clears the old rows below', async () => {
    const xl = new FakeExcel(book());
    await writeNarrativeSheet(xl.run, [...paragraphs, 'old 5', 'old 6'], false);
    const r = await writeNarrativeSheet(xl.run, paragraphs, false);
    expect(r).toMatchObject({ done: false, occupied: 6 });
    expect(xl.cell(NARRATIVE_SHEET, 'A6').value).toBe('old 6');
    expect((await writeNarrativeSheet(xl.run, paragraphs, true)).done).toBe(true);
    expect(xl.cell(NARRATIVE_SHEET, 'A2').value).toBe('=1+1 不是公式');
    expect(xl.cell(NARRATIVE_SHEET, 'A6').value).toBe('');
  });

  it('writes downward from the active cell, asking first when any of those cells holds something', async () => {
    const xl = new FakeExcel(book());
    xl.activeSheet = 'Sheet2';
    xl.selection = { sheet: 'Sheet2', address: 'B3' };
    expect(await writeAtActiveCell(xl.run, paragraphs, false)).toEqual({ done: true, address: 'Sheet2!B3:B6' });
    expect(xl.cell('Sheet2', 'B4')).toMatchObject({ value: '=1+1 不是公式', numberFormat: '@' });
    expect(xl.cell('Sheet2', 'B5').value).toBe('1,010.75');
    xl.selection = { sheet: 'Sheet2', address: 'B5' };
    expect(await writeAtActiveCell(xl.run, paragraphs, false)).toMatchObject({ done: false, occupied: 2 });
    expect(xl.cell('Sheet2', 'B5').value).toBe('1,010.75');
    expect((await writeAtActiveCell(xl.run, paragraphs, true)).done).toBe(true);
    expect(xl.cell('Sheet2', 'B5').value).toBe(paragraphs[0]);
  });

  it('writes nothing for no paragraphs', async () => {
    const xl = new FakeExcel(book());
    expect(await writeAtActiveCell(xl.run, [], false)).toEqual({ done: true, address: '' });
    expect(xl.syncCount).toBe(0);
  });

  it('counts occupied cells and splits quoted addresses', () => {
    expect(occupiedCells([[''], ['  '], [0], ['a']])).toBe(2);
    expect(splitAddress("'情况 说明'!B3:B9")).toEqual({ sheet: '情况 说明', range: 'B3:B9' });
    expect(splitAddress('Sheet2!B3')).toEqual({ sheet: 'Sheet2', range: 'B3' });
  });
});

describe('addSupplementSheet', () => {
  const layout = [
    { key: '', label: '一、收支', kind: 'text' as const },
    { key: 'prev.income', label: '上年收入总计', kind: 'amount' as const, note: '万元', reasonHint: '主要原因' },
    { key: 'perf.self.count', label: '自评项目个数', kind: 'count' as const },
    { key: 'special.text', label: '专项说明', kind: 'text' as const, preset: '=本单位未涉及' },
  ];

  it('creates the input sheet with text keys and labels, and never touches an existing one', async () => {
    const xl = new FakeExcel(book());
    expect(await addSupplementSheet(xl.run, '补充信息', layout, true)).toEqual({ created: true });
    expect(xl.cell('补充信息', 'A1')).toMatchObject({ value: '键', bold: true });
    expect(xl.frozenRows('补充信息')).toBe(1);
    expect(xl.syncCount).toBe(2);
    expect(xl.cell('补充信息', 'B3')).toMatchObject({ value: '上年收入总计（万元）', numberFormat: '@' });
    expect(xl.cell('补充信息', 'C3').numberFormat).toBe('#,##0.00');
    expect(xl.cell('补充信息', 'C4').numberFormat).toBe('0');
    expect(xl.cell('补充信息', 'C5')).toMatchObject({ value: '=本单位未涉及', numberFormat: '@' });
    expect(xl.cell('补充信息', 'C5').formula).toBeUndefined();
    const saved = xl.save();
    expect(await addSupplementSheet(xl.run, '补充信息', layout, true)).toEqual({ created: false });
    expect(xl.save()).toEqual(saved);
  });

  it('puts what D should hold in a cell note, as the command line does, or after the label without notes', async () => {
    const xl = new FakeExcel(book());
    await addSupplementSheet(xl.run, '补充信息', layout, true);
    expect(xl.cell('补充信息', 'D3')).toMatchObject({ value: '', note: 'D 列填写：主要原因' });
    expect(xl.cell('补充信息', 'D4').note).toBeUndefined();
    expect(xl.syncCount).toBe(2);

    const old = new FakeExcel(book());
    await addSupplementSheet(old.run, '补充信息', layout, false);
    expect(old.cell('补充信息', 'B3').value).toBe('上年收入总计（万元；D 列填写：主要原因）');
    expect(old.cell('补充信息', 'D3').note).toBeUndefined();
  });
});
