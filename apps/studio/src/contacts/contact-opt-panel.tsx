import type { OptHistoryDto, OptInRequest } from '@tandem/api-contract';
import { useState } from 'react';
import { contactsApi } from '../api/contacts.api';
import { useCan } from '../auth/use-can';
import { formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { ErrorBanner } from '../common/ui';
import { describeOptEvent } from './opt-history.util';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A contact's opt state (opt-out, marketing stop, Meta's hold) and history; admins undo, agents opt out on request. */
export function ContactOptPanel({ contactId }: { contactId: string }) {
  const history = useAsync((signal) => contactsApi.optHistory(contactId, signal), [contactId]);
  const canUndo = useCan('contacts.optout.undo');
  const canOptOut = useCan('conversations.write');
  const [error, setError] = useState<string | null>(null);

  const act = async (run: (reason: string) => Promise<OptHistoryDto>, question: string) => {
    const reason = window.prompt(question);
    if (!reason?.trim()) return;
    setError(null);
    try {
      history.setData(await run(reason.trim()));
    } catch (err) {
      setError(message(err));
    }
  };
  const undo = (scope: OptInRequest['scope']) =>
    act((reason) => contactsApi.optIn(contactId, { scope, reason }), 'Why is this undone? (kept on the history and in the audit log)');
  const h = history.data;
  return (
    <section className="card" data-testid="contact-opt-panel">
      <h2>Opt-out</h2>
      <ErrorBanner error={error ?? history.error} onRetry={error ? undefined : history.reload} />
      {h && (
        <ul className="plain-list" data-testid="contact-opt-state">
          <li>
            {h.optedOut ? 'Opted out of every message' : 'Receives messages'}
            {h.optedOut && canUndo && (
              <button type="button" className="btn btn--small" onClick={() => void undo('all')} data-testid="opt-undo-all">
                Undo opt-out
              </button>
            )}
            {!h.optedOut && canOptOut && (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => void act((reason) => contactsApi.optOut(contactId, { scope: 'all', reason }), 'Why? (e.g. asked by phone)')}
                data-testid="opt-out"
              >
                Opt out on request
              </button>
            )}
          </li>
          {h.marketingOptedOut && (
            <li>
              Stopped marketing messages
              {canUndo && (
                <button type="button" className="btn btn--small" onClick={() => void undo('marketing')} data-testid="opt-undo-marketing">
                  Undo
                </button>
              )}
            </li>
          )}
          {h.marketingHeldUntil && new Date(h.marketingHeldUntil) > new Date() && (
            <li data-testid="contact-held">
              Held by Meta’s marketing limit until {formatDateTime(h.marketingHeldUntil)}
              {canUndo && (
                <button type="button" className="btn btn--small" onClick={() => void undo('hold')} data-testid="opt-undo-hold">
                  End the hold
                </button>
              )}
            </li>
          )}
        </ul>
      )}
      <h3 className="panel-subtitle">History</h3>
      <table className="table" data-testid="contact-opt-history">
        <tbody>
          {(h?.items ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{describeOptEvent(e)}</td>
              <td className="muted small">{e.actor?.name ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
