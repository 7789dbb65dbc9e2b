import type { NodeStatsDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { SpecIndex } from '../document/ports.util';
import { toFlowEdges, toFlowNodes, type FlowContext, type Size } from './document-flow.util';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow.types';
import { nodeTypes } from './journey-node';
import { useInitialFit } from './use-initial-fit';

interface ReadOnlyCanvasProps {
  doc: JourneyDocument;
  specs: SpecIndex;
  ports?: Record<string, string[]>;
  run?: FlowContext['run'];
  stats?: Record<string, NodeStatsDto> | null;
  selectedNodeId?: string | null;
  onSelectNode?(nodeId: string | null): void;
  testId?: string;
}

function Canvas({ doc, specs, ports = {}, run, stats, selectedNodeId, onSelectNode, testId }: ReadOnlyCanvasProps) {
  const [measured, setMeasured] = useState<Record<string, Size>>({});
  useInitialFit();
  const nodes = useMemo(
    () =>
      toFlowNodes(doc, {
        specs,
        ports,
        issues: null,
        selectedNodes: new Set(selectedNodeId ? [selectedNodeId] : []),
        selectedEdges: new Set(),
        measured,
        run,
        stats,
        readOnly: true,
      }),
    [doc, specs, ports, run, stats, selectedNodeId, measured],
  );
  const edges = useMemo(() => toFlowEdges(doc, { selectedEdges: new Set(), issues: null, run }), [doc, run]);
  // Dimensions must be applied even read-only: React Flow hides nodes it has not measured.
  const onNodesChange = useCallback((changes: NodeChange<JourneyFlowNode>[]) => {
    const sizes: Record<string, Size> = {};
    for (const c of changes) if (c.type === 'dimensions' && c.dimensions) sizes[c.id] = c.dimensions;
    if (Object.keys(sizes).length) setMeasured((m) => ({ ...m, ...sizes }));
  }, []);
  return (
    <div className="canvas canvas--readonly" data-testid={testId}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => onSelectNode?.(node.id)}
        onPaneClick={() => onSelectNode?.(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

/** A journey version drawn read-only (run detail): optional run path and counts overlays. */
export function ReadOnlyCanvas(props: ReadOnlyCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
