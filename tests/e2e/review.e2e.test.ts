/**
 * A reviewer working through the findings in the built pane (headless Chromium, fake Excel host, the sample workbook):
 * the keyboard path from 检查 to the first finding, one item per cell counted once, figures right-aligned, selectable
 * text, no layout shift when a finding is opened, messages in view when scrolled, and the 检查结果 export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { readWorkbookFile } from '../../src/io/read';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';
import type { FakeCell, FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeCell, fakeSelection, focused, Harness, openPane, ROOT, SHOTS, startHarness, tabTo, until } from './support';

let h: Harness;
let workbook: FakeWorkbookData;
const SHEET04 = '公开04表';
const RESULTS = '检查结果';

beforeAll(async () => {
  workbook = fakeWorkbookFromGrid(await readWorkbookFile(path.join(ROOT, 'examples/hongshan-2024.xlsx')));
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Presses Tab from the top of the page until `test` holds; returns how many presses it took. */
async function tabsUntil(page: Page, test: (el: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (test(await focused(page))) return i;
  }
  throw new Error('focus never reached the wanted control with Tab');
}

/** An element's box within the finding list (scrolling the panel does not change it; a layout shift does). */
const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const list = el.closest('[role="region"]')!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return { x: r.x - list.x, y: r.y - list.y, width: r.width, height: r.height };
  });
const item = (key: string) => `li:has(> button[data-finding="${key}"])`;

describe('working through the findings', () => {
  it('from 检查 to the first finding by keyboard; one item per cell, counted once; figures right-aligned; text selectable; no shift on click', async () => {
    const page = await openPane(h, workbook);
    await page.getByText('点击“检查”').waitFor();

    // The whole keyboard path: Tab to 检查, Enter, then Tab into the list: the first item is G38.
    const toCheck = await tabsUntil(page, (el) => el.text === '检查');
    await page.keyboard.press('Enter');
    await page.locator('button[data-finding]').first().waitFor();
    const toFirst = await tabsUntil(page, (el) => el.finding !== null);
    expect((await focused(page)).finding).toBe(`${SHEET04}!G38`);
    expect(toCheck).toBe(1);
    expect(toFirst).toBeLessThanOrEqual(22);
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === SHEET04 && s.address === 'G38');

    // G38 breaks three relations: one item naming the three, counted once in 错误.
    const filters = page.getByRole('group', { name: /按级别筛选/ });
    expect((await filters.locator('button').allTextContents()).map((t) => t.trim())).toEqual(['错误 1', '警告 0', '提示 1']);
    const g38 = page.locator(item(`${SHEET04}!G38`));
    const text = (await g38.textContent()) ?? '';
    for (const title of ['财政拨款收支平衡（总计及各类）', '财政拨款收入支出决算总表的合计与总计', '财政拨款支出每行合计等于三类财政拨款之和']) expect(text).toContain(title);
    expect(text).toContain('3 个关系');
    expect(await page.locator('button[data-finding]').count()).toBe(2);

    // Figures as the message writes them, right-aligned.
    const figures = g38.locator('table').first();
    expect(await figures.locator('td').allTextContents()).toEqual(['1,010.72', '1,010.70', '0.02']);
    expect(await figures.locator('th').allTextContents()).toEqual(['应为（万元）', '实为（万元）', '相差（万元）']);
    expect(await figures.locator('td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).textAlign))).toEqual(['right', 'right', 'right']);
    expect(text).toContain('相差 0.02 万元');

    await page.evaluate(() => document.querySelector('[role="tabpanel"]:not([hidden])')!.scrollTo(0, 0));
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'taskpane-findings.png') });
    fs.copyFileSync(path.join(SHOTS, 'taskpane-findings.png'), path.join(ROOT, 'docs/taskpane-findings.png'));

    // The message is ordinary text, outside any button: it can be selected and copied.
    const message = g38.getByText(/^公开04表 支出总计（一般公共预算财政拨款）应为 1,010.72 万元/).first();
    expect(await message.evaluate((el) => [getComputedStyle(el).userSelect, el.closest('button') === null])).toEqual(['text', true]);
    const selected = await message.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(selected).toContain('应为 1,010.72 万元');

    // Opening a finding with the mouse moves nothing and greys nothing.
    const f6 = `${SHEET04.replace('04', '06')}!F6`;
    const disabled = () => page.locator('[aria-disabled="true"], :disabled').count();
    const greyed = await disabled();
    const before = [await box(page, item(`${SHEET04}!G38`)), await box(page, item(f6))];
    await page.locator(`button[data-finding="${f6}"]`).click();
    await until(() => fakeSelection(page), (s) => s?.address === 'F6');
    await page.waitForTimeout(200);
    expect([await box(page, item(`${SHEET04}!G38`)), await box(page, item(f6))]).toEqual(before);
    expect(await page.locator('main').getAttribute('aria-busy')).toBe('false');
    expect(await disabled()).toBe(greyed);

    // Filters by table and by rule.
    await page.getByRole('combobox', { name: '表' }).selectOption('06');
    await until(() => page.locator('button[data-finding]').count(), (n) => n === 1);
    await page.getByRole('combobox', { name: '表' }).selectOption('');
    await page.getByRole('combobox', { name: '规则' }).selectOption('sum/04-row-total');
    await until(() => page.locator('button[data-finding]').allTextContents(), (t) => t.length === 1 && t[0].includes('G38'));
    await page.getByRole('combobox', { name: '规则' }).selectOption('');
    await page.close();
  });

  it('keeps messages where the user is: scrolled to the bottom, the 重新检查 hint appears in view', async () => {
    const page = await openPane(h, workbook, 'taskpane', 500);
    await tabTo(page, (el) => el.text === '检查');
    await page.keyboard.press('Enter');
    await page.locator('button[data-finding]').first().waitFor();
    await page.evaluate(() => {
      const panel = document.querySelector('[role="tabpanel"]:not([hidden])')!;
      panel.scrollTo(0, panel.scrollHeight);
    });
    expect(await page.evaluate(() => document.querySelector('[role="tabpanel"]:not([hidden])')!.scrollTop)).toBeGreaterThan(200);
    await page.evaluate(([s]) => window.fakeExcel.excel.userEdit(s, 'G38', 1), [SHEET04] as const);
    const hint = page.getByText('工作簿内容已修改');
    await hint.waitFor();
    const b = (await hint.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(500);
    await page.close();
  });

  it('exports to 检查结果 with links and numbers, and replaces an earlier export only after asking', async () => {
    const page = await openPane(h, workbook);
    await tabTo(page, (el) => el.text === '检查');
    await page.keyboard.press('Enter');
    await page.locator('button[data-finding]').first().waitFor();

    await tabTo(page, (el) => el.text === `导出到“${RESULTS}”`);
    await page.keyboard.press('Enter');
    await page.getByText(/^已把 4 条结果（2 个单元格）写入“检查结果”工作表/).waitFor();
    const c2 = await fakeCell(page, RESULTS, 'C2');
    expect(c2).toMatchObject({ value: 'G38', hyperlink: { documentReference: `'${SHEET04}'!G38` } });
    expect(await fakeCell(page, RESULTS, 'G2')).toMatchObject({ value: 1010.72, numberFormat: '#,##0.00' });
    // Writing the export is not an edit of the checked tables: no 重新检查 hint.
    await page.waitForTimeout(200);
    expect(await page.getByText('工作簿内容已修改').count()).toBe(0);

    // A reviewer's note in the exported sheet: a second export asks, and 取消 keeps it.
    await page.evaluate(([s]) => window.fakeExcel.excel.userEdit(s, 'L2', '已与单位核实'), [RESULTS] as const);
    await tabTo(page, (el) => el.text === `导出到“${RESULTS}”`);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('替换已有的“检查结果”工作表？').waitFor();
    await page.keyboard.press('Escape');
    await until(() => dialog.count(), (n) => n === 0);
    expect((await focused(page)).text).toBe(`导出到“${RESULTS}”`);
    expect((await fakeCell(page, RESULTS, 'L2')).value).toBe('已与单位核实');
    await page.keyboard.press('Enter');
    await dialog.getByText('替换已有的“检查结果”工作表？').waitFor();
    await tabTo(page, (el) => el.text === '替换', 5);
    await page.keyboard.press('Enter');
    await page.getByText(/^已把 4 条结果/).waitFor();
    expect((await fakeCell(page, RESULTS, 'L2')).value).toBe('');

    // The sheet as it stands in the workbook, drawn like a worksheet for the README.
    const cells: FakeCell[][] = [];
    for (let r = 1; r <= 5; r++) cells.push(await Promise.all(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((c) => fakeCell(page, RESULTS, `${c}${r}`))));
    const widths = await page.evaluate((s) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((c) => window.fakeExcel.excel.columnWidth(s, c) ?? 48), RESULTS);
    await page.close();
    await drawSheet(cells, widths);
  });

  it('made no request outside the local server', () => {
    expect(h.outside).toEqual([]);
  });
});

