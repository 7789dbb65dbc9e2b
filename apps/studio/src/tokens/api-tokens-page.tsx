import { ROLES, type ApiTokenDto, type Role } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { apiTokensApi } from '../api/api-tokens.api';
import { CopyField } from '../common/copy-field';
import { formatAgo, formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';
import { apiTokenState, expiresInDays } from './api-token.util';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function CreateTokenForm({ onCreated }: { onCreated(token: ApiTokenDto & { token: string }): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const days = expiresInDays(expiry);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (days === null) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await apiTokensApi.create({ name: name.trim(), role, expiresInDays: days }));
      setName('');
      setExpiry('');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="token-form">
      <h2>Create a token</h2>
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="token-name">
        Name <span className="form-required">*</span>
      </label>
      <input id="token-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} data-testid="token-name" />
      <label className="form-label" htmlFor="token-role">
        Role
      </label>
      <select id="token-role" value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="token-role">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label className="form-label" htmlFor="token-expiry">
        Expires after (days; empty = until revoked)
      </label>
      <input id="token-expiry" inputMode="numeric" value={expiry} onChange={(e) => setExpiry(e.target.value)} data-testid="token-expiry" />
      {days === null && <div className="form-error">A whole number of days from 1 to 3650</div>}
      <div className="button-row">
        <button type="submit" className="btn btn--primary" disabled={busy || !name.trim() || days === null} data-testid="token-create">
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </div>
    </form>
  );
}

/** `#/api-tokens`: tokens for automation, each with a role; shown once, listed by prefix, revocable. */
export function ApiTokensPage() {
  const tokens = useAsync((signal) => apiTokensApi.list(signal), []);
  const [created, setCreated] = useState<(ApiTokenDto & { token: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revoke = async (token: ApiTokenDto) => {
    if (!window.confirm(`Revoke "${token.name}"? Whatever uses it stops working at once.`)) return;
    setError(null);
    try {
      await apiTokensApi.revoke(token.id);
    } catch (e) {
      setError(message(e));
    }
    await tokens.reload();
  };
  return (
    <div className="page page--split" data-testid="api-tokens-page">
      <section className="card">
        <h2>API tokens</h2>
        <ErrorBanner error={error ?? tokens.error} onRetry={error ? undefined : tokens.reload} />
        {created && (
          <div className="banner banner--warning" data-testid="token-created">
            <div>
              <strong>Copy the token “{created.name}” now: it is not shown again.</strong> Send it as <code>Authorization: Bearer …</code>.
              <CopyField value={created.token} label="API token" testId="token-secret" />
            </div>
          </div>
        )}
        {tokens.data?.length === 0 && <Empty>No API token yet.</Empty>}
        <table className="table" data-testid="token-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Prefix</th>
              <th>Last used</th>
              <th>Expires</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(tokens.data ?? []).map((t) => {
              const state = apiTokenState(t);
              return (
                <tr key={t.id} data-testid={`token-row-${t.id}`}>
                  <td>
                    <div>{t.name}</div>
                    <div className="muted small">
                      {t.createdBy ? `by ${t.createdBy}, ` : ''}
                      {formatAgo(t.createdAt)}
                    </div>
                  </td>
                  <td>{t.role}</td>
                  <td className="mono">{t.prefix}…</td>
                  <td>{formatAgo(t.lastUsedAt)}</td>
                  <td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'never'}</td>
                  <td>
                    <StatusPill status={state} testId="token-state" />
                  </td>
                  <td>
                    {state !== 'revoked' && (
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        onClick={() => void revoke(t)}
                        data-testid="token-revoke"
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token);
          void tokens.reload();
        }}
      />
    </div>
  );
}
