import { useState } from 'react';
import type { NumberDto } from '../api/intake.api';
import { intakeApi, syncTemplates } from '../api/intake.api';
import { useCan } from '../auth/use-can';
import { CapEditor, NameEditor } from './cap-editor';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { usePolling } from '../common/use-polling';
import { Empty, ErrorBanner, ProgressBar } from '../common/ui';
import { Link } from '../router/link';
import { AddNumberForm } from './add-number-form';
import { ConnectWizard } from './connect-wizard';
import { healthView } from './number-health.util';
import { OffboardButton } from './offboard-button';
import { SyncStatus } from './sync-status';

/** Pulls the number's templates from Meta so lints and the fallback picker know them. */
function SyncTemplatesButton({ numberId }: { numberId: string }) {
  const [state, setState] = useState<string | null>(null);
  const sync = async () => {
    setState('Syncing…');
    try {
      const r = await syncTemplates(numberId);
      setState(`${r.total} templates (${r.created} new, ${r.updated} updated, ${r.removed} removed)`);
    } catch (e) {
      setState(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <button type="button" className="btn btn--small" onClick={() => void sync()} data-testid="sync-templates">
        Sync templates
      </button>
      {state && <span className="muted small">{state}</span>}
    </>
  );
}

function NumberCard({ number, onChanged }: { number: NumberDto; onChanged(): void }) {
  const health = healthView(number);
  const rate = number.currentRatePerSec ?? null;
  const canSync = useCan('templates.write');
  const canManage = useCan('numbers.manage');
  return (
    <article className={`card number-card number-card--${health.tone}`} data-testid={`number-${number.id}`}>
      <header className="number-card-head">
        <div>
          <h2>{number.name ?? number.displayPhoneNumber}</h2>
          <div className="muted small">
            {number.name ? `+${number.displayPhoneNumber} · ` : ''}
            {number.verifiedName ?? number.phoneNumberId} · {number.mode === 'coexistence' ? 'Coexistence (app + API)' : 'Cloud API only'}
          </div>
        </div>
        <span className={`health health--${health.tone}`} data-testid="number-health">
          {health.label}
        </span>
      </header>
      {health.details.map((d) => (
        <p key={d} className={`small health-detail health-detail--${health.tone}`}>
          {d}
        </p>
      ))}
      <dl className="number-facts">
        {health.daysSincePhoneActivity !== null && (
          <>
            <dt>Phone app last active</dt>
            <dd data-testid="number-app-days" className={health.daysSincePhoneActivity >= 12 ? 'text-warn' : undefined}>
              {health.daysSincePhoneActivity} day{health.daysSincePhoneActivity === 1 ? '' : 's'} ago
            </dd>
          </>
        )}
        <dt>Send rate</dt>
        <dd data-testid="number-rate">
          {rate !== null ? `${rate.toFixed(1)} / ` : 'cap '}
          {number.throughputCap} msg/s
        </dd>
        <dt>Last webhook</dt>
        <dd className={health.silent ? 'text-warn' : undefined}>{formatAgo(number.lastWebhookAt)}</dd>
        <dt>Last customer message</dt>
        <dd>{formatAgo(number.lastInboundAt)}</dd>
      </dl>
      {rate !== null && <ProgressBar value={rate} max={number.throughputCap} tone={rate > number.throughputCap * 0.9 ? 'warn' : 'ok'} />}
      {number.mode === 'coexistence' && <SyncStatus number={number} canManage={canManage} onChanged={onChanged} />}
      <footer className="button-row">
        <Link to="/try-it" query={{ numberId: number.id }}>
          Try it
        </Link>
        {canSync && <SyncTemplatesButton numberId={number.id} />}
        {canManage && <CapEditor number={number} onChanged={onChanged} />}
        {canManage && <NameEditor number={number} onChanged={onChanged} />}
        {canManage && <OffboardButton number={number} onChanged={onChanged} />}
      </footer>
    </article>
  );
}

/** `#/numbers`: health, cap and history sync of every number; refreshes every 5 s. */
export function NumbersPage() {
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  usePolling(numbers.reload, 5000, !numbers.error);
  const canAdd = useCan('numbers.manage');
  const [adding, setAdding] = useState(false);
  const [connecting, setConnecting] = useState(false);
  return (
    <div className="page" data-testid="numbers-page">
      <header className="page-header">
        <h1>Numbers</h1>
        {canAdd && !adding && !connecting && (
          <div className="button-row">
            <button type="button" className="btn btn--primary" onClick={() => setConnecting(true)} data-testid="connect-number">
              Connect a number
            </button>
            <button type="button" className="btn" onClick={() => setAdding(true)} data-testid="add-number">
              Add by id
            </button>
          </div>
        )}
      </header>
      {canAdd && connecting && (
        <ConnectWizard
          onClose={() => {
            setConnecting(false);
            void numbers.reload();
          }}
        />
      )}
      {canAdd && adding && (
        <AddNumberForm
          onAdded={() => {
            setAdding(false);
            void numbers.reload();
          }}
        />
      )}
      <ErrorBanner error={numbers.error} onRetry={numbers.reload} />
      {numbers.data?.length === 0 && <Empty>No number is registered yet.</Empty>}
      <div className="card-grid">
        {(numbers.data ?? []).map((n) => (
          <NumberCard key={n.id} number={n} onChanged={() => void numbers.reload()} />
        ))}
      </div>
    </div>
  );
}
