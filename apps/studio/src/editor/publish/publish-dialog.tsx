import { journeyIssueSchema, type JourneyDiffDto, type JourneyIssueDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { useEffect, useState } from 'react';
import { journeysApi } from '../../api/journeys.api';
import { ApiError } from '../../api/http-client';
import { Dialog, ErrorBanner } from '../../common/ui';
import { IssueList } from '../panels/issue-list';
import { useEditorStore } from '../store/editor-store.context';
import { diffRows, isEmptyDiff, type DiffRow } from './publish-diff.util';

interface PublishDialogProps {
  journeyId: string;
  liveVersion: number | null;
  /** Saves pending edits so the diff and the publish see the current draft. */
  flush(): Promise<void>;
  onClose(): void;
  onPublished(version: number): void;
  onFix(issue: JourneyIssueDto): void;
}

interface Loaded {
  rows: DiffRow[];
  empty: boolean;
  diff: JourneyDiffDto;
}

function DiffTable({ loaded }: { loaded: Loaded }) {
  if (loaded.empty) return <p className="muted">No changes against the live version.</p>;
  return (
    <ul className="diff-list" data-testid="publish-diff">
      {loaded.rows.map((row) => (
        <li
          key={`${row.kind}-${row.id}-${row.change}`}
          className={`diff diff--${row.change}`}
          data-testid={`diff-${row.kind}-${row.change}-${row.id}`}
        >
          <span className="diff-sign">{row.change === 'added' ? '+' : row.change === 'removed' ? '−' : '~'}</span>
          <span className="diff-kind">{row.kind}</span>
          <span>{row.label}</span>
          {row.fields?.length ? <span className="muted small"> ({row.fields.join(', ')})</span> : null}
        </li>
      ))}
      {loaded.diff.triggersChanged && <li className="diff diff--changed">~ triggers changed</li>}
      {loaded.diff.settingsChanged && <li className="diff diff--changed">~ settings changed</li>}
      {loaded.diff.entryChanged && <li className="diff diff--changed">~ entry node changed</li>}
      {!loaded.diff.behaviourChanged && <li className="muted small">Only positions or labels changed: runs behave exactly as before.</li>}
    </ul>
  );
}

function refusalIssues(error: unknown): JourneyIssueDto[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const parsed = journeyIssueSchema.array().safeParse(error.issues);
  return parsed.success ? parsed.data : null;
}

/** Publish with a diff against the live version; refused while the draft has errors. */
export function PublishDialog({ journeyId, liveVersion, flush, onClose, onPublished, onFix }: PublishDialogProps) {
  const { draft, issues, saveState } = useEditorStore((s) => ({ draft: s.history.present, issues: s.issues, saveState: s.saveState }));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<JourneyIssueDto[] | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      await flush();
      const [diff, liveDoc] = await Promise.all([
        journeysApi.diff(journeyId),
        liveVersion ? journeysApi.version(journeyId, liveVersion).then((v): JourneyDocument => v.document) : Promise.resolve(null),
      ]);
      if (live) setLoaded({ rows: diffRows(diff, draft, liveDoc), empty: isEmptyDiff(diff), diff });
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // The diff is taken once, when the dialog opens (the modal blocks edits meanwhile).
  }, [flush, journeyId, liveVersion]);

  const shown = refused ?? issues;
  const errors = shown.filter((i) => i.severity === 'error');
  const warnings = shown.filter((i) => i.severity === 'warning');
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      await flush();
      const result = await journeysApi.publish(journeyId, notes.trim() || undefined);
      if (result.unchanged) setError(`Nothing to publish: the draft equals the live version v${result.version}.`);
      else onPublished(result.version);
    } catch (e) {
      const issuesFromServer = refusalIssues(e);
      if (issuesFromServer) setRefused(issuesFromServer);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={liveVersion ? `Publish — changes since v${liveVersion}` : 'Publish the first version'}
      onClose={onClose}
      testId="publish-dialog"
      wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--primary"
            data-testid="publish-confirm"
            disabled={busy || errors.length > 0 || saveState === 'error' || !loaded}
            onClick={publish}
          >
            {busy ? 'Publishing…' : errors.length ? 'Fix errors to publish' : 'Publish'}
          </button>
        </>
      }
    >
      <ErrorBanner error={error} />
      {!loaded && !error && <p className="muted">Comparing with the live version…</p>}
      {loaded && <DiffTable loaded={loaded} />}
      {errors.length > 0 && (
        <>
          <h3 className="panel-subtitle">Errors — publishing is refused until they are fixed</h3>
          <IssueList issues={errors} onFix={onFix} />
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3 className="panel-subtitle">Warnings</h3>
          <IssueList issues={warnings} onFix={onFix} />
        </>
      )}
      <label className="form-label" htmlFor="publish-notes">
        Notes (optional)
      </label>
      <textarea
        id="publish-notes"
        data-testid="publish-notes"
        rows={2}
        maxLength={500}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
    </Dialog>
  );
}
