import type { JourneyDetailDto } from '@tandem/api-contract';
import { useRef, useState } from 'react';
import { useCan } from '../auth/use-can';
import { Link } from '../router/link';
import { StatusPill } from '../common/ui';
import { useEditorStore } from './store/editor-store.context';
import type { EditorCommand } from './shortcuts.util';

interface ToolbarProps {
  journey: JourneyDetailDto;
  statsOn: boolean;
  run(command: EditorCommand): void;
  onRename(name: string): void;
  onToggleStats(): void;
  onExport(): void;
  onImportFile(file: File): void;
  onPublish(): void;
  onTestRun(): void;
  onStatus(action: 'pause' | 'resume' | 'archive'): void;
}

const SAVE_LABEL = { saved: 'Saved', dirty: 'Unsaved changes', saving: 'Saving…', error: 'Save failed' } as const;

function SaveIndicator() {
  const { saveState, saveError } = useEditorStore((s) => ({ saveState: s.saveState, saveError: s.saveError }));
  return (
    <span className={`save-state save-state--${saveState}`} data-testid="save-state" data-state={saveState} title={saveError ?? undefined}>
      {SAVE_LABEL[saveState]}
    </span>
  );
}

function JourneyName({ name, onRename, readOnly }: { name: string; onRename(name: string): void; readOnly: boolean }) {
  const [draft, setDraft] = useState(name);
  const commit = () => {
    const next = draft.trim();
    if (next && next !== name) onRename(next);
    else setDraft(name);
  };
  return (
    <input
      className="journey-name"
      data-testid="journey-name"
      aria-label="Journey name"
      value={draft}
      readOnly={readOnly}
      maxLength={120}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
    />
  );
}

/** The editor's top bar: name, status, save state, history, layout, files, stats overlay, publish. */
export function EditorToolbar(props: ToolbarProps) {
  const { journey, run } = props;
  const { canUndo, canRedo, errors } = useEditorStore((s) => ({
    canUndo: s.history.past.length > 0,
    canRedo: s.history.future.length > 0,
    errors: s.issues.filter((i) => i.severity === 'error').length,
  }));
  const fileInput = useRef<HTMLInputElement>(null);
  const canEdit = useCan('journeys.write');
  const canPublish = useCan('journeys.publish');
  const canRun = useCan('runs.manage');
  return (
    <header className="toolbar" data-testid="editor-toolbar">
      <Link to="/journeys" className="btn-link" title="All journeys">
        ← Journeys
      </Link>
      <JourneyName key={journey.name} name={journey.name} onRename={props.onRename} readOnly={!canEdit} />
      <StatusPill status={journey.status} testId="journey-status" />
      {journey.liveVersion && <span className="muted small">live v{journey.liveVersion}</span>}
      <SaveIndicator />
      <span className="toolbar-spacer" />
      {canEdit && <EditButtons run={run} canUndo={canUndo} canRedo={canRedo} onImport={() => fileInput.current?.click()} />}
      <button type="button" className="btn" data-testid="export" onClick={props.onExport}>
        Export
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) props.onImportFile(file);
          e.target.value = '';
        }}
      />
      <label className="toggle" title={journey.liveVersion ? 'Per-node counts of the live version' : 'Publish first to see counts'}>
        <input
          type="checkbox"
          data-testid="stats-toggle"
          checked={props.statsOn}
          disabled={!journey.liveVersion}
          onChange={props.onToggleStats}
        />
        Counts
      </label>
      {canRun && journey.liveVersion && (
        <button
          type="button"
          className="btn"
          data-testid="test-run"
          onClick={props.onTestRun}
          title="Start a run of the live version for one contact"
        >
          Test run
        </button>
      )}
      {canPublish && <PublishButtons journey={journey} errors={errors} onPublish={props.onPublish} onStatus={props.onStatus} />}
    </header>
  );
}

/** Undo, redo, layout and import: editing the draft (journeys.write). */
function EditButtons(props: { run(command: EditorCommand): void; canUndo: boolean; canRedo: boolean; onImport(): void }) {
  const { run } = props;
  return (
    <>
      <button
        type="button"
        className="btn-icon"
        title="Undo (Ctrl/Cmd+Z)"
        data-testid="undo"
        disabled={!props.canUndo}
        onClick={() => run('undo')}
      >
        ↶
      </button>
      <button
        type="button"
        className="btn-icon"
        title="Redo (Ctrl/Cmd+Shift+Z)"
        data-testid="redo"
        disabled={!props.canRedo}
        onClick={() => run('redo')}
      >
        ↷
      </button>
      <button type="button" className="btn" title="Auto-layout (L)" data-testid="layout" onClick={() => run('layout')}>
        Layout
      </button>
      <button type="button" className="btn" data-testid="import" onClick={props.onImport}>
        Import
      </button>
    </>
  );
}

/** Pause, resume and publish: changing what runs live (journeys.publish). */
function PublishButtons({
  journey,
  errors,
  onPublish,
  onStatus,
}: Pick<ToolbarProps, 'journey' | 'onPublish' | 'onStatus'> & { errors: number }) {
  return (
    <>
      {journey.status === 'active' && (
        <button type="button" className="btn" data-testid="pause-journey" onClick={() => onStatus('pause')}>
          Pause
        </button>
      )}
      {journey.status === 'paused' && (
        <button type="button" className="btn" data-testid="resume-journey" onClick={() => onStatus('resume')}>
          Resume
        </button>
      )}
      <button
        type="button"
        className="btn btn--primary"
        data-testid="publish-button"
        onClick={onPublish}
        title={errors ? `${errors} error(s) must be fixed first` : undefined}
      >
        Publish{errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}
      </button>
    </>
  );
}
