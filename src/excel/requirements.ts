/**
 * What the add-in needs from the Office it runs in, and the plain Chinese a user sees when something is missing.
 * Shared by the task pane and the ribbon commands. Versions per requirement set: docs/requirements.md.
 */

/**
 * The ExcelApi version manifest.xml requires (<Set Name="ExcelApi" MinVersion>); tests/install keeps the two equal.
 * 1.13 for Range.getMergedAreasOrNullObject, which reading the tables needs; newer APIs are checked where they are used.
 */
export const MIN_EXCEL_API = '1.13';

/** Who has ExcelApi 1.13 (docs/requirements.md, from Microsoft's requirement-set table). */
const EXCEL_VERSIONS = 'Excel 网页版；Microsoft 365 的 Excel（Windows 版本 2102 及以上、Mac 版本 16.50 及以上）；Office 2021、Office 2024 及更新的永久版 Excel。Office 2016、Office 2019 不支持';

const CLI = '命令行 juesuan 不需要 Excel 或 Office.js，可在任何电脑上检查同一工作簿：juesuan check 决算.xlsx（见 README）。';

export type Unavailable =
  /** office.js did not load (no internet and the CDN build, or the server does not serve it): `Office` is undefined. */
  | { readonly kind: 'no-office-js' }
  /** office.js loaded, but the page is not inside Excel (a browser tab, another Office application). */
  | { readonly kind: 'not-excel' }
  /** Inside an Excel that lacks the requirement set. */
  | { readonly kind: 'old-excel'; readonly set: string };

interface OfficeLike {
  readonly context?: { readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** Why the add-in cannot run here, or null when it can. `inExcel`: Office.onReady reported the Excel host. */
export function unavailableReason(office: OfficeLike | undefined, inExcel: boolean): Unavailable | null {
  if (!office) return { kind: 'no-office-js' };
  if (!inExcel) return { kind: 'not-excel' };
  const requirements = office.context?.requirements;
  if (!requirements?.isSetSupported('ExcelApi', MIN_EXCEL_API)) return { kind: 'old-excel', set: `ExcelApi ${MIN_EXCEL_API}` };
  return null;
}

export interface UnavailableMessage {
  readonly title: string;
  readonly body: readonly string[];
}

export function unavailableMessage(u: Unavailable): UnavailableMessage {
  switch (u.kind) {
    case 'no-office-js':
      return {
        title: '无法加载 Office.js',
        body: [
          '决算助手需要 Microsoft 的 Office 加载项脚本库 Office.js，但它没有加载成功。默认构建从 Microsoft 的网络地址加载 Office.js，不能访问互联网的电脑上会出现这种情况。',
          '请管理员用 OFFICE_JS=local 重新构建并部署加载项，由单位内网服务器提供 Office.js（README“内网部署”）。',
          CLI,
        ],
      };
    case 'not-excel':
      return {
        title: '请在 Excel 中打开决算助手',
        body: ['决算助手是 Excel 加载项，请在 Excel（桌面版或网页版）中通过“开始 → 决算助手”打开。', CLI],
      };
    case 'old-excel':
      return {
        title: '此版本的 Excel 不支持决算助手',
        body: [`决算助手需要 Excel 的 ${u.set} 接口，当前 Excel 没有。支持的版本：${EXCEL_VERSIONS}。请更新 Office 或改用 Excel 网页版。`, CLI],
      };
  }
}
