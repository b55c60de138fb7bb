import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import { excelHost } from '../excel/office-host';
import { App } from './App';

/**
 * office.js must finish initializing before any Excel call (docs: develop/initialize-add-in). Opened outside Excel
 * (a plain browser tab), onReady reports no host, and the pane says where it belongs instead of failing on Excel calls.
 */
Office.onReady((info) => {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      {info.host === Office.HostType.Excel ? (
        <App host={excelHost()} />
      ) : (
        <MessageBar intent="warning" style={{ margin: 12 }}>
          <MessageBarBody>决算助手是 Excel 加载项，请在 Excel（桌面版或网页版）中通过“开始 → 决算助手”打开。</MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>,
  );
});
