/**
 * The 填报 and 情况说明 tabs of the built pane in headless Chromium against the fake Excel host, on the sample
 * workbook. The main paths are driven with the keyboard only (Tab, arrow keys, Enter).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/io/read';
import { blockText, narrativeContext, narrativeOf } from '../../src/engine/narrative';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';
import type { FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeCell, fakeSelection, focused, Harness, openPane, ROOT, SHOTS, startHarness, tabTo, until } from './support';

let h: Harness;
let workbook: FakeWorkbookData;
let paragraphs: string[];

beforeAll(async () => {
  const grid = await readWorkbookFile(path.join(ROOT, 'examples/hongshan-2024.xlsx'));
  workbook = fakeWorkbookFromGrid(grid);
  paragraphs = narrativeOf(narrativeContext(grid)).blocks.map(blockText);
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Keyboard: Tab to the tab list (the selected tab is its one tab stop), arrow to the wanted tab, Enter. */
async function openTab(page: Page, name: '检查' | '填报' | '情况说明'): Promise<void> {
  await page.getByRole('tab', { name: '检查' }).waitFor();
  await tabTo(page, (el) => el.role === 'tab');
  // An unselected Fluent tab repeats its label in a hidden span that reserves the bold width: compare the start.
  for (let i = 0; i < 3 && !(await focused(page)).text.startsWith(name); i++) await page.keyboard.press('ArrowRight');
  expect((await focused(page)).text.startsWith(name)).toBe(true);
  await page.keyboard.press('Enter');
  await until(() => page.getByRole('tab', { name, selected: true }).count(), (n) => n === 1);
}

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
const sheetValues = (page: Page, sheet: string, n: number) =>
  page.evaluate(([s, count]) => Array.from({ length: count }, (_, i) => window.fakeExcel.excel.cell(s, `A${i + 1}`)), [sheet, n] as const);

describe('情况说明 tab', () => {
  it('generates, shows each figure’s source, inserts into a 情况说明 sheet as text, asks before overwriting — keyboard only', async () => {
    const page = await openPane(h, workbook, 'taskpane', 1000);
    await openTab(page, '情况说明');
    await tabTo(page, (el) => el.text === '生成');
    await page.keyboard.press('Enter');
    const preview = page.getByRole('article', { name: '情况说明预览' });
    await preview.getByText('2024年度收入总计1,010.75万元', { exact: false }).first().waitFor();

    // A figure is a tab stop; focus shows its source (a tooltip) and Enter selects its first cell in Excel.
    await tabTo(page, (el) => el.figure !== null);
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/公开0\d表.*![A-Z]+\d+/);
    const cell = /([^：、]+)!([A-Z]+\d+)/.exec((await tip.textContent()) ?? '')!;
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === cell[1].replace(/^.*：/, '') && s.address === cell[2]);
    // The figures are one tab stop: an arrow key moves to the next figure, Tab leaves the preview.
    await page.evaluate(() => document.activeElement?.setAttribute('data-was-focused', ''));
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).figure).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-was-focused'))).toBe(false);
    await page.keyboard.press('Tab');
    expect((await focused(page)).figure).toBeNull();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'narrative.png') });
    fs.copyFileSync(path.join(SHOTS, 'narrative.png'), path.join(ROOT, 'docs/taskpane-narrative.png'));

    // 插入到“情况说明”工作表: one paragraph per row in column A, text format, wrapped.
    await tabTo(page, (el) => el.text === '插入到“情况说明”工作表');
    await page.keyboard.press('Enter');
    await status(page, /已将 \d+ 段写入“情况说明”工作表/);
    const cells = await sheetValues(page, '情况说明', paragraphs.length);
    expect(cells.map((c) => c.value)).toEqual(paragraphs);
    expect(cells.every((c) => c.numberFormat === '@' && c.wrapText === true && c.formula === undefined)).toBe(true);
    expect(cells[2].value).toContain('2024年度收入总计1,010.75万元');

    // A second insert asks first (a Fluent dialog, focus inside it); 取消 leaves the sheet alone, 覆盖 rewrites it.
    await page.evaluate(() => window.fakeExcel.excel.userEdit('情况说明', 'A1', '用户改过的标题'));
    await tabTo(page, (el) => el.text === '插入到“情况说明”工作表');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '覆盖已有内容？' });
    await dialog.waitFor();
    await until(() => focused(page), (el) => el.text === '覆盖' || el.text === '取消');
    while ((await focused(page)).text !== '取消') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect((await fakeCell(page, '情况说明', 'A1')).value).toBe('用户改过的标题');
    // Focus is back on the button that asked, so Enter asks again.
    await until(() => focused(page), (el) => el.text === '插入到“情况说明”工作表');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    while ((await focused(page)).text !== '覆盖') await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await status(page, /已将 \d+ 段写入“情况说明”工作表/);
    expect((await fakeCell(page, '情况说明', 'A1')).value).toBe(paragraphs[0]);

    // 核对说明 with nothing pasted audits the sheet's column A: the generated text agrees with the tables.
    await tabTo(page, (el) => el.text === '核对说明');
    await page.keyboard.press('Enter');
    await status(page, '“情况说明”工作表核对完毕：未发现问题。');

    // A wrong figure typed into the sheet is found, and its paragraph button selects that row.
    await page.evaluate(([text]) => window.fakeExcel.excel.userEdit('情况说明', 'A3', text), [paragraphs[2].replace('收入总计1,010.75', '收入总计1,100.75')] as const);
    await tabTo(page, (el) => el.text === '核对说明');
    await page.keyboard.press('Enter');
    const row3 = page.getByRole('button', { name: /情况说明!A3/ }).first();
    await row3.waitFor();
    await tabTo(page, (el) => /情况说明!A3/.test(el.text));
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === '情况说明' && s.address === 'A3');
    await page.close();
  });

  it('pasted text with a wrong figure is flagged; insert at the active cell, copy and .docx export work', async () => {
    const page = await openPane(h, workbook);
    await openTab(page, '情况说明');
    await page.getByRole('button', { name: '生成' }).click();
    await page.getByRole('article', { name: '情况说明预览' }).waitFor();

    await page.getByRole('textbox', { name: /核对说明/ }).fill('2024年度收入总计1,100.75万元，支出总计1,010.75万元。');
    await page.getByRole('button', { name: '核对说明' }).click();
    const results = page.getByRole('list', { name: '说明核对结果' });
    await results.waitFor();
    expect(await results.textContent()).toContain('1,100.75');

    // The active cell: H2 of the 补充信息 sheet, right of its four columns.
    await page.evaluate(() => {
      window.fakeExcel.excel.activeSheet = '补充信息';
      window.fakeExcel.excel.selection = { sheet: '补充信息', address: 'H2' };
    });
    await page.getByRole('button', { name: '插入到所选单元格' }).click();
    await status(page, /写入 补充信息!H2:H\d+/);
    expect((await fakeCell(page, '补充信息', 'H2')).value).toBe(paragraphs[0]);
    expect((await fakeCell(page, '补充信息', 'H4')).numberFormat).toBe('@');

    await page.getByRole('button', { name: '复制' }).click();
    await status(page, /已复制|Ctrl\+C/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 .docx' }).click()]);
    expect(download.suggestedFilename()).toBe('部门决算情况说明.docx');
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });

  it('without a 补充信息 sheet shows the 待补充 count, adds the sheet once and never overwrites it', async () => {
    const without = { ...workbook, sheets: workbook.sheets.filter((s) => s.name !== '补充信息') };
    const page = await openPane(h, without);
    await openTab(page, '情况说明');
    await page.getByRole('button', { name: '生成' }).click();
    await page.getByText(/待补充 \d+ 处/).waitFor();
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('mark').first().textContent()).toMatch(/【待补充/);
    await page.getByRole('button', { name: '添加“补充信息”表' }).click();
    await status(page, '已添加“补充信息”工作表');
    expect((await fakeCell(page, '补充信息', 'A1')).value).toBe('键');
    expect((await fakeCell(page, '补充信息', 'A2')).numberFormat).toBe('@');
    // What the D column holds is a cell note, as in the command line's sheet (the fake host offers ExcelApi 1.18).
    const notes = await page.evaluate(() => Object.values(window.fakeExcel.excel.save().sheets.find((s) => s.name === '补充信息')!.cells).map((c) => c.note).filter(Boolean));
    expect(notes).toContain('D 列填写：主要原因');
    await page.evaluate(() => window.fakeExcel.excel.userEdit('补充信息', 'D2', '我的说明'));
    await page.getByRole('button', { name: '添加“补充信息”表' }).click();
    await status(page, '已有“补充信息”工作表，未作改动');
    expect((await fakeCell(page, '补充信息', 'D2')).value).toBe('我的说明');
    await page.close();
  });
});

