/**
 * Ribbon commands (ExecuteFunction) 检查工作簿 and 清除标记: they work without opening the task pane
 * (src/excel/ribbon-actions) and report what they did in a notice dialog (./ribbon). Their ids must equal the
 * manifest's <FunctionName>s.
 */
import { excelHost } from '../excel/office-host';
import { ribbonCheck, ribbonClearMarks, RibbonReport } from '../excel/ribbon-actions';
import type { WorkbookHost } from '../excel/workflow';
import { runRibbonCommand } from './ribbon';
import type { Notice } from './notice-url';

const OUTCOME: Record<RibbonReport['level'], string> = { success: '完成', warning: '请注意', error: '未完成' };

function notice(label: string, action: (host: WorkbookHost) => Promise<RibbonReport>): () => Promise<Notice> {
  return async () => {
    const report = await action(excelHost());
    return { title: `${label}：${OUTCOME[report.level]}`, text: report.message };
  };
}

Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  const command = (action: () => Promise<Notice>) => (event: Office.AddinCommands.Event) => {
    // completed() only after the notice is closed: Excel keeps the button busy until then (docs: develop/create-addin-commands).
    void runRibbonCommand(Office, inExcel, window.location.href, action).finally(() => event.completed());
  };
  Office.actions.associate('checkWorkbook', command(notice('检查工作簿', ribbonCheck)));
  Office.actions.associate('clearMarks', command(notice('清除标记', ribbonClearMarks)));
});
