import { ALERT_KINDS, type AlertDeliveryDto, type AlertKindDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { alertEndpointsApi } from '../api/alert-endpoints.api';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The delivery log of one endpoint. */
function Deliveries({ items }: { items: AlertDeliveryDto[] }) {
  if (items.length === 0) return <p className="muted">No alert posted yet.</p>;
  return (
    <table className="table" data-testid="alert-deliveries">
      <tbody>
        {items.map((d) => (
          <tr key={d.id}>
            <td>{d.alertTitle}</td>
            <td>
              <StatusPill status={d.status} />
            </td>
            <td>
              {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
              {d.responseStatus !== null && ` · HTTP ${d.responseStatus}`}
            </td>
            <td className="muted">{d.lastError ?? (d.nextAttemptAt ? `next ${formatAgo(d.nextAttemptAt)}` : '')}</td>
            <td title={d.createdAt}>{formatAgo(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Settings → Alert webhooks (admins): signed endpoints, their secrets (shown once) and delivery logs. */
export function AlertEndpointsPage() {
  const endpoints = useAsync((signal) => alertEndpointsApi.list(signal), []);
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState<AlertKindDto[]>([]);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [log, setLog] = useState<{ id: string; items: AlertDeliveryDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      await endpoints.reload();
    } catch (err) {
      setError(message(err));
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const created = await alertEndpointsApi.create({ url, kinds });
      setSecret({ url: created.url, secret: created.secret });
      setUrl('');
      setKinds([]);
    });
  };
  return (
    <div className="page" data-testid="alert-endpoints-page">
      <h1>Alert webhooks</h1>
      <p className="muted">
        Alerts are posted to these URLs, signed with HMAC-SHA256 (<code>X-Tandem-Signature</code> over{' '}
        <code>&lt;X-Tandem-Timestamp&gt;.&lt;raw body&gt;</code>); see docs/alerts.md.
      </p>
      <ErrorBanner error={endpoints.error ?? error} />
      {secret && (
        <div className="card" data-testid="alert-endpoint-secret">
          Signing secret of {secret.url} — copy it now, it is not shown again: <code>{secret.secret}</code>
        </div>
      )}
      {endpoints.data?.length === 0 && <Empty>No alert webhook yet: alerts show only under the bell.</Empty>}
      {endpoints.data?.map((ep) => (
        <div className="card" key={ep.id} data-testid={`alert-endpoint-${ep.id}`}>
          <strong>{ep.url}</strong> {!ep.enabled && <span className="muted">(disabled)</span>}
          <div className="muted">{ep.kinds.length === 0 ? 'Every alert' : ep.kinds.join(', ')}</div>
          <div className="button-row">
            <button
              type="button"
              className="btn"
              onClick={() => void act(async () => setLog({ id: ep.id, items: await alertEndpointsApi.deliveries(ep.id) }))}
            >
              Delivery log
            </button>
            <button type="button" className="btn" onClick={() => void act(() => alertEndpointsApi.setEnabled(ep.id, !ep.enabled))}>
              {ep.enabled ? 'Disable' : 'Enable'}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void act(async () => setSecret({ url: ep.url, secret: (await alertEndpointsApi.rotate(ep.id)).secret }))}
            >
              Rotate secret
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void act(() => alertEndpointsApi.remove(ep.id))}>
              Delete
            </button>
          </div>
          {log?.id === ep.id && <Deliveries items={log.items} />}
        </div>
      ))}
      <form className="card" onSubmit={create} data-testid="alert-endpoint-form">
        <h2>Add a webhook</h2>
        <label className="form-label" htmlFor="alert-endpoint-url">
          URL
        </label>
        <input id="alert-endpoint-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="alert-endpoint-url" />
        <fieldset>
          <legend>Alerts (none ticked: every alert)</legend>
          {ALERT_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              />{' '}
              {k}
            </label>
          ))}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={!url} data-testid="alert-endpoint-add">
            Add
          </button>
        </div>
      </form>
    </div>
  );
}
