import type { AuditEntryDto } from '@tandem/api-contract';
import { useState } from 'react';
import { auditApi } from '../api/audit.api';
import { formatDateTime } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner } from '../common/ui';
import { auditQuery, describeChange, type AuditFilters } from './audit.util';

function FilterBar({ filters, onChange }: { filters: AuditFilters; onChange(next: AuditFilters): void }) {
  const actions = useAsync((signal) => auditApi.actions(signal), []);
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filter-bar" data-testid="audit-filters">
      <select
        value={filters.action ?? ''}
        onChange={(e) => set({ action: e.target.value })}
        aria-label="Action"
        data-testid="audit-filter-action"
      >
        <option value="">Any action</option>
        {(actions.data ?? []).map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <input
        key={`actor-${filters.actor ?? ''}`}
        defaultValue={filters.actor ?? ''}
        placeholder="Who (email or token name)"
        aria-label="Who"
        data-testid="audit-filter-actor"
        onBlur={(e) => set({ actor: e.target.value.trim() })}
        onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
      />
      <label className="filter-date">
        From
        <input
          type="datetime-local"
          value={filters.since ?? ''}
          onChange={(e) => set({ since: e.target.value })}
          data-testid="audit-filter-since"
        />
      </label>
      <label className="filter-date">
        Until
        <input
          type="datetime-local"
          value={filters.until ?? ''}
          onChange={(e) => set({ until: e.target.value })}
          data-testid="audit-filter-until"
        />
      </label>
    </div>
  );
}

function EntryRow({ entry }: { entry: AuditEntryDto }) {
  const changes = describeChange(entry.before, entry.after);
  return (
    <tr data-testid={`audit-entry-${entry.id}`} data-action={entry.action}>
      <td className="small">{formatDateTime(entry.at)}</td>
      <td>
        <div>{entry.actor.label}</div>
        <div className="muted small">{entry.actor.type}</div>
      </td>
      <td className="mono small">{entry.action}</td>
      <td>
        <div>{entry.target.label ?? entry.target.id ?? '—'}</div>
        <div className="muted small">{entry.target.type}</div>
      </td>
      <td className="small" data-testid="audit-change">
        {changes.length ? changes.map((line) => <div key={line}>{line}</div>) : <span className="muted">—</span>}
      </td>
      <td className="muted small" title={entry.userAgent ?? undefined}>
        {entry.ip ?? '—'}
      </td>
    </tr>
  );
}

/** `#/audit`: who did what, when and from where, newest first; filters and "load more" paging. */
export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [more, setMore] = useState<{ items: AuditEntryDto[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const first = useAsync(
    (signal) => {
      setMore(null);
      return auditApi.page(auditQuery(filters), signal);
    },
    [JSON.stringify(filters)],
  );
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await auditApi.page(auditQuery(filters, nextCursor));
      setMore((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } catch (e) {
      setMoreError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <div className="page" data-testid="audit-page">
      <header className="page-header">
        <h1>Audit log</h1>
      </header>
      <FilterBar filters={filters} onChange={setFilters} />
      <ErrorBanner error={first.error ?? moreError} onRetry={first.reload} />
      {first.data && items.length === 0 && (
        <Empty>Nothing recorded{Object.values(filters).some(Boolean) ? ' for these filters' : ''}.</Empty>
      )}
      {items.length > 0 && (
        <table className="table" data-testid="audit-list">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Target</th>
              <th>Before → after</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <EntryRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <div className="button-row">
          <button type="button" className="btn" disabled={loadingMore} onClick={() => void loadMore()} data-testid="audit-load-more">
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}
