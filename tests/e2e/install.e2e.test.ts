/**
 * What a user sees when the add-in cannot run, and what the ribbon commands report, in headless Chromium against the
 * built add-in (dist/addin): Office.js unreachable (an offline network with the CDN build), an Excel without the
 * requirement set, and the ribbon's notice dialog (DialogApi stood in for by a few lines around the fake host).
 * The OFFICE_JS=local build (dist/addin-local, `npm run test:e2e` builds it) is served at its intranet address with
 * Microsoft's real office.js from the add-in's own folder, with the network closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { FAKE_OFFICE, Harness, OFFICE_JS, SHOTS, startHarness, until } from './support';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** Opens a built page; office.js is `officeJs` (a script body) or, when null, unreachable as on a network without internet. */
async function open(file: string, officeJs: string | null): Promise<Page> {
  const page = await h.browser.newPage({ viewport: { width: 380, height: 700 } });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return officeJs === null ? route.abort('internetdisconnected') : route.fulfill({ contentType: 'text/javascript', body: officeJs });
    if (url.startsWith(h.origin)) return route.continue();
    h.outside.push(url);
    return route.abort();
  });
  await page.goto(`${h.origin}/${file}`);
  return page;
}

/** The fake host's bundle, ending in a newline so that code appended to it is not inside its source-map comment. */
const fake = () => `${fs.readFileSync(FAKE_OFFICE, 'utf8')}\n`;
const visibleText = (page: Page, selector: string) => page.locator(selector).innerText();

describe('when the add-in cannot run', () => {
  it('Office.js unreachable: the pane says so in Chinese, names the fix and the command line, never blank', async () => {
    const page = await open('taskpane.html', null);
    const text = await until(() => page.locator('[data-unavailable]').count().then((n) => (n ? visibleText(page, '[data-unavailable]') : '')), (t) => t !== '');
    expect(await page.getAttribute('[data-unavailable]', 'data-unavailable')).toBe('no-office-js');
    expect(text).toContain('无法加载 Office.js');
    expect(text).toContain('OFFICE_JS=local');
    expect(text).toContain('juesuan check 决算.xlsx');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'no-office-js.png') });
    await page.close();
  });

  it('Excel without ExcelApi 1.13: the pane names the requirement set and the Office versions that have it', async () => {
    const page = await open('taskpane.html', `${fake()};Office.context.requirements.isSetSupported = () => false;`);
    await page.locator('[data-unavailable="old-excel"]').waitFor();
    const text = await visibleText(page, '[data-unavailable]');
    expect(text).toContain('此版本的 Excel 不支持决算助手');
    expect(text).toContain('ExcelApi 1.13');
    expect(text).toContain('Office 2021');
    expect(text).toContain('juesuan check');
    await page.close();
  });
});

/** The fake host plus what a ribbon command needs beyond it: DialogApi and the enums office.js defines. */
const withDialogs = (supported: (name: string, version?: string) => boolean) => `${fake()};
  window.__dialogs = [];
  const excelSupported = Office.context.requirements.isSetSupported;
  Office.context.requirements.isSetSupported = (name, version) => name === 'DialogApi' ? true : (${supported.toString()})(name, version) && excelSupported(name, version);
  Office.EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  Office.AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  Office.context.ui = {
    displayDialogAsync(url, options, callback) {
      const handlers = {};
      window.__dialogs.push({ url, options, close: () => handlers.dialogEventReceived({ error: 12006 }) });
      callback({ status: 'succeeded', value: { addEventHandler: (type, fn) => { handlers[type] = fn; }, close() {} } });
    },
  };`;

/** Runs a ribbon command; resolves with the notice it showed once the notice is closed and the event completed. */
async function runCommand(page: Page, id: string): Promise<{ title: string; text: string; completed: boolean }> {
  await until(() => page.evaluate((c) => window.fakeExcel.commands.has(c), id), (v) => v);
  return page.evaluate(async (c) => {
    const w = window as unknown as { __dialogs: { url: string; close(): void }[] };
    let completed = false;
    const done = new Promise<void>((resolve) => {
      void window.fakeExcel.commands.get(c)!({ completed: () => ((completed = true), resolve()) });
    });
    while (w.__dialogs.length === 0) await new Promise((r) => setTimeout(r, 20));
    const dialog = w.__dialogs.shift()!;
    const q = new URL(dialog.url).searchParams;
    const open = completed;
    dialog.close();
    await done;
    return { title: q.get('title') ?? '', text: q.get('text') ?? '', completed: completed && !open };
  }, id);
}

describe('OFFICE_JS=local build', () => {
  const LOCAL = path.resolve(__dirname, '../../dist/addin-local');
  const BASE = 'https://addins.example.gov.cn/juesuan/';

  it('Office.js loads from the add-in\'s own server under its policy; outside Excel the pane says where it belongs', async () => {
    if (!fs.existsSync(path.join(LOCAL, 'office-js/office.js'))) throw new Error('dist/addin-local is missing: run `npm run test:e2e`, which builds it');
    const page = await h.browser.newPage({ viewport: { width: 380, height: 700 } });
    const served: string[] = [];
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      const file = url.startsWith(BASE) ? path.join(LOCAL, decodeURIComponent(new URL(url).pathname.slice(new URL(BASE).pathname.length))) : '';
      if (!file || !file.startsWith(LOCAL) || !fs.existsSync(file)) {
        h.outside.push(url);
        return route.abort('internetdisconnected');
      }
      served.push(url.slice(BASE.length));
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      return route.fulfill({ contentType: type, body: fs.readFileSync(file) });
    });
    await page.goto(`${BASE}taskpane.html`);
    await page.locator('[data-unavailable="not-excel"]').waitFor({ timeout: 30000 });
    expect(await visibleText(page, '[data-unavailable]')).toContain('请在 Excel 中打开决算助手');
    expect(served).toContain('office-js/office.js');
    expect(blocked).toEqual([]);
    await page.close();
  });
});

describe('ribbon commands', () => {
  it('检查工作簿 on a workbook without 决算 tables says so, and completes only when the notice is closed', async () => {
    const page = await open('commands.html', withDialogs(() => true));
    const notice = await runCommand(page, 'checkWorkbook');
    expect(notice.title).toBe('检查工作簿：请注意');
    expect(notice.text).toContain('未找到部门决算公开表');
    expect(notice.completed).toBe(true);
    await page.close();
  });

  it('in an Excel without ExcelApi 1.13 the command fails visibly, naming what is needed', async () => {
    const page = await open('commands.html', withDialogs((name) => name !== 'ExcelApi'));
    const notice = await runCommand(page, 'clearMarks');
    expect(notice.title).toBe('此版本的 Excel 不支持决算助手');
    expect(notice.text).toContain('ExcelApi 1.13');
    await page.close();
  });

  it('the notice page shows the text it is given as plain text', async () => {
    const q = new URLSearchParams({ title: '检查完成：发现问题', text: '错误 1 条\n<b>不是标记</b>' });
    const page = await open(`notice.html?${q}`, fake());
    expect(await page.locator('#title').innerText()).toBe('检查完成：发现问题');
    expect(await page.locator('#text p').allTextContents()).toEqual(['错误 1 条', '<b>不是标记</b>']);
    expect(await page.locator('#text b').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('close');
    await page.close();
  });

  it('made no request outside the local server', () => {
    expect(h.outside).toEqual([]);
  });
});
