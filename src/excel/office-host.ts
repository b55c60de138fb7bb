/** Binds the adapter to the real office.js `Excel.run` (a global the CDN script defines). */
import type { ExcelRun } from './adapter';
import { HostPlatform, workbookHost, WorkbookHost } from './workflow';

/** Office.context.platform (Office.PlatformType values) as the pane needs it. */
function platformOf(p: string): HostPlatform {
  return p === 'OfficeOnline' ? 'web' : p === 'PC' ? 'windows' : p === 'Mac' ? 'mac' : 'other';
}

export function excelHost(): WorkbookHost {
  const run: ExcelRun = (batch) => Excel.run(batch);
  // Requirement-set check at run time (docs: develop/specify-api-requirements-runtime).
  return workbookHost(run, { notes: Office.context.requirements.isSetSupported('ExcelApi', '1.18'), platform: platformOf(String(Office.context.platform)) });
}

/** Plain Chinese for errors office.js reports (RichApi.Error codes, docs: excel/excel-add-ins-error-handling). */
export function describeError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  switch (e?.code) {
    case 'ItemNotFound':
      return '找不到相应的工作表或单元格，工作簿可能已被修改。请重新检查。';
    case 'InvalidOperationInCellEditMode':
      return 'Excel 正处于单元格编辑状态。请先按 Enter 或 Esc 结束编辑，再重试。';
    case 'AccessDenied':
      return '工作簿或工作表受保护，决算助手无法写入。请取消保护后重试。';
    case 'RequestPayloadSizeLimitExceeded':
      return '工作簿数据量超出 Excel 一次请求的上限（网页版约 5 MB）。请删除与决算表无关的大工作表后重试。';
    default:
      return `操作未能完成：${e?.message ?? String(err)}。请重试；若仍失败，请保存并重新打开工作簿。`;
  }
}