/** Draws the first rows of the exported sheet as Excel shows them (column widths, formats, links) to docs/. */
async function drawSheet(cells: FakeCell[][], widths: number[]): Promise<void> {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const shown = (c: FakeCell) => {
    if (typeof c.value === 'number') {
      const decimals = /0\.(0+)/.exec(c.numberFormat)?.[1].length ?? 0;
      return c.value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }
    return String(c.value);
  };
  const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'];
  const px = (pt: number) => Math.round((pt * 4) / 3);
  const rows = cells
    .map(
      (row, i) =>
        `<tr><th class="n">${i + 1}</th>${row
          .map((c, j) => {
            const style = [c.horizontalAlignment === 'Right' || typeof c.value === 'number' ? 'text-align:right' : '', i === 0 ? 'font-weight:bold' : '', c.hyperlink ? 'color:#0563C1;text-decoration:underline' : ''].join(';');
            return `<td style="${style}" ${j === 5 ? 'class="wrap"' : ''}>${esc(shown(c))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;font:13px "Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;background:#fff}
    table{border-collapse:collapse;table-layout:fixed}
    td,th{border:1px solid #d4d4d4;padding:2px 4px;vertical-align:top;overflow:hidden;white-space:nowrap}
    td.wrap{white-space:normal}
    th{background:#f3f3f3;color:#444;font-weight:normal;text-align:center}
    .tab{display:inline-block;margin:6px 0 0 40px;padding:3px 14px;border-bottom:3px solid #217346;color:#217346;font-weight:bold}
  </style><table style="width:${32 + widths.reduce((a, w) => a + px(w), 0)}px"><colgroup><col style="width:32px">${widths.map((w) => `<col style="width:${px(w)}px">`).join('')}</colgroup>
  <tr><th></th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr>${rows}</table><div class="tab">${RESULTS}</div>`;
  const page = await h.browser.newPage({ viewport: { width: 1400, height: 420 } });
  await page.setContent(html);
  await page.screenshot({ path: path.join(SHOTS, 'findings-sheet.png'), fullPage: true });
  await page.close();
  fs.copyFileSync(path.join(SHOTS, 'findings-sheet.png'), path.join(ROOT, 'docs/findings-sheet.png'));
}
