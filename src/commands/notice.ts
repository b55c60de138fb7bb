/**
 * The ribbon commands' notice dialog: shows the title and text passed in the query string (docs:
 * develop/dialog-api-in-office-add-ins, "pass information to the dialog box") as plain text, and tells the command
 * when the user closes it so the command can complete.
 */
import { readNotice } from './notice-url';

const notice = readNotice(window.location.search);
document.title = `决算助手：${notice.title}`;
document.getElementById('title')!.textContent = notice.title;
const text = document.getElementById('text')!;
for (const line of notice.text.split('\n')) {
  const p = document.createElement('p');
  p.style.margin = '0 0 4px';
  p.textContent = line;
  text.appendChild(p);
}

const close = document.getElementById('close') as HTMLButtonElement;
close.focus();
close.addEventListener('click', () => {
  // Closing with the window's own × works too: the command sees DialogEventReceived then.
  if (typeof Office !== 'undefined') void Office.onReady(() => Office.context.ui.messageParent('close'));
});
