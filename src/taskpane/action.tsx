import { useCallback, useState } from 'react';
import { MessageBar, MessageBarBody, ProgressBar, Text, makeStyles } from '@fluentui/react-components';
import { sticky } from './styles';
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

const useStyles = makeStyles({ feedback: { ...sticky, display: 'flex', flexDirection: 'column', gap: '6px' } });

/** Progress and messages of a tab, kept in view at the top of the scrolling panel. */
export function ActionFeedback({ busy, error, status }: { busy: string | null; error: string | null; status: string | null }) {
  const styles = useStyles();
  if (!busy && !error && !status) return null;
  return (
    <div className={styles.feedback}>
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
    </div>
  );
}
