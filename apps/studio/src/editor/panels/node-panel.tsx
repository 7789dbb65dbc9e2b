import type { JourneyIssueDto } from '@tandem/api-contract';
import { useCallback, useMemo } from 'react';
import { removeElements, setEntry, updateNode } from '../document/document-ops.util';
import { issueConfigPath } from '../document/issues.util';
import type { SpecIndex } from '../document/ports.util';
import type { JsonSchema } from '../forms/json-schema.types';
import { SchemaForm } from '../forms/schema-form';
import { copySelection } from '../store/editor-actions';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store.context';
import { IssueList } from './issue-list';
import { MediaPicker } from './media-picker';

const FREE_JSON: JsonSchema = {};

/** Server issues of a node that point into its config, as form issues. */
function configIssues(issues: readonly JourneyIssueDto[], nodeId: string) {
  return issues
    .filter((i) => i.nodeId === nodeId && i.code === 'invalid-config' && i.path?.length)
    .map((i) => ({ path: issueConfigPath(i), message: i.message }));
}

function MultiSelection({ count }: { count: number }) {
  const store = useEditorStoreApi();
  return (
    <div className="panel-section" data-testid="node-panel-multi">
      <p>{count} nodes selected.</p>
      <div className="button-row">
        <button type="button" className="btn" onClick={() => copySelection(store)}>
          Copy
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={() =>
            store.getState().commit((doc) => removeElements(doc, store.getState().selectedNodeIds, store.getState().selectedEdgeIds))
          }
        >
          Delete
        </button>
      </div>
      <p className="muted">Ctrl/Cmd+C copies them with the edges between them; Ctrl/Cmd+V pastes at the pointer.</p>
    </div>
  );
}

/** Configuration of the selected node: label, entry, config form generated from its type's JSON Schema. */
export function NodePanel({ specs, onFix }: { specs: SpecIndex; onFix(issue: JourneyIssueDto): void }) {
  const store = useEditorStoreApi();
  const { selected, doc, issues } = useEditorStore((s) => ({ selected: s.selectedNodeIds, doc: s.history.present, issues: s.issues }));
  const node = selected.length === 1 ? doc.nodes.find((n) => n.id === selected[0]) : undefined;
  const nodeId = node?.id;
  const spec = node ? specs.get(node.type) : undefined;
  const nodeIssues = useMemo(() => issues.filter((i) => i.nodeId === nodeId), [issues, nodeId]);
  const serverIssues = useMemo(() => (nodeId ? configIssues(issues, nodeId) : []), [issues, nodeId]);
  const onConfig = useCallback(
    (config: unknown) => {
      if (!nodeId) return;
      const next = config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
      store.getState().commit((d) => updateNode(d, nodeId, { config: next }), { coalesceKey: `config:${nodeId}` });
    },
    [store, nodeId],
  );

  if (selected.length > 1) return <MultiSelection count={selected.length} />;
  if (!node) {
    return (
      <div className="panel-section muted" data-testid="node-panel-empty">
        <p>Select a node to configure it.</p>
        <p>Drag node types from the palette onto the canvas, then connect a port (right side) to the next node (left side).</p>
      </div>
    );
  }
  const isEntry = doc.entryNodeId === node.id;
  return (
    <div className="panel-section" data-testid="node-panel">
      <div className="node-panel-head">
        <div>
          <div className="muted small">
            {spec?.label ?? 'Unknown type'} · <code>{node.type}</code>
            {spec && !spec.source.startsWith('@tandem/') && <> · {spec.source}</>}
          </div>
          <div className="muted small">
            id <code data-testid="node-panel-id">{node.id}</code>
          </div>
        </div>
        {isEntry ? (
          <span className="badge badge--entry">entry</span>
        ) : (
          <button
            type="button"
            className="btn btn--small"
            data-testid="set-entry"
            onClick={() => store.getState().commit((d) => setEntry(d, node.id))}
          >
            Set as entry
          </button>
        )}
      </div>
      {spec?.description && <p className="muted">{spec.description}</p>}
      <label className="form-label" htmlFor="node-label">
        Label
      </label>
      <input
        id="node-label"
        data-testid="node-label"
        type="text"
        maxLength={80}
        placeholder={spec?.label ?? node.type}
        value={node.label ?? ''}
        onChange={(e) =>
          store.getState().commit((d) => updateNode(d, node.id, { label: e.target.value }), { coalesceKey: `label:${node.id}` })
        }
      />
      <IssueList issues={nodeIssues} onFix={onFix} compact />
      <h3 className="panel-subtitle">Configuration</h3>
      <SchemaForm
        key={node.id}
        schema={(spec?.configJsonSchema as JsonSchema | undefined) ?? FREE_JSON}
        value={node.config}
        onChange={onConfig}
        serverIssues={serverIssues}
        idPrefix={`node-${node.id}`}
        testId="node-config-form"
      />
      {node.type.startsWith('core.send-media@') && (
        <MediaPicker numberId={doc.settings?.numberId} config={(node.config ?? {}) as Record<string, unknown>} onChange={onConfig} />
      )}
      <div className="button-row panel-footer">
        <button
          type="button"
          className="btn btn--danger"
          data-testid="delete-node"
          onClick={() => store.getState().commit((d) => removeElements(d, [node.id], []))}
        >
          Delete node
        </button>
      </div>
    </div>
  );
}
