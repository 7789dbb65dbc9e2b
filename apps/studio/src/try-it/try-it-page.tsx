import type { RunDetailDto } from '@tandem/api-contract';
import { useEffect, useState } from 'react';
import { contactName, intakeApi } from '../api/intake.api';
import { formatDuration } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';
import { Link } from '../router/link';
import { navigate } from '../router/use-hash-location';
import { toVisits } from '../runs/run-path.util';
import { ChatPanel } from './chat-panel';
import { useContactRuns, useConversation, useMessageMedia } from './use-try-it';

const WA_ID = /^\d{6,15}$/;

function RunSteps({ run }: { run: RunDetailDto }) {
  return (
    <li className="tryit-run" data-testid={`tryit-run-${run.id}`} data-status={run.status}>
      <div className="tryit-run-head">
        <StatusPill status={run.status} />
        <Link to={`/runs/${run.id}`}>
          {run.journeyName} v{run.version}
        </Link>
      </div>
      <ol className="tryit-steps">
        {toVisits(run.steps).map((v) => (
          <li key={v.position} className={`tryit-step tryit-step--${v.status}`} data-testid="tryit-step" data-node-id={v.nodeId}>
            <code>{v.nodeId}</code> {v.port ? `→ ${v.port}` : v.status === 'active' ? '…' : v.status}
            <span className="muted small"> {formatDuration(v.steps.at(-1)?.durationMs)}</span>
          </li>
        ))}
      </ol>
    </li>
  );
}

/** Number and customer pickers; the customer can be an existing contact or any new wa_id. */
function Setup({
  numberId,
  waId,
  name,
  onChange,
}: {
  numberId: string;
  waId: string;
  name: string;
  onChange(next: Record<string, string>): void;
}) {
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const contacts = useAsync(
    (signal) => (numberId ? intakeApi.contacts({ numberId, pageSize: 50 }, signal) : Promise.resolve([])),
    [numberId, waId],
  );
  const [draftWaId, setDraftWaId] = useState(waId);
  const [draftName, setDraftName] = useState(name);
  useEffect(() => setDraftWaId(waId), [waId]);
  useEffect(() => {
    if (!numberId && numbers.data?.length) onChange({ numberId: numbers.data[0].id, waId, name });
  }, [numberId, numbers.data, onChange, waId, name]);
  return (
    <section className="card tryit-setup" data-testid="tryit-setup">
      <ErrorBanner error={numbers.error} onRetry={numbers.reload} />
      <label className="form-label" htmlFor="tryit-number">
        Number
      </label>
      <select
        id="tryit-number"
        data-testid="tryit-number"
        value={numberId}
        onChange={(e) => onChange({ numberId: e.target.value, waId, name })}
      >
        <option value="">Choose…</option>
        {(numbers.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.displayPhoneNumber} ({n.mode})
          </option>
        ))}
      </select>
      <label className="form-label" htmlFor="tryit-contact">
        Existing contact
      </label>
      <select
        id="tryit-contact"
        data-testid="tryit-contact"
        value={contacts.data?.some((c) => c.waId === waId) ? waId : ''}
        onChange={(e) => {
          const c = contacts.data?.find((x) => x.waId === e.target.value);
          if (c?.waId) onChange({ numberId, waId: c.waId, name: c.profileName ?? '' });
        }}
      >
        <option value="">—</option>
        {(contacts.data ?? [])
          .filter((c) => c.waId)
          .map((c) => (
            <option key={c.id} value={c.waId ?? ''}>
              {contactName(c)}
            </option>
          ))}
      </select>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (WA_ID.test(draftWaId)) onChange({ numberId, waId: draftWaId, name: draftName.trim() });
        }}
      >
        <label className="form-label" htmlFor="tryit-waid">
          …or a customer phone (wa_id, digits)
        </label>
        <input
          id="tryit-waid"
          data-testid="tryit-waid"
          inputMode="numeric"
          placeholder="351910000001"
          value={draftWaId}
          onChange={(e) => setDraftWaId(e.target.value.replace(/\D/g, ''))}
        />
        <label className="form-label" htmlFor="tryit-name">
          Profile name
        </label>
        <input
          id="tryit-name"
          data-testid="tryit-name"
          placeholder="Ana"
          value={draftName}
          onChange={(e) => setDraftName(e.target.value)}
        />
        <button type="submit" className="btn" disabled={!WA_ID.test(draftWaId)} data-testid="tryit-use-customer">
          Chat as this customer
        </button>
      </form>
    </section>
  );
}

/** `#/try-it?numberId&waId&name`: play the customer and the phone app against the simulator and watch the journey's steps. */
export function TryItPage({ query }: { query: Record<string, string> }) {
  const { numberId = '', waId = '', name = '' } = query;
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const number = numbers.data?.find((n) => n.id === numberId);
  const chat = useConversation(number?.phoneNumberId, waId || undefined);
  const runs = useContactRuns(numberId || undefined, waId || undefined);
  const media = useMessageMedia(runs.contactId);
  const onChange = (next: Record<string, string>) => navigate('/try-it', next, true);
  return (
    <div className="page tryit" data-testid="try-it-page">
      <Setup numberId={numberId} waId={waId} name={name} onChange={onChange} />
      {number && waId ? (
        <>
          <div className="tryit-chat-col">
            <ErrorBanner error={chat.error} />
            <ChatPanel
              phoneNumberId={number.phoneNumberId}
              waId={waId}
              profileName={name}
              conversation={chat.conversation}
              media={media}
              onSent={() => void Promise.all([chat.reload(), runs.reload()])}
            />
          </div>
          <section className="card tryit-runs" data-testid="tryit-steps">
            <h2>Journey steps</h2>
            {runs.runs.length === 0 && (
              <p className="muted">No run for this contact yet. Send a message that matches a published journey’s trigger.</p>
            )}
            <ul className="plain-list">
              {runs.runs.map((r) => (
                <RunSteps key={r.id} run={r} />
              ))}
            </ul>
            {runs.contactId && (
              <Link to="/runs" query={{ contactId: runs.contactId }}>
                All runs of this contact
              </Link>
            )}
          </section>
        </>
      ) : (
        <Empty>Pick a number and a customer to start chatting.</Empty>
      )}
    </div>
  );
}
