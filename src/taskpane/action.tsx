import { useCallback, useState } from 'react';
import { MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { describeError } from '../excel/office-host';

/** Busy / error / success state of one tab's Excel actions, like the check view's. */
export function useAction() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const act = useCallback(async (label: string, fn: () => Promise<string | void>) => {
    setError(null);
    setStatus(null);
    setBusy(label);
    try {
      const done = await fn();
      if (done) setStatus(done);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, status, setError, setStatus, act };
}

export function ActionFeedback({ busy, error, status }: { busy: string | null; error: string | null; status: string | null }) {
  return (
    <>
      {busy && (
        <div role="status" aria-live="polite">
          <ProgressBar thickness="large" />
          <Text size={200}>{busy}</Text>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {status && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{status}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
