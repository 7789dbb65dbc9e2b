import { useRef, useState, type FormEvent } from 'react';
import { journeysApi } from '../api/journeys.api';
import { useCan } from '../auth/use-can';
import { formatAgo } from '../common/format.util';
import { useAsync } from '../common/use-async';
import { Empty, ErrorBanner, StatusPill } from '../common/ui';
import { parseImportedDocument } from '../editor/io/import-export.util';
import { Link } from '../router/link';
import { navigate } from '../router/use-hash-location';

/** `#/journeys`: every journey with its status and live version; create (blank or from a file), archive. */
export function JourneysPage() {
  const journeys = useAsync(() => journeysApi.list(), []);
  const [name, setName] = useState('');
  const canWrite = useCan('journeys.write');
  const canPublish = useCan('journeys.publish');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const create = async (journeyName: string, document?: Parameters<typeof journeysApi.create>[1]) => {
    setBusy(true);
    setError(null);
    try {
      const created = await journeysApi.create(journeyName, document);
      navigate(`/journeys/${created.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void create(name.trim());
  };
  const onFile = async (file: File) => {
    const result = parseImportedDocument(await file.text());
    if (!result.ok) return setError(`Cannot import ${file.name}: ${result.errors.join('; ')}`);
    await create(file.name.replace(/(\.journey)?\.json$/i, '') || 'Imported journey', result.document);
  };
  const archive = async (id: string, journeyName: string) => {
    if (!window.confirm(`Archive “${journeyName}”? It stops starting new runs.`)) return;
    await journeysApi.setStatus(id, 'archive').catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    await journeys.reload();
  };

  const list = (journeys.data ?? []).filter((j) => showArchived || j.status !== 'archived');
  return (
    <div className="page" data-testid="journeys-page">
      <header className="page-header">
        <h1>Journeys</h1>
        {canWrite && (
          <form className="inline-form" onSubmit={onSubmit}>
            <input
              placeholder="New journey name"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
              data-testid="new-journey-name"
              aria-label="New journey name"
            />
            <button type="submit" className="btn btn--primary" disabled={busy || !name.trim()} data-testid="create-journey">
              Create
            </button>
            <button type="button" className="btn" onClick={() => fileInput.current?.click()} data-testid="import-journey">
              Import…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              onChange={(e) => e.target.files?.[0] && void onFile(e.target.files[0])}
            />
          </form>
        )}
      </header>
      <ErrorBanner error={error ?? journeys.error} onRetry={journeys.error ? journeys.reload : undefined} />
      <label className="toggle">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
      </label>
      {journeys.data && list.length === 0 && <Empty>No journeys yet. Name one above to start drawing.</Empty>}
      {list.length > 0 && (
        <table className="table" data-testid="journey-list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Live</th>
              <th>Active runs</th>
              <th>Updated</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((j) => (
              <tr key={j.id} data-testid={`journey-row-${j.id}`}>
                <td>
                  <Link to={`/journeys/${j.id}`}>{j.name}</Link>
                  {(j.templateWarnings ?? []).map((w) => (
                    <span
                      key={`${w.name}|${w.language}`}
                      className="badge badge--warning"
                      data-testid={`journey-template-warning-${j.id}`}
                      title={`Sends of this template take the node's failed port until Meta approves it again${w.reason ? ` (${w.reason})` : ''}.`}
                    >
                      ⚠ {w.name} ({w.language}) {w.status.toLowerCase()}
                    </span>
                  ))}
                </td>
                <td>
                  <StatusPill status={j.status} />
                </td>
                <td>{j.liveVersion ? `v${j.liveVersion}` : '—'}</td>
                <td>{j.runsActive ?? '—'}</td>
                <td title={j.updatedAt}>{formatAgo(j.updatedAt)}</td>
                <td className="row-actions">
                  <Link to="/runs" query={{ journeyId: j.id }}>
                    Runs
                  </Link>
                  {canPublish && j.status !== 'archived' && (
                    <button type="button" className="btn-link" onClick={() => void archive(j.id, j.name)}>
                      Archive
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
