import type { NodeStatsDto } from '@tandem/api-contract';
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { MutableRefObject } from 'react';
import type { XY } from '../document/document-ops.util';
import type { SpecIndex } from '../document/ports.util';
import { useEditorStore } from '../store/editor-store.context';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow.types';
import { nodeTypes } from './journey-node';
import { useCanvasHandlers } from './use-canvas-handlers';
import { useFlowElements } from './use-flow-elements';
import { useInitialFit } from './use-initial-fit';

interface EditorCanvasProps {
  specs: SpecIndex;
  stats: Record<string, NodeStatsDto> | null;
  /** Last pointer position over the canvas, in flow coordinates (paste target). */
  pointer: MutableRefObject<XY | null>;
}

/** The editable canvas: a controlled React Flow over the store's document (fixed when read-only). */
export function EditorCanvas({ specs, stats, pointer }: EditorCanvasProps) {
  const { nodes, edges } = useFlowElements(specs, stats);
  const handlers = useCanvasHandlers(specs, pointer);
  useInitialFit();
  const readOnly = useEditorStore((s) => s.readOnly);
  return (
    <div className="canvas" data-testid="editor-canvas" onMouseMove={handlers.onMouseMove} onMouseLeave={() => (pointer.current = null)}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={handlers.onNodesChange}
        onEdgesChange={handlers.onEdgesChange}
        onNodeClick={handlers.onNodeClick}
        onConnect={handlers.onConnect}
        onDelete={handlers.onDelete}
        onDrop={handlers.onDrop}
        onDragOver={handlers.onDragOver}
        isValidConnection={(c) => c.source !== c.target}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeStrokeWidth={3} />
        <Controls />
      </ReactFlow>
    </div>
  );
}
