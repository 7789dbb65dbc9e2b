import type { JourneyIssueDto } from '@tandem/api-contract';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store.context';
import { IssueList } from './issue-list';

/** Every issue of the draft; clicking a node reference selects and centres it. */
export function IssuesPanel({ onFix }: { onFix(issue: JourneyIssueDto): void }) {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  const { issues, saveState } = useEditorStore((s) => ({ issues: s.issues, saveState: s.saveState }));
  const focusNode = (nodeId: string) => {
    store.getState().select([nodeId], []);
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <div className="panel-section" data-testid="issues-panel">
      <p className="muted">
        {issues.length === 0
          ? saveState === 'saved'
            ? 'No issues: this draft can be published.'
            : 'Checking…'
          : `${errors} error${errors === 1 ? '' : 's'} (block publishing), ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}.`}
      </p>
      <IssueList issues={issues} onFix={onFix} onSelectNode={focusNode} />
    </div>
  );
}