describe('填报 tab', () => {
  it('proposes the blanked 公开03表 C7, fills it, and undoes it after save and reopen — keyboard only', async () => {
    const blanked: FakeWorkbookData = JSON.parse(JSON.stringify(workbook));
    const s03 = blanked.sheets.find((s) => s.name === '公开03表')!;
    expect(s03.cells.C7.value).toBe(1010.72);
    delete s03.cells.C7;
    const page = await openPane(h, blanked);
    await openTab(page, '填报');
    await tabTo(page, (el) => el.text === '计算可填数');
    await page.keyboard.press('Enter');
    const fill = page.locator('button[data-fill="公开03表!C7"]');
    await fill.waitFor();
    expect(await fill.textContent()).toContain('1,010.72 万元');
    await page.screenshot({ path: path.join(SHOTS, 'fill.png') });
    fs.copyFileSync(path.join(SHOTS, 'fill.png'), path.join(ROOT, 'docs/taskpane-fill.png'));

    // The fill itself selects its cell.
    await tabTo(page, (el) => el.fill === '公开03表!C7');
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === '公开03表' && s.address === 'C7');

    // Choosing with the keyboard: Space on the fill's checkbox unticks and ticks it again.
    await tabTo(page, (el) => el.label?.startsWith('选择 公开03表!C7') ?? false);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: '填入所选（0）' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: '填入所选（1）' }).waitFor();

    await tabTo(page, (el) => el.text.startsWith('全部填入'));
    await page.keyboard.press('Enter');
    await status(page, /已填入 \d+ 个单元格/);
    expect((await fakeCell(page, '公开03表', 'C7')).value).toBe(1010.72);

    // The undo record is in the workbook: after save and reopen 撤销填报 still restores the blank.
    await page.evaluate(() => window.fakeExcel.save());
    await page.reload();
    await openTab(page, '填报');
    await page.getByRole('button', { name: /撤销填报（\d+）/ }).waitFor();
    await tabTo(page, (el) => el.text.startsWith('撤销填报'));
    await page.keyboard.press('Enter');
    await status(page, /已撤销填报/);
    const c7 = await fakeCell(page, '公开03表', 'C7');
    expect(c7.value).toBe('');
    expect(c7.numberFormat).toBe('General');
    await page.evaluate(() => sessionStorage.clear());
    await page.close();
  });

  it('made no request outside the local server', () => {
    expect(h.outside).toEqual([]);
  });
});
