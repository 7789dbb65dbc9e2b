import { useState } from 'react';
import type { NumberDto } from '../api/intake.api';
import { numbersConnectApi } from '../api/numbers-connect.api';
import { formatDateTime } from '../common/format.util';
import { ProgressBar } from '../common/ui';
import { historySyncView } from './number-health.util';
import { timeLeft } from './embedded-signup.util';

/**
 * The coexistence sync of a number: until Tandem asked Meta for the contacts and history, the
 * 24-hour deadline (a missed window is history lost for good) and a button to ask; then the
 * import's progress bar (phase, chunks, progress) until complete or declined.
 */
export function SyncStatus({ number, canManage, onChanged }: { number: NumberDto; canManage: boolean; onChanged(n: NumberDto): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = number.syncRequest;
  const history = historySyncView(number.historySync);
  const chunks = number.historySync.chunks?.length ?? 0;
  const ask = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await numbersConnectApi.requestSync(number.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="sync-status" data-testid="sync-status">
      {request?.state === 'open' && request.deadline && (
        <p className="small text-warn" data-testid="sync-deadline">
          Request the contacts and chat history by {formatDateTime(request.deadline)} ({timeLeft(request.deadline) ?? 'now'} left) — Meta
          allows it only within 24 hours of connecting.
        </p>
      )}
      {request?.state === 'window_closed' && (
        <p className="small muted" data-testid="sync-deadline">
          The 24-hour sync window closed {formatDateTime(request.deadline)}: earlier chats and contacts can no longer be imported.
        </p>
      )}
      {request?.state === 'requested' && (
        <p className="small muted" data-testid="sync-requested">
          Contacts and history requested {formatDateTime(request.historyRequestedAt)} (the 24-hour window closes{' '}
          {formatDateTime(request.deadline)}).
        </p>
      )}
      {(request?.error || error) && (
        <p className="small text-warn" role="alert" data-testid="sync-error">
          {error ?? request?.error}
        </p>
      )}
      {canManage && request?.state === 'open' && (
        <button type="button" className="btn btn--small" disabled={busy} onClick={() => void ask()} data-testid="sync-request">
          {busy ? 'Requesting…' : 'Request contacts and history'}
        </button>
      )}
      <div className="small" data-testid="history-sync-label">
        {history.label}
        {number.historySync.status === 'in_progress' && chunks > 0 ? ` · ${chunks} chunk${chunks === 1 ? '' : 's'} imported` : ''}
      </div>
      {history.percent !== null && <ProgressBar value={history.percent} max={100} testId="number-history-sync" />}
    </section>
  );
}
