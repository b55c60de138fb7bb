/**
 * Ribbon commands (ExecuteFunction) 检查工作簿 and 清除标记: they work without opening the task pane and report what
 * they did in a notice dialog (./ribbon). Their ids must equal the manifest's <FunctionName>s.
 */
import { excelHost } from '../excel/office-host';
import { runRibbonCommand } from './ribbon';
import type { Notice } from './notice-url';

async function checkWorkbook(): Promise<Notice> {
  const host = excelHost();
  const result = await host.check();
  const { tables, findings } = result.analysis;
  if (tables.length === 0) {
    return { title: '未找到决算表', text: '当前工作簿中没有识别到公开01表至公开09表，未作任何标记。\n请确认打开的是部门决算公开表，或在任务窗格中查看识别说明。' };
  }
  await host.mark(result, result.read.decisions);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    title: findings.length ? '检查完成：发现问题' : '检查完成：未发现问题',
    text: `识别到 ${tables.length} 张表（${tables.map((t) => t.id).join('、')}）。\n错误 ${count('error')} 条，警告 ${count('warning')} 条，提示 ${count('info')} 条${findings.length ? '；有问题的单元格已标记。\n打开任务窗格可逐条查看，“清除标记”可恢复原格式。' : '。'}`,
  };
}

async function clearMarks(): Promise<Notice> {
  const host = excelHost();
  const result = await host.check();
  await host.clear(result.read.decisions, result.read.grid.sheets.map((s) => s.name));
  return { title: '已清除标记', text: '决算助手所做的标记已清除，单元格恢复原来的格式。' };
}

Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const command = (action: () => Promise<Notice>) => (event: Office.AddinCommands.Event) => {
    // completed() only after the notice is closed: Excel keeps the button busy until then (docs: develop/create-addin-commands).
    void runRibbonCommand(Office, inExcel, window.location.href, action).finally(() => event.completed());
  };
  Office.actions.associate('checkWorkbook', command(checkWorkbook));
  Office.actions.associate('clearMarks', command(clearMarks));
});
