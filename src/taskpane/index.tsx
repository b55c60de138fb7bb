import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { excelHost } from '../excel/office-host';
import { unavailableReason } from '../excel/requirements';
import { App } from './App';
import { Unavailable } from './Unavailable';

/**
 * office.js must finish initializing before any Excel call (docs: develop/initialize-add-in). When its script did not
 * load (offline with the CDN build), `Office` is undefined and onReady would throw; opened outside Excel, onReady
 * reports no host; in an Excel without the requirement set, Excel calls would fail. Each case gets a message saying
 * what is needed instead of a blank pane.
 */
const root = document.getElementById('root');
if (root) {
  const show = (node: ReactNode) => createRoot(root).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
  const office = typeof Office === 'undefined' ? undefined : Office;
  if (!office) {
    show(<Unavailable reason={{ kind: 'no-office-js' }} />);
  } else {
    void office.onReady((info) => {
      const reason = unavailableReason(office, info.host === office.HostType.Excel);
      show(reason ? <Unavailable reason={reason} /> : <App host={excelHost()} />);
    });
  }
}
