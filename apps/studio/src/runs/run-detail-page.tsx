import type { RunDetailDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { journeysApi } from '../api/journeys.api';
import { runsApi } from '../api/runs.api';
import { useCan } from '../auth/use-can';
import { formatDateTime, formatDuration } from '../common/format.util';
import { usePolling } from '../common/use-polling';
import { ErrorBanner, JsonBlock, StatusPill } from '../common/ui';
import { indexSpecs } from '../editor/document/ports.util';
import { ReadOnlyCanvas } from '../editor/flow/read-only-canvas';
import { useCatalogue } from '../editor/palette/use-catalogue';
import { OwnershipEvents, OwnershipPanel } from '../ownership/ownership-panel';
import { Link } from '../router/link';
import { isRunFinished, runPath } from './run-path.util';
import { StepTimeline } from './step-timeline';
import { TriggerMedia } from './trigger-media';

function RunHeader({ run, onCancel }: { run: RunDetailDto; onCancel(): void }) {
  const canCancel = useCan('runs.manage');
  const end = run.endedAt ? Date.parse(run.endedAt) : Date.now();
  return (
    <header className="run-header" data-testid="run-header">
      <div className="run-title">
        <Link to="/runs" className="btn-link">
          ← Runs
        </Link>
        <StatusPill status={run.status} testId="run-status" />
        <Link to={`/journeys/${run.journeyId}`}>{run.journeyName}</Link>
        <span className="muted">v{run.version}</span>
      </div>
      <dl className="run-facts">
        <dt>Contact</dt>
        <dd>
          <Link to="/runs" query={{ contactId: run.contactId }}>
            {run.contactName ?? (run.contactWaId ? `+${run.contactWaId}` : run.contactId)}
          </Link>
        </dd>
        <dt>Trigger</dt>
        <dd>{run.triggerKind}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(run.startedAt)}</dd>
        <dt>{run.endedAt ? 'Took' : 'Running for'}</dt>
        <dd>{formatDuration(end - Date.parse(run.startedAt))}</dd>
        {run.campaignId && (
          <>
            <dt>Campaign</dt>
            <dd>
              <Link to={`/campaigns/${run.campaignId}`}>{run.campaignId.slice(0, 8)}</Link>
            </dd>
          </>
        )}
      </dl>
      <div className="button-row">
        <a className="btn" href={run.temporalUrl} target="_blank" rel="noreferrer" data-testid="temporal-link">
          Temporal history ↗
        </a>
        {canCancel && !isRunFinished(run.status) && (
          <button type="button" className="btn btn--danger" onClick={onCancel} data-testid="cancel-run">
            Cancel run
          </button>
        )}
      </div>
    </header>
  );
}

/** `#/runs/:id`: the run's pinned version with the path taken, step timeline, and live updates until it ends. */
export function RunDetailPage({ runId }: { runId: string }) {
  const [run, setRun] = useState<RunDetailDto | null>(null);
  const [doc, setDoc] = useState<JourneyDocument | null>(null);
  const [ports, setPorts] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<Error | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const specs = useMemo(() => indexSpecs(catalogue.specs ?? []), [catalogue.specs]);

  const load = useCallback(async () => {
    try {
      setRun(await runsApi.get(runId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [runId]);
  useEffect(() => {
    setRun(null);
    void load();
  }, [load]);
  usePolling(load, 2000, run !== null && !isRunFinished(run.status));

  const journeyId = run?.journeyId;
  const version = run?.version;
  useEffect(() => {
    if (!journeyId || !version) return;
    journeysApi.version(journeyId, version).then(
      (v) => {
        setDoc(v.document);
        // Config-dependent ports (one per button) come from validation, as in the editor.
        journeysApi.validate(v.document).then(
          (r) => setPorts(r.ports),
          () => undefined,
        );
      },
      (e: unknown) => setError(e instanceof Error ? e : new Error(String(e))),
    );
  }, [journeyId, version]);

  const path = useMemo(() => (run && doc ? runPath(doc, run.steps) : null), [run, doc]);
  const cancel = async () => {
    if (!window.confirm('Cancel this run? The contact leaves the journey.')) return;
    await runsApi.cancel(runId).catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
    await load();
  };
  const nodeLabel = (id: string) => doc?.nodes.find((n) => n.id === id)?.label ?? id;

  if (!run) return error ? <ErrorBanner error={error} onRetry={load} /> : <p className="muted page-pad">Loading the run…</p>;
  return (
    <div className="run-detail" data-testid="run-detail">
      <RunHeader run={run} onCancel={() => void cancel()} />
      <ErrorBanner error={error} />
      {run.error !== null && run.error !== undefined && <JsonBlock label="Run error" value={run.error} open testId="run-error" />}
      <div className="run-body">
        {doc && path ? (
          <ReadOnlyCanvas
            doc={doc}
            specs={specs}
            ports={ports}
            run={path}
            selectedNodeId={selected}
            onSelectNode={setSelected}
            testId="run-canvas"
          />
        ) : (
          <div className="canvas muted page-pad">Loading version v{run.version}…</div>
        )}
        <aside className="run-side">
          <h2>Steps</h2>
          <StepTimeline visits={path?.visits ?? []} nodeLabel={nodeLabel} selectedNodeId={selected} onSelectNode={setSelected} />
          <TriggerMedia contactId={run.contactId} triggerEvent={run.triggerEvent} />
          <JsonBlock label="Trigger event" value={run.triggerEvent} />
          <h2>Ownership changes of this run</h2>
          <OwnershipEvents events={run.ownershipEvents ?? []} testId="run-ownership-events" />
          <OwnershipPanel contactId={run.contactId} />
        </aside>
      </div>
    </div>
  );
}
