/**
 * Stands in for the CDN office.js in the browser e2e test (tests/e2e intercepts the CDN URL and serves this bundle).
 * It exposes the `Office` and `Excel` globals the add-in uses, backed by FakeExcel, and `window.fakeExcel` for the
 * test to inspect the selection and cells and to "save" the workbook before a reload (a reopen).
 */
import { FakeExcel, FakeWorkbookData } from './fake-excel';

const STORAGE_KEY = 'juesuan-e2e-saved-workbook';

declare global {
  interface Window {
    /** Cell data of the workbook to open, injected by the test before the page loads. */
    __FAKE_WORKBOOK__?: FakeWorkbookData;
    fakeExcel: { excel: FakeExcel; save(): void; commands: Map<string, (event: { completed(): void }) => unknown> };
  }
}

const saved = sessionStorage.getItem(STORAGE_KEY);
const data: FakeWorkbookData = saved ? JSON.parse(saved) : (window.__FAKE_WORKBOOK__ ?? { sheets: [{ name: 'Sheet1', cells: {}, merges: [] }], settings: {} });
const excel = new FakeExcel(data);
const commands = new Map<string, (event: { completed(): void }) => unknown>();

window.fakeExcel = {
  excel,
  save: () => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(excel.save())),
  commands,
};

const info = { host: 'Excel', platform: 'OfficeOnline' };
(window as unknown as { Office: unknown }).Office = {
  onReady: (callback?: (i: typeof info) => void) => {
    // office.js calls back asynchronously once the host is ready.
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
  HostType: { Excel: 'Excel' },
  context: {
    displayLanguage: 'zh-CN',
    platform: info.platform,
    // The fake implements what the add-in uses up to ExcelApi 1.18 (cell notes).
    requirements: { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= 18 && version.startsWith('1.') },
  },
  actions: { associate: (id: string, fn: (event: { completed(): void }) => unknown) => commands.set(id, fn) },
};
(window as unknown as { Excel: unknown }).Excel = { run: excel.run };
