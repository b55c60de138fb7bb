/**
 * Shared setup of the browser e2e tests: a static server for the built add-in (dist/addin), headless Debian Chromium
 * through playwright-core, the fake Excel host (dist/e2e/fake-office.js) served in place of the CDN office.js, and
 * keyboard helpers. No network: every request that is neither local nor the intercepted office.js is refused and
 * recorded in `outside`.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { chromium, Browser, Page } from 'playwright-core';
import type { FakeWorkbookData } from '../../src/excel/fake/fake-excel';

export const ROOT = path.resolve(__dirname, '../..');
export const ADDIN = path.join(ROOT, 'dist/addin');
export const FAKE_OFFICE = path.join(ROOT, 'dist/e2e/fake-office.js');
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const SHOTS = path.join(__dirname, '__screenshots__');

export interface Harness {
  readonly origin: string;
  readonly browser: Browser;
  /** Non-local URLs the pages tried to load (refused). */
  readonly outside: string[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // A static server for the built add-in only: no network, nothing but local files.
  const server = http.createServer((req, res) => {
    const p = path.join(ADDIN, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!p.startsWith(ADDIN) || !fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const type = p.endsWith('.html') ? 'text/html; charset=utf-8' : p.endsWith('.js') ? 'text/javascript' : p.endsWith('.png') ? 'image/png' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(fs.readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    origin,
    browser,
    outside: [],
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Opens the pane (or the commands page) on `workbook` in the fake host. */
export async function openPane(h: Harness, workbook: FakeWorkbookData | undefined, page: 'taskpane' | 'commands' = 'taskpane', height = 900): Promise<Page> {
  const p = await h.browser.newPage({ viewport: { width: 380, height }, acceptDownloads: true });
  // The fake host replaces the CDN office.js; every other non-local request is refused and recorded.
  await p.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(FAKE_OFFICE, 'utf8') });
    if (url.startsWith(h.origin)) return route.continue();
    h.outside.push(url);
    return route.abort();
  });
  if (workbook) {
    await p.addInitScript((data) => {
      (window as unknown as { __FAKE_WORKBOOK__: unknown }).__FAKE_WORKBOOK__ = data;
    }, workbook);
  }
  await p.goto(`${h.origin}/${page}.html`);
  return p;
}

export interface Focused {
  text: string;
  finding: string | null;
  fill: string | null;
  figure: string | null;
  role: string | null;
  label: string | null;
  disabled: boolean;
}

/** Presses Tab until the focused element satisfies `test` (text, role or data attributes), as a keyboard user would. */
export async function tabTo(page: Page, test: (el: Focused) => boolean, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (!el.disabled && test(el)) return;
  }
  throw new Error('focus never reached the wanted control with Tab');
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return {
      text: a?.textContent?.trim() ?? '',
      finding: a?.getAttribute('data-finding') ?? null,
      fill: a?.getAttribute('data-fill') ?? null,
      figure: a?.getAttribute('data-figure') ?? null,
      role: a?.getAttribute('role') ?? null,
      label: a?.getAttribute('aria-label') ?? null,
      disabled: a?.getAttribute('aria-disabled') === 'true',
    };
  });
}

/** Polls until `ok` holds (Playwright's expect.poll is not available under Jest). */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const end = Date.now() + 10000;
  for (let v = await fn(); ; v = await fn()) {
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const fakeSelection = (page: Page) => page.evaluate(() => window.fakeExcel.excel.selection);
export const fakeCell = (page: Page, sheet: string, cell: string) => page.evaluate(([s, c]) => window.fakeExcel.excel.cell(s, c), [sheet, cell] as const);
