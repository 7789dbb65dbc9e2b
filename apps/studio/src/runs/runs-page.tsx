import type { RunStatus } from '@tandem/api-contract';
import { runStatusSchema } from '@tandem/api-contract';
import { useMemo, useState } from 'react';
import { journeysApi } from '../api/journeys.api';
import { formatAgo, formatDuration } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';
import { isoToLocalInput, localInputToIso } from '../editor/forms/date-input.util';
import { navigate } from '../router/use-hash-location';
import { filtersFromQuery, hasFilters, type RunFilters } from './run-filters.util';
import { useRunList } from './use-run-list';

function FilterBar({ filters, onChange }: { filters: RunFilters; onChange(next: RunFilters): void }) {
  const journeys = useAsync(() => journeysApi.list(), []);
  const set = (patch: Partial<RunFilters>) => onChange({ ...filters, ...patch });
  const text = (key: 'contactId' | 'wamid' | 'errorCode' | 'version', placeholder: string) => (
    <input
      key={`${key}-${filters[key] ?? ''}`}
      defaultValue={filters[key] ?? ''}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={`filter-${key}`}
      onBlur={(e) => set({ [key]: e.target.value.trim() || undefined })}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
  return (
    <div className="filter-bar" data-testid="run-filters">
      <select
        value={filters.status ?? ''}
        onChange={(e) => set({ status: (e.target.value || undefined) as RunStatus | undefined })}
        data-testid="filter-status"
        aria-label="Status"
      >
        <option value="">Any status</option>
        {runStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {s.replace('_', ' ')}
          </option>
        ))}
      </select>
      <select
        value={filters.journeyId ?? ''}
        onChange={(e) => set({ journeyId: e.target.value || undefined, version: undefined })}
        data-testid="filter-journey"
        aria-label="Journey"
      >
        <option value="">Any journey</option>
        {(journeys.data ?? []).map((j) => (
          <option key={j.id} value={j.id}>
            {j.name}
          </option>
        ))}
      </select>
      {text('version', 'Version')}
      {text('contactId', 'Contact id')}
      {text('wamid', 'wamid')}
      {text('errorCode', 'Error code')}
      <label className="filter-date">
        From
        <input
          type="datetime-local"
          value={isoToLocalInput(filters.from)}
          onChange={(e) => set({ from: localInputToIso(e.target.value) })}
          data-testid="filter-from"
        />
      </label>
      <label className="filter-date">
        To
        <input
          type="datetime-local"
          value={isoToLocalInput(filters.to)}
          onChange={(e) => set({ to: localInputToIso(e.target.value) })}
          data-testid="filter-to"
        />
      </label>
      {hasFilters(filters) && (
        <button type="button" className="btn-link" onClick={() => onChange({})} data-testid="filter-clear">
          Clear
        </button>
      )}
    </div>
  );
}

function duration(startedAt: string, endedAt: string | null): string {
  const end = endedAt ? Date.parse(endedAt) : Date.now();
  return formatDuration(end - Date.parse(startedAt));
}

/** `#/runs`: executions with filters (kept in the URL) and cursor paging; the first page refreshes live. */
export function RunsPage({ query }: { query: Record<string, string> }) {
  const filters = useMemo(() => filtersFromQuery(query), [query]);
  const [live, setLive] = useState(true);
  const runs = useRunList(filters, live);
  const onChange = (next: RunFilters) => navigate('/runs', { ...next }, true);
  return (
    <div className="page" data-testid="runs-page">
      <header className="page-header">
        <h1>Runs</h1>
        {runs.total !== null && (
          <span className="muted" data-testid="runs-total">
            {runs.items.length} of {runs.total}
          </span>
        )}
        <label className="toggle">
          <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} data-testid="runs-live" /> Live
        </label>
      </header>
      <FilterBar filters={filters} onChange={onChange} />
      <ErrorBanner error={runs.error} onRetry={runs.reload} />
      {!runs.loading && runs.items.length === 0 && !runs.error && (
        <Empty>No runs {hasFilters(filters) ? 'match these filters' : 'yet'}.</Empty>
      )}
      {runs.items.length > 0 && (
        <table className="table table--clickable" data-testid="run-list">
          <thead>
            <tr>
              <th>Status</th>
              <th>Journey</th>
              <th>Contact</th>
              <th>Trigger</th>
              <th>At node</th>
              <th>Started</th>
              <th>Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.items.map((r) => (
              <tr key={r.id} data-testid={`run-row-${r.id}`} data-status={r.status} onClick={() => navigate(`/runs/${r.id}`)}>
                <td>
                  <StatusPill status={r.status} />
                </td>
                <td>
                  {r.journeyName} <span className="muted">v{r.version}</span>
                </td>
                <td>{r.contactName ?? (r.contactWaId ? `+${r.contactWaId}` : r.contactId.slice(0, 8))}</td>
                <td>{r.triggerKind}</td>
                <td>
                  <code>{r.currentNodeId ?? '—'}</code>
                </td>
                <td title={r.startedAt}>{formatAgo(r.startedAt)}</td>
                <td>{duration(r.startedAt, r.endedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {runs.nextCursor && (
        <button
          type="button"
          className="btn load-more"
          disabled={runs.loading}
          onClick={() => void runs.loadMore()}
          data-testid="runs-load-more"
        >
          {runs.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
