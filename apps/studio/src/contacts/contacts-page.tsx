import type { ContactImportReportDto } from '@tandem/api-contract';
import { useState, type ChangeEvent } from 'react';
import { contactsApi } from '../api/contacts.api';
import { contactName, intakeApi } from '../api/intake.api';
import { useCan } from '../auth/use-can';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner } from '../common/ui';
import { Link } from '../router/link';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The report of an import: counts, then each bad row with its line and reason. */
function ImportReport({ report }: { report: ContactImportReportDto }) {
  return (
    <div className="card" data-testid="import-report">
      <p>
        {report.rows} rows: <strong>{report.created}</strong> new, <strong>{report.updated}</strong> updated,{' '}
        <strong>{report.rejected.length}</strong> rejected.
      </p>
      {report.rejected.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>Line</th>
              <th>Why it was not imported</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.map((r) => (
              <tr key={r.line} data-testid="import-rejected-row">
                <td className="mono">{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** `#/contacts`: the workspace's contacts, with CSV import (marketers) and export. */
export function ContactsPage() {
  const [search, setSearch] = useState('');
  const list = useAsync((signal) => contactsApi.list({ search: search.trim() || undefined }, signal), [search]);
  const canImport = useCan('contacts.write');
  const canExport = useCan('contacts.export');
  const numbers = useAsync((signal) => intakeApi.numbers(signal), []);
  const [numberId, setNumberId] = useState('');
  const [report, setReport] = useState<ContactImportReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await contactsApi.importCsv(await file.text(), numberId || numbers.data?.[0]?.id));
      await list.reload();
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };
  const exportFile = async () => {
    setError(null);
    try {
      const csv = await contactsApi.exportCsv();
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: 'contacts.csv' });
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      setError(message(err));
    }
  };

  return (
    <div className="page" data-testid="contacts-page">
      <section className="card">
        <h2>Contacts</h2>
        <div className="button-row">
          <input
            placeholder="Search name or phone"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="contacts-search"
          />
          {canImport && (numbers.data?.length ?? 0) > 1 && (
            <select
              aria-label="Import into number"
              value={numberId}
              onChange={(e) => setNumberId(e.target.value)}
              data-testid="contacts-import-number"
            >
              {numbers.data?.map((n) => (
                <option key={n.id} value={n.id}>
                  +{n.displayPhoneNumber} {n.verifiedName ?? ''}
                </option>
              ))}
            </select>
          )}
          {/* Offered once the numbers are known: with several, the import must name one. */}
          {canImport && numbers.data && (
            <label className="btn">
              {busy ? 'Importing…' : 'Import CSV'}
              <input type="file" accept=".csv,text/csv" hidden onChange={(e) => void importFile(e)} data-testid="contacts-import" />
            </label>
          )}
          {canExport && (
            <button type="button" className="btn" onClick={() => void exportFile()} data-testid="contacts-export">
              Export CSV
            </button>
          )}
        </div>
        {canImport && (
          <p className="muted small">
            CSV columns: <code>phone</code> (with country code), <code>name</code>, <code>tags</code> (a;b), any other column becomes an
            attribute. Good rows are imported; bad rows are listed with their line.
          </p>
        )}
        <ErrorBanner error={error ?? list.error} onRetry={error ? undefined : list.reload} />
        {report && <ImportReport report={report} />}
        {list.data?.items.length === 0 && <Empty>No contact.</Empty>}
        <table className="table" data-testid="contact-list">
          <thead>
            <tr>
              <th>Contact</th>
              <th>Tags</th>
              <th>Last message</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((c) => (
              <tr key={c.id} data-testid="contact-row">
                <td>
                  <Link to={`/contacts/${c.id}`}>{contactName(c)}</Link>
                  <div className="muted small mono">{c.waId ? `+${c.waId}` : c.userId}</div>
                </td>
                <td>{c.tags.join(', ')}</td>
                <td>{formatAgo(c.lastInboundAt ?? null)}</td>
                <td>{c.optedOut ? 'opted out' : c.humanOwned ? 'with a teammate' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data && list.data.total > list.data.items.length && (
          <p className="muted small">
            Showing {list.data.items.length} of {list.data.total}; search to narrow.
          </p>
        )}
      </section>
    </div>
  );
}
