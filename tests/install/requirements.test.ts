/** The requirement the manifest declares, the run-time check, and what a ribbon command shows in every case. */
import fs from 'node:fs';
import path from 'node:path';
import { MIN_EXCEL_API, unavailableMessage, unavailableReason } from '../../src/excel/requirements';
import { CommandOffice, runRibbonCommand } from '../../src/commands/ribbon';
import { readNotice } from '../../src/commands/notice-url';
import type { Notice } from '../../src/commands/notice-url';

const manifest = fs.readFileSync(path.resolve(__dirname, '../../manifest.xml'), 'utf8');

test('the manifest requires the ExcelApi version the pane and the ribbon check at run time', () => {
  expect([...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g)].map((m) => m[1])).toEqual([MIN_EXCEL_API]);
});

test('the manifest has a function command for each ribbon action', () => {
  expect([...manifest.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1])).toEqual(['checkWorkbook', 'clearMarks']);
});

const supports = (sets: Record<string, string>) => ({
  context: { requirements: { isSetSupported: (name: string, v = '1.1') => name in sets && Number(v.split('.')[1]) <= Number(sets[name].split('.')[1]) } },
});

describe('unavailableReason', () => {
  test('no office.js, not in Excel, too old, fine', () => {
    expect(unavailableReason(undefined, true)).toEqual({ kind: 'no-office-js' });
    expect(unavailableReason(supports({ ExcelApi: '1.18' }), false)).toEqual({ kind: 'not-excel' });
    expect(unavailableReason(supports({ ExcelApi: '1.7' }), true)).toEqual({ kind: 'old-excel', set: 'ExcelApi 1.13' });
    expect(unavailableReason(supports({ ExcelApi: '1.13' }), true)).toBeNull();
  });

  test('every message points to the command line, which needs no Office', () => {
    for (const kind of ['no-office-js', 'not-excel'] as const) expect(unavailableMessage({ kind }).body.join('')).toContain('juesuan check');
    const old = unavailableMessage({ kind: 'old-excel', set: 'ExcelApi 1.13' });
    expect(old.title).toBe('此版本的 Excel 不支持决算助手');
    expect(old.body[0]).toContain('Mac 版本 16.50 及以上');
    expect(old.body[0]).toContain('Office 2016、Office 2019 不支持');
  });
});

/** A stand-in for office.js's DialogApi: records the dialog and lets the test close it. */
function fakeOffice(sets: Record<string, string>, dialogOpens = true) {
  const shown: Notice[] = [];
  const handlers: Record<string, (arg: unknown) => void> = {};
  const office: CommandOffice = {
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as unknown as CommandOffice['EventType'],
    AsyncResultStatus: { Succeeded: 'succeeded' } as unknown as CommandOffice['AsyncResultStatus'],
    context: {
      requirements: supports(sets).context.requirements,
      ui: {
        displayDialogAsync(url, _options, callback) {
          shown.push(readNotice(new URL(url).search));
          const dialog = { addEventHandler: (type: string, fn: (arg: unknown) => void) => void (handlers[type] = fn), close: () => undefined };
          const result = dialogOpens ? { status: 'succeeded', value: dialog } : { status: 'failed', error: { code: 12007, message: '已有对话框打开' } };
          callback(result as unknown as Office.AsyncResult<Office.Dialog>);
        },
      },
    },
  };
  return { office, shown, close: () => handlers.dialogEventReceived({ error: 12006 }), reply: () => handlers.dialogMessageReceived({ message: 'close' }) };
}

const PAGE = 'https://addins.example.gov.cn/juesuan/commands.html';

describe('runRibbonCommand', () => {
  test('shows the action notice and completes only once the user closes it', async () => {
    const f = fakeOffice({ ExcelApi: '1.18', DialogApi: '1.2' });
    let finished = false;
    const run = runRibbonCommand(f.office, true, PAGE, async () => ({ title: '未找到决算表', text: '没有识别到公开01表至公开09表' })).then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(f.shown).toEqual([{ title: '未找到决算表', text: '没有识别到公开01表至公开09表' }]);
    expect(finished).toBe(false);
    f.reply();
    await run;
    expect(finished).toBe(true);
  });

  test('an old Excel: the action does not run, the notice names the requirement set', async () => {
    const f = fakeOffice({ ExcelApi: '1.7', DialogApi: '1.1' });
    const action = jest.fn(async () => ({ title: 'x', text: 'y' }));
    const run = runRibbonCommand(f.office, true, PAGE, action);
    await new Promise((r) => setTimeout(r, 0));
    f.close();
    await run;
    expect(action).not.toHaveBeenCalled();
    expect(f.shown[0].title).toBe('此版本的 Excel 不支持决算助手');
    expect(f.shown[0].text).toContain('ExcelApi 1.13');
  });

  test('a failing action is reported in plain Chinese, not swallowed', async () => {
    const f = fakeOffice({ ExcelApi: '1.13', DialogApi: '1.1' });
    const run = runRibbonCommand(f.office, true, PAGE, async () => {
      throw Object.assign(new Error('locked'), { code: 'AccessDenied' });
    });
    await new Promise((r) => setTimeout(r, 0));
    f.close();
    await run;
    expect(f.shown).toEqual([{ title: '操作未完成', text: '工作簿或工作表受保护，决算助手无法写入。请取消保护后重试。' }]);
  });

  test('without DialogApi, or when the dialog cannot open, the notice goes to the console and the command completes', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await runRibbonCommand(fakeOffice({ ExcelApi: '1.13' }).office, true, PAGE, async () => ({ title: '已清除标记', text: '恢复原格式' }));
    await runRibbonCommand(fakeOffice({ ExcelApi: '1.13', DialogApi: '1.1' }, false).office, true, PAGE, async () => ({ title: '已清除标记', text: '恢复原格式' }));
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      '决算助手：已清除标记。恢复原格式（此 Office 不支持对话框 DialogApi 1.1）',
      '决算助手：已清除标记。恢复原格式（对话框未能打开：已有对话框打开）',
    ]);
    error.mockRestore();
  });

  test('the notice page is next to the command page, under the deployment base', async () => {
    const f = fakeOffice({ ExcelApi: '1.13', DialogApi: '1.1' });
    const urls: string[] = [];
    const display = f.office.context.ui.displayDialogAsync;
    (f.office.context.ui as { displayDialogAsync: typeof display }).displayDialogAsync = (url, o, cb) => (urls.push(url), display(url, o, cb));
    const run = runRibbonCommand(f.office, true, PAGE, async () => ({ title: '检查完成', text: '错误 1 条' }));
    await new Promise((r) => setTimeout(r, 0));
    f.close();
    await run;
    expect(urls[0].startsWith('https://addins.example.gov.cn/juesuan/notice.html?')).toBe(true);
  });
});
