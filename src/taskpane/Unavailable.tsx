import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Unavailable as Reason, unavailableMessage } from '../excel/requirements';

/** Shown instead of the pane when Office.js, Excel or a requirement set is missing: says what is needed, never blank. */
export function Unavailable({ reason }: { reason: Reason }) {
  const { title, body } = unavailableMessage(reason);
  return (
    <MessageBar intent={reason.kind === 'not-excel' ? 'warning' : 'error'} layout="multiline" style={{ margin: 12, userSelect: 'text' }} data-unavailable={reason.kind}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {body.map((p) => (
          <p key={p} style={{ margin: '6px 0 0' }}>
            {p}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
