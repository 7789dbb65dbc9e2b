import type { ConversationEventDto, OwnershipStateDto } from '@tandem/api-contract';
import { useState } from 'react';
import { ownershipApi } from '../api/ownership.api';
import { useCan } from '../auth/use-can';
import { formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { ErrorBanner, StatusPill } from '../common/ui';
import { actorText, eventText, ownerText, returnText, runEffectsText } from './ownership.util';

/** Ownership changes, oldest first: who, when, why, and what they did to runs. */
export function OwnershipEvents({ events, testId }: { events: ConversationEventDto[]; testId?: string }) {
  if (events.length === 0) return <p className="muted small">No ownership changes yet.</p>;
  return (
    <ol className="ownership-events" data-testid={testId}>
      {events.map((e) => (
        <li key={e.id} data-testid="ownership-event">
          <div>{eventText(e)}</div>
          <div className="muted small">
            {actorText(e.actor)} · {formatDateTime(e.at)}
            {runEffectsText(e) && ` · ${runEffectsText(e)}`}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The actions a member with `conversations.write` has, and when each makes sense. */
const ACTIONS: {
  id: string;
  label: string;
  primary?: boolean;
  shows(s: OwnershipStateDto): boolean;
  call(contactId: string): Promise<OwnershipStateDto>;
}[] = [
  { id: 'take', label: 'Take', shows: (s) => s.ownership !== 'human' || s.ownerKind !== 'agent', call: (id) => ownershipApi.take(id) },
  {
    id: 'give-back',
    label: 'Give back to the bot',
    primary: true,
    shows: (s) => s.ownership !== 'bot',
    call: (id) => ownershipApi.giveBack(id),
  },
  { id: 'close', label: 'Close', shows: (s) => s.ownership !== 'closed', call: (id) => ownershipApi.close(id) },
];

/**
 * Who holds the conversation with a contact (bot, human, closed), when it returns to the bot,
 * the take / give-back / close buttons for members with `conversations.write`, and its timeline.
 */
export function OwnershipPanel({ contactId }: { contactId: string }) {
  const canWrite = useCan('conversations.write');
  const state = useAsync((signal) => ownershipApi.state(contactId, signal), [contactId]);
  const timeline = useAsync((signal) => ownershipApi.timeline(contactId, signal), [contactId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<OwnershipStateDto>) => {
    setBusy(true);
    setError(null);
    try {
      state.setData(await action());
      await timeline.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const s = state.data;
  return (
    <section className="ownership-panel" data-testid="ownership-panel">
      <h2>Conversation</h2>
      <ErrorBanner error={state.error ?? error} />
      {s && (
        <>
          <div className="button-row">
            <StatusPill status={s.ownership} testId="ownership-state" />
            <span data-testid="ownership-owner">{ownerText(s)}</span>
          </div>
          {returnText(s, formatDateTime) && <p className="muted small">{returnText(s, formatDateTime)}</p>}
          {canWrite && (
            <div className="button-row">
              {ACTIONS.filter((a) => a.shows(s)).map((a) => (
                <button
                  key={a.id}
                  type="button"
                  className={`btn btn--small${a.primary ? ' btn--primary' : ''}`}
                  disabled={busy}
                  onClick={() => void act(() => a.call(contactId))}
                  data-testid={`ownership-${a.id}`}
                >
                  {a.label}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      <OwnershipEvents events={timeline.data ?? []} testId="ownership-timeline" />
    </section>
  );
}
