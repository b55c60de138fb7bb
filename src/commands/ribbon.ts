/**
 * How a ribbon command (ExecuteFunction) reports back. A function command has no UI of its own, so what it found or
 * why it failed is shown in a small Office dialog (DialogApi 1.1, docs: develop/dialog-api-in-office-add-ins), and
 * the command's event is completed only when the dialog closes: Excel keeps the button busy until then and queues
 * further clicks (docs: develop/create-addin-commands).
 */
import { describeError } from '../excel/office-host';
import { unavailableMessage, unavailableReason } from '../excel/requirements';
import { Notice, noticeUrl } from './notice-url';

/** The parts of office.js a command uses; the real `Office` global satisfies it, tests pass a stand-in. */
export interface CommandOffice {
  readonly EventType: Pick<typeof Office.EventType, 'DialogMessageReceived' | 'DialogEventReceived'>;
  readonly AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, 'Succeeded'>;
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: {
      displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void): void;
    };
  };
}

/**
 * Runs `action` unless Excel lacks what the add-in needs, and shows its notice (or the failure) before `completed`.
 * Never throws: a command that fails silently is what this replaces.
 */
export async function runRibbonCommand(office: CommandOffice, inExcel: boolean, pageHref: string, action: () => Promise<Notice>): Promise<void> {
  const reason = unavailableReason(office, inExcel);
  let notice: Notice;
  if (reason) {
    const m = unavailableMessage(reason);
    notice = { title: m.title, text: m.body.join('\n') };
  } else {
    try {
      notice = await action();
    } catch (err) {
      notice = { title: '操作未完成', text: describeError(err) };
    }
  }
  await showNotice(office, pageHref, notice);
}

/** Resolves when the user has closed the notice, or at once if no dialog could be opened (then logged). */
export function showNotice(office: CommandOffice, pageHref: string, notice: Notice): Promise<void> {
  return new Promise((resolve) => {
    const fallback = (why: string) => {
      // The last resort: the developer console (F12 / Edge DevTools) of the function file.
      console.error(`决算助手：${notice.title}。${notice.text}（${why}）`);
      resolve();
    };
    if (!office.context.requirements.isSetSupported('DialogApi', '1.1')) return fallback('此 Office 不支持对话框 DialogApi 1.1');
    // displayInIframe: on Excel on the web the dialog is an in-page frame rather than a pop-up a blocker may stop.
    office.context.ui.displayDialogAsync(noticeUrl(pageHref, notice), { height: 35, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) return fallback(`对话框未能打开：${result.error?.message ?? result.error?.code}`);
      const dialog = result.value;
      // The notice page's 关闭 button sends a message; the window's × raises DialogEventReceived (12006).
      dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
    });
  });
}
