import type { JourneyIssueDto } from '@tandem/api-contract';
import type { SpecIndex } from './document/ports.util';
import { IssuesPanel } from './panels/issues-panel';
import { NodePanel } from './panels/node-panel';
import { SettingsPanel } from './panels/settings-panel';
import { TriggersPanel } from './panels/triggers-panel';
import { VersionsPanel } from './panels/versions-panel';
import type { EditorPanel } from './store/editor-store';
import { useEditorStore, useEditorStoreApi } from './store/editor-store.context';

interface SidePanelProps {
  specs: SpecIndex;
  journeyId: string;
  liveVersion: number | null;
  onFix(issue: JourneyIssueDto): void;
  onRollback(version: number): Promise<void>;
}

const TABS: { id: EditorPanel; label: string }[] = [
  { id: 'node', label: 'Node' },
  { id: 'triggers', label: 'Triggers' },
  { id: 'settings', label: 'Settings' },
  { id: 'issues', label: 'Issues' },
  { id: 'versions', label: 'Versions' },
];

/** Right-hand panel with tabs: node config, triggers, settings, issues, versions. */
export function SidePanel({ specs, journeyId, liveVersion, onFix, onRollback }: SidePanelProps) {
  const store = useEditorStoreApi();
  const { panel, errors, warnings, triggers } = useEditorStore((s) => ({
    panel: s.panel,
    errors: s.issues.filter((i) => i.severity === 'error').length,
    warnings: s.issues.filter((i) => i.severity === 'warning').length,
    triggers: s.history.present.triggers.length,
  }));
  return (
    <aside className="side-panel" data-testid="side-panel">
      <nav className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={panel === tab.id}
            className={`tab${panel === tab.id ? ' tab--active' : ''}`}
            data-testid={`tab-${tab.id}`}
            onClick={() => store.getState().setPanel(tab.id)}
          >
            {tab.label}
            {tab.id === 'issues' && errors > 0 && <span className="badge badge--error">{errors}</span>}
            {tab.id === 'issues' && errors === 0 && warnings > 0 && <span className="badge badge--warning">{warnings}</span>}
            {tab.id === 'triggers' && triggers === 0 && <span className="badge badge--warning">0</span>}
          </button>
        ))}
      </nav>
      <div className="side-panel-body">
        {panel === 'node' && <NodePanel specs={specs} onFix={onFix} />}
        {panel === 'triggers' && <TriggersPanel />}
        {panel === 'settings' && <SettingsPanel />}
        {panel === 'issues' && <IssuesPanel onFix={onFix} />}
        {panel === 'versions' && <VersionsPanel journeyId={journeyId} liveVersion={liveVersion} onRollback={onRollback} />}
      </div>
    </aside>
  );
}
