import { useState } from 'react';
import { journeysApi } from '../../api/journeys.api';
import { useCan } from '../../auth/use-can';
import { formatDateTime } from '../../common/format.util';
import { useAsync } from '../../common/use-async';
import { ErrorBanner } from '../../common/ui';
import { useEditorStoreApi } from '../store/editor-store.context';

interface VersionsPanelProps {
  journeyId: string;
  liveVersion: number | null;
  /** Publishes `version` again; the api also makes it the draft, so the editor reloads. */
  onRollback(version: number): Promise<void>;
}

/** Published versions, newest first: roll back (publishes that version again) or copy one into the draft. */
export function VersionsPanel({ journeyId, liveVersion, onRollback }: VersionsPanelProps) {
  const store = useEditorStoreApi();
  const canPublish = useCan('journeys.publish');
  const canEdit = useCan('journeys.write');
  const versions = useAsync(() => journeysApi.versions(journeyId), [journeyId, liveVersion]);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (version: number, action: () => Promise<void>) => {
    setBusy(version);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const rollback = (version: number) =>
    act(version, async () => {
      if (!window.confirm(`Roll back to v${version}? Its document is published as a new live version and replaces the draft.`)) return;
      await onRollback(version);
    });
  const copyToDraft = (version: number) =>
    act(version, async () => {
      const detail = await journeysApi.version(journeyId, version);
      store.getState().commit(() => detail.document);
    });

  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <div className="panel-section" data-testid="versions-panel">
      <ErrorBanner error={error ?? versions.error} onRetry={versions.error ? versions.reload : undefined} />
      {versions.loading && !versions.data && <p className="muted">Loading versions…</p>}
      {versions.data && list.length === 0 && <p className="muted">Not published yet.</p>}
      <ul className="version-list">
        {list.map((v) => (
          <li key={v.version} className="version" data-testid={`version-${v.version}`}>
            <div className="version-head">
              <strong>v{v.version}</strong>
              {v.isLive && <span className="pill pill--active">live</span>}
              <span className="muted small">{formatDateTime(v.publishedAt)}</span>
            </div>
            {v.publishedBy && <div className="muted small">by {v.publishedBy}</div>}
            {v.notes && <div className="version-notes">{v.notes}</div>}
            <div className="button-row">
              <button
                type="button"
                className="btn btn--small"
                disabled={busy !== null || !canEdit}
                onClick={() => copyToDraft(v.version)}
                title="Replace the draft with this version (undoable)"
              >
                Copy to draft
              </button>
              {canPublish && !v.isLive && (
                <button
                  type="button"
                  className="btn btn--small"
                  data-testid={`rollback-${v.version}`}
                  disabled={busy !== null}
                  onClick={() => rollback(v.version)}
                >
                  Roll back to v{v.version}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
