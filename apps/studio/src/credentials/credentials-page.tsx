import type { CredentialDto } from '@tandem/api-contract';
import { useState, type FormEvent } from 'react';
import { credentialsApi } from '../api/credentials.api';
import { useCan } from '../auth/use-can';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner } from '../common/ui';
import { credentialValue, type FieldRow } from './credential-form.util';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const emptyRows = (): FieldRow[] => [{ name: 'apiKey', value: '' }];

/**
 * Sets or replaces a credential. Values are typed into password fields and sent once; the
 * API never returns them, so replacing means typing every field again.
 */
function CredentialForm({ name, onName, onSaved }: { name: string; onName(name: string): void; onSaved(): void }) {
  const [rows, setRows] = useState<FieldRow[]>(emptyRows);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const built = credentialValue(name, rows);
  const setRow = (i: number, patch: Partial<FieldRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!('value' in built)) return;
    setBusy(true);
    setError(null);
    try {
      await credentialsApi.put(name, built.value);
      setRows(emptyRows());
      onSaved();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="credential-form" autoComplete="off">
      <h2>Set a credential</h2>
      <ErrorBanner error={error} />
      <label className="form-label" htmlFor="credential-name">
        Name <span className="form-required">*</span>
      </label>
      <input id="credential-name" maxLength={64} value={name} onChange={(e) => onName(e.target.value)} data-testid="credential-name" />
      {rows.map((row, i) => (
        <div className="button-row" key={i}>
          <input aria-label="Field" value={row.name} onChange={(e) => setRow(i, { name: e.target.value })} data-testid="credential-field" />
          <input
            aria-label="Value"
            type="password"
            autoComplete="new-password"
            value={row.value}
            onChange={(e) => setRow(i, { value: e.target.value })}
            data-testid="credential-value"
          />
        </div>
      ))}
      {'problem' in built && <div className="form-error">{built.problem}</div>}
      <div className="button-row">
        <button type="button" className="btn" onClick={() => setRows([...rows, { name: '', value: '' }])}>
          Add field
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy || !('value' in built)} data-testid="credential-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
      <p className="muted small">
        Nodes use it by name; an HTTP node reads a field as <code>{'{{credential.apiKey}}'}</code>. Values are encrypted and never shown
        again.
      </p>
    </form>
  );
}

/** `#/credentials`: node credentials of the workspace — names and dates only, values write-only. */
export function CredentialsPage() {
  const canManage = useCan('credentials.manage');
  const list = useAsync((signal) => (canManage ? credentialsApi.list(signal) : Promise.resolve([])), [canManage]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!canManage) return <Empty>Only developers and admins manage credentials.</Empty>;
  const remove = async (c: CredentialDto) => {
    if (!window.confirm(`Delete "${c.name}"? Nodes that use it take their error path.`)) return;
    setError(null);
    try {
      await credentialsApi.remove(c.name);
    } catch (e) {
      setError(message(e));
    }
    await list.reload();
  };
  return (
    <div className="page page--split" data-testid="credentials-page">
      <section className="card">
        <h2>Credentials</h2>
        <ErrorBanner error={error ?? list.error} onRetry={error ? undefined : list.reload} />
        {list.data?.length === 0 && <Empty>No credential yet.</Empty>}
        <table className="table" data-testid="credential-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Updated</th>
              <th>Key</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((c) => (
              <tr key={c.name} data-testid={`credential-row-${c.name}`}>
                <td className="mono">{c.name}</td>
                <td>
                  {formatAgo(c.updatedAt)}
                  {c.updatedBy ? <div className="muted small">by {c.updatedBy}</div> : null}
                </td>
                <td className="mono">{c.keyId}</td>
                <td>
                  <div className="button-row">
                    <button type="button" className="btn btn--small" onClick={() => setName(c.name)} data-testid="credential-replace">
                      Replace
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      onClick={() => void remove(c)}
                      data-testid="credential-delete"
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CredentialForm name={name} onName={setName} onSaved={() => void list.reload()} />
    </div>
  );
}
