import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { excelHost } from '../excel/office-host';
import { App } from './App';

/** office.js must finish initializing before any Excel call (docs: develop/initialize-add-in). */
Office.onReady(() => {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={excelHost()} />
    </FluentProvider>,
  );
});
