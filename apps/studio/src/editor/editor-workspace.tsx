import type { JourneyDetailDto, JourneyIssueDto, NodeSpecDto, VersionStatsDto } from '@tandem/api-contract';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { journeysApi } from '../api/journeys.api';
import { useCan } from '../auth/use-can';
import { formatCount } from '../common/format.util';
import { usePolling } from '../common/use-polling';
import { ErrorBanner } from '../common/ui';
import type { XY } from './document/document-ops.util';
import { templateFallbackFix } from './document/issues.util';
import { indexSpecs } from './document/ports.util';
import { EditorDialogs, type EditorDialog } from './editor-dialogs';
import { EditorToolbar } from './editor-toolbar';
import { EditorCanvas } from './flow/editor-canvas';
import { FIT_OPTIONS } from './flow/use-initial-fit';
import { exportFileName, parseImportedDocument, serializeDocument } from './io/import-export.util';
import { Palette } from './palette/palette';
import { SidePanel } from './side-panel';
import { runTotals } from './stats/stats.util';
import { addNodeFromSpec } from './store/editor-actions';
import { useEditorStoreApi } from './store/editor-store.context';
import { useDraftAutosave } from './use-draft-autosave';
import { useEditorCommands } from './use-editor-commands';

interface WorkspaceProps {
  journey: JourneyDetailDto;
  catalogue: NodeSpecDto[];
  onRefreshCatalogue(): void;
  onJourneyChanged(): Promise<void>;
  /** The server replaced the draft (rollback): reload it into a fresh editor. */
  onDraftReplaced(): Promise<void>;
}

/** Stats of the live version for the counts overlay, refreshed while shown. */
function useVersionStats(journeyId: string, version: number | null, enabled: boolean): VersionStatsDto | null {
  const [stats, setStats] = useState<VersionStatsDto | null>(null);
  const load = useCallback(async () => {
    if (version) setStats(await journeysApi.stats(journeyId, version).catch(() => null));
  }, [journeyId, version]);
  useEffect(() => {
    if (enabled) void load();
    else setStats(null);
  }, [enabled, load]);
  usePolling(load, 5000, enabled && version !== null);
  return stats;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function StatsBanner({ stats }: { stats: VersionStatsDto }) {
  const totals = runTotals(stats);
  return (
    <div className="stats-banner" data-testid="stats-banner">
      v{stats.version}: {formatCount(totals.total)} runs —{' '}
      {totals.byStatus.map(([status, n]) => `${formatCount(n)} ${status.replace('_', ' ')}`).join(' · ') || 'none yet'}
    </div>
  );
}

/** The editor for one journey: palette, canvas, side panel, toolbar, autosave, shortcuts, dialogs. */
export function EditorWorkspace({ journey, catalogue, onRefreshCatalogue, onJourneyChanged, onDraftReplaced }: WorkspaceProps) {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const specs = useMemo(() => indexSpecs(catalogue), [catalogue]);
  const pointer = useRef<XY | null>(null);
  const [statsOn, setStatsOn] = useState(false);
  const [dialog, setDialog] = useState<EditorDialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const stats = useVersionStats(journey.id, journey.liveVersion, statsOn);
  const flush = useDraftAutosave(journey.id);
  const run = useEditorCommands(specs, pointer, flush);
  const readOnly = !useCan('journeys.write');

  const act = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
      await onJourneyChanged();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    }
  };
  const onFix = useCallback((issue: JourneyIssueDto) => {
    const fix = templateFallbackFix(issue);
    if (fix) setDialog({ kind: 'template-fallback', nodeId: fix.nodeId });
  }, []);
  const onImportFile = async (file: File) => {
    const result = parseImportedDocument(await file.text());
    if (!result.ok) return setDialog({ kind: 'import-errors', errors: result.errors });
    store.getState().commit(() => result.document, { select: [] });
    setTimeout(() => void flow.fitView({ ...FIT_OPTIONS, duration: 300 }), 50);
  };
  const addAtCentre = (spec: NodeSpecDto) => {
    const box = document.querySelector('[data-testid="editor-canvas"]')?.getBoundingClientRect();
    addNodeFromSpec(
      store,
      spec,
      box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 },
    );
  };
  const onRollback = async (version: number) => {
    await flush();
    await journeysApi.rollback(journey.id, version);
    await onDraftReplaced();
  };

  return (
    <div className="editor" data-testid="editor">
      <EditorToolbar
        journey={journey}
        statsOn={statsOn}
        run={run}
        onRename={(name) => void act(() => journeysApi.rename(journey.id, name))}
        onToggleStats={() => setStatsOn((v) => !v)}
        onExport={() => download(exportFileName(journey.name), serializeDocument(store.getState().history.present))}
        onImportFile={(f) => void onImportFile(f)}
        onPublish={() => setDialog({ kind: 'publish' })}
        onTestRun={() => setDialog({ kind: 'test-run' })}
        onStatus={(action) => void act(() => journeysApi.setStatus(journey.id, action))}
      />
      <ErrorBanner error={actionError} />
      {readOnly && (
        <div className="banner banner--warning" data-testid="editor-read-only">
          Read only: your role in this workspace cannot edit journeys.
        </div>
      )}
      {stats && <StatsBanner stats={stats} />}
      <div className="editor-body">
        {!readOnly && <Palette specs={catalogue} onAdd={addAtCentre} onRefresh={onRefreshCatalogue} />}
        <EditorCanvas specs={specs} stats={stats?.nodes ?? null} pointer={pointer} />
        <SidePanel specs={specs} journeyId={journey.id} liveVersion={journey.liveVersion} onFix={onFix} onRollback={onRollback} />
      </div>
      <EditorDialogs
        dialog={dialog}
        journeyId={journey.id}
        liveVersion={journey.liveVersion}
        specs={specs}
        flush={flush}
        onFix={onFix}
        onPublished={() => {
          setDialog(null);
          void onJourneyChanged();
        }}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
