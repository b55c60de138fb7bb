/**
 * Ribbon command 检查工作簿 (ExecuteFunction): checks the open workbook and marks the findings' cells without
 * opening the task pane. The pane's 清除标记 restores them, because the saved formats are stored in the workbook.
 */
import { checkAndMark } from '../excel/workflow';
import { describeError, excelHost } from '../excel/office-host';

async function checkWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await checkAndMark(excelHost());
  } catch (err) {
    // There is no UI in a function command; the message is kept for the developer console (F12 / Edge DevTools).
    console.error(`决算助手：检查工作簿失败。${describeError(err)}`);
  } finally {
    // Required: without it Excel keeps the button busy and queues later clicks (docs: develop/create-addin-commands).
    event.completed();
  }
}

Office.onReady(() => {
  // The id must equal the manifest's <FunctionName>.
  Office.actions.associate('checkWorkbook', checkWorkbook);
});
