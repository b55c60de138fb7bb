/**
 * The built task pane (dist/addin) in real headless Chromium, against the fake Excel host (dist/e2e/fake-office.js)
 * served in place of the CDN office.js. The workbook is the seed fixture, read with the command line's reader.
 * Everything is driven with the keyboard (Tab / Enter / arrow keys) to prove each action is reachable that way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Page } from 'playwright-core';
import { analyze } from '../../src/engine';
import { readWorkbookFile } from '../../src/io/read';
import { fakeWorkbookFromGrid } from '../../src/excel/fake/from-grid';
import type { FakeWorkbookData } from '../../src/excel/fake/fake-excel';
import { fakeCell, fakeSelection, FAKE_OFFICE, Harness, OFFICE_JS, openPane as open, ROOT, SHOTS, startHarness, tabTo, until } from './support';

let h: Harness;
let workbook: FakeWorkbookData;
let sheet04: string;
let range04: string;

beforeAll(async () => {
  const grid = await readWorkbookFile(path.join(ROOT, 'examples/hongshan-2024.xlsx'));
  workbook = fakeWorkbookFromGrid(grid);
  const g38 = analyze(grid).findings.find((f) => f.table === '04' && f.cell === 'G38' && f.severity === 'error');
  if (!g38) throw new Error('the seed workbook should have the 公开04表 G38 error');
  sheet04 = g38.sheet;
  range04 = analyze(grid).tables.find((t) => t.id === '04')?.range ?? '';
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const openPane = (page: 'taskpane' | 'commands' = 'taskpane'): Promise<Page> => open(h, workbook, page);

async function checkWithKeyboard(page: Page): Promise<void> {
  await tabTo(page, (el) => el.text === '检查' || el.text === '重新检查');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: '已识别的表' }).waitFor();
}

describe('task pane against the fake Excel host', () => {
  it('checks the seed workbook, navigates, marks and clears, ignores and remembers — keyboard only', async () => {
    const page = await openPane();
    await page.getByText('点击“检查”').waitFor();
    await checkWithKeyboard(page);

    // The seed's table mistake is listed in the 公开04表 group.
    const g38 = page.locator('button[data-finding$="!G38"]').first();
    await expect(g38.textContent()).resolves.toContain(`${sheet04}!G38`);
    await expect(page.getByRole('navigation', { name: '已识别的表' }).textContent()).resolves.toMatch(/已识别 \d \/ 9 张表/);

    // Open it with Tab + arrow keys + Enter: the fake host's selection moves to the cell.
    await tabTo(page, (el) => el.finding !== null);
    for (let i = 0; i < 200 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-finding') ?? '')).endsWith('!G38'); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === sheet04 && s.address === 'G38');
    // Its related cells are listed, and selecting one moves Excel's selection there.
    const item = page.locator('li', { has: page.locator('button[data-finding$="!G38"][aria-current="true"]') }).first();
    await item.getByText('相关单元格：').waitFor();
    const related = (await item.locator('button').allTextContents()).filter((t) => /^([^!]+!)?[A-Z]+\d+$/.test(t.trim()));
    expect(related.length).toBeGreaterThan(0);
    await tabTo(page, (el) => el.text === related[0]);
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.address === related[0].split('!').pop());

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'taskpane.png'), fullPage: false });
    fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    fs.copyFileSync(path.join(SHOTS, 'taskpane.png'), path.join(ROOT, 'docs/taskpane.png'));

    // 下一个 / 上一个 step through the cells like Excel's Error Checking dialog, selecting each one's cell, and wrap.
    const counter = async () => /第 (\d+) \/ (\d+)/.exec((await page.getByText(/^第 \d+ \/ \d+ 个单元格$/).textContent()) ?? '')!.slice(1).map(Number);
    const [start, total] = await counter();
    const at = (k: number) => ((((start - 1 + k) % total) + total) % total) + 1;
    const position = async () => (await counter())[0];
    const activeCell = () => page.evaluate(() => document.querySelector('[aria-current="true"]')?.getAttribute('data-finding')?.split('!').pop());
    await tabTo(page, (el) => el.text === '下一个');
    await page.keyboard.press('Enter');
    await until(position, (n) => n === at(1));
    const nextCell = await activeCell();
    await until(() => fakeSelection(page), (s) => s?.address === nextCell);
    await page.keyboard.press('Enter');
    await until(position, (n) => n === at(2));
    await tabTo(page, (el) => el.text === '上一个');
    await page.keyboard.press('Enter');
    await until(position, (n) => n === at(1));
    await page.keyboard.press('Enter');
    await until(position, (n) => n === start);
    await until(() => fakeSelection(page), (s) => s?.sheet === sheet04 && s.address === 'G38');

    // 标记单元格 paints G38 red; 清除标记 restores it exactly.
    const before = await fakeCell(page, sheet04, 'G38');
    await tabTo(page, (el) => el.text === '标记单元格');
    await page.keyboard.press('Enter');
    await page.getByText(/已标记 \d+ 个单元格/).waitFor();
    expect((await fakeCell(page, sheet04, 'G38')).fill).toBe('#FFC7CE');
    await tabTo(page, (el) => el.text === '清除标记');
    await page.keyboard.press('Enter');
    await page.getByText(/^已清除 \d+ 个单元格的标记/).waitFor();
    expect(await fakeCell(page, sheet04, 'G38')).toEqual(before);

    // 忽略 G38: it leaves the list, stays ignored after save and reopen, and 重置已忽略 brings it back.
    const key = (await g38.getAttribute('data-finding')) ?? '';
    const sameKey = page.locator(`button[data-finding="${key}"]`);
    await tabTo(page, (el) => el.finding === key);
    await tabTo(page, (el) => el.text === '忽略', 40);
    await page.keyboard.press('Enter');
    await page.getByText('重置已忽略（3）').waitFor();
    await expect(sameKey.count()).resolves.toBe(0);
    // Focus moved on to the neighbouring finding instead of falling back to the page.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-finding'))).toBe(true);
    await page.evaluate(() => window.fakeExcel.save());
    await page.reload();
    await checkWithKeyboard(page);
    await page.getByText('重置已忽略（3）').waitFor();
    await expect(sameKey.count()).resolves.toBe(0);
    await tabTo(page, (el) => el.text.startsWith('重置已忽略'));
    await page.keyboard.press('Enter');
    await sameKey.first().waitFor();

    // The table bar selects a table's whole range.
    await tabTo(page, (el) => el.text === '04');
    await page.keyboard.press('Enter');
    await until(() => fakeSelection(page), (s) => s?.sheet === sheet04 && s.address === range04);

    // The severity filter: switching 提示 off hides the 尾差 findings, switching it on shows them again.
    const listed = () => page.locator('button[data-finding]').count();
    const all = await listed();
    await tabTo(page, (el) => /^提示 [1-9]/.test(el.text));
    await page.keyboard.press('Enter');
    await until(listed, (n) => n < all);
    await page.keyboard.press('Enter');
    await until(listed, (n) => n === all);

    // 标记已核实 shows a badge on the finding and is stored in the workbook.
    await tabTo(page, (el) => el.text === '标记已核实');
    await page.keyboard.press('Enter');
    await page.getByText('已核实', { exact: true }).first().waitFor();
    const stored = await page.evaluate(() => window.fakeExcel.excel.setting('juesuan.decisions') as { verified: string[] });
    // One item per cell: its three relations are verified together.
    expect(stored.verified).toEqual(['sum/04-balance|公开04表|G38', 'sum/04-composition|公开04表|G38', 'sum/04-row-total|公开04表|G38']);

    // A user edit shows the 重新检查 hint.
    await page.evaluate(([s]) => window.fakeExcel.excel.userEdit(s, 'G38', 1), [sheet04] as const);
    await page.getByText('工作簿内容已修改').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'stale.png') });
    await page.close();
  });

  it('shows what it looks for when the workbook has no 决算 tables', async () => {
    const page = await h.browser.newPage({ viewport: { width: 380, height: 700 } });
    await page.route('**/*', (route) =>
      route.request().url() === OFFICE_JS ? route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(FAKE_OFFICE, 'utf8') }) : route.request().url().startsWith(h.origin) ? route.continue() : route.abort(),
    );
    await page.goto(`${h.origin}/taskpane.html`);
    await tabTo(page, (el) => el.text === '检查');
    await page.keyboard.press('Enter');
    await page.getByText(/未在工作簿中找到部门决算公开表/).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'no-tables.png') });
    // The page's Content-Security-Policy itself refuses any other origin, before a request is even made.
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective));
          fetch('https://example.com/upload', { method: 'POST', body: 'x' }).catch(() => undefined);
        }),
    );
    expect(violated).toBe('connect-src');
    await page.close();
  });

  it('the ribbon command 检查工作簿 marks the cells without the pane and completes the event', async () => {
    const page = await openPane('commands');
    await until(() => page.evaluate(() => window.fakeExcel.commands.has('checkWorkbook')), (v) => v);
    const completed = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          void window.fakeExcel.commands.get('checkWorkbook')!({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    expect((await fakeCell(page, sheet04, 'G38')).fill).toBe('#FFC7CE');
    await page.close();
  });

  it('made no request outside the local server', () => {
    expect(h.outside).toEqual([]);
  });
});
