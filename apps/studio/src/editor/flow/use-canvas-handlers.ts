import { useReactFlow, type Connection, type EdgeChange, type NodeChange, type OnDelete } from '@xyflow/react';
import { useMemo, type DragEvent, type MouseEvent, type MutableRefObject } from 'react';
import { connect, removeElements, type XY } from '../document/document-ops.util';
import type { SpecIndex } from '../document/ports.util';
import { PALETTE_DRAG_TYPE } from '../palette/palette.util';
import { addNodeFromSpec } from '../store/editor-actions';
import { useEditorStoreApi } from '../store/editor-store.context';
import { applySelection, edgeSelections, summarizeNodeChanges } from './flow-changes.util';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow.types';

/** Event handlers of the editable canvas: every change goes through the editor store. */
export function useCanvasHandlers(specs: SpecIndex, pointer: MutableRefObject<XY | null>) {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  return useMemo(() => {
    const onNodesChange = (changes: NodeChange<JourneyFlowNode>[]) => {
      const { positions, dragEnded, sizes, selections } = summarizeNodeChanges(changes);
      const s = store.getState();
      if (Object.keys(positions).length) s.dragTo(positions);
      if (dragEnded) s.endDrag();
      if (Object.keys(sizes).length) s.setMeasured(sizes);
      if (selections.length) s.select(applySelection(s.selectedNodeIds, selections), s.selectedEdgeIds);
    };
    // Clicking a node means "configure it": show its panel (even if it was already selected).
    const onNodeClick = () => store.getState().setPanel('node');
    const onEdgesChange = (changes: EdgeChange<JourneyFlowEdge>[]) => {
      const selections = edgeSelections(changes);
      const s = store.getState();
      if (selections.length) s.select(s.selectedNodeIds, applySelection(s.selectedEdgeIds, selections));
    };
    const onConnect = (c: Connection) => {
      const port = c.sourceHandle;
      if (port) store.getState().commit((doc) => connect(doc, { source: c.source, sourcePort: port, target: c.target }));
    };
    const onDelete: OnDelete<JourneyFlowNode, JourneyFlowEdge> = ({ nodes, edges }) =>
      store.getState().commit((doc) =>
        removeElements(
          doc,
          nodes.map((n) => n.id),
          edges.map((e) => e.id),
        ),
      );
    const onDragOver = (event: DragEvent) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    };
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const spec = specs.get(event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (spec) addNodeFromSpec(store, spec, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    };
    const onMouseMove = (event: MouseEvent) => {
      pointer.current = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    };
    return { onNodesChange, onEdgesChange, onNodeClick, onConnect, onDelete, onDragOver, onDrop, onMouseMove };
  }, [store, specs, screenToFlowPosition, pointer]);
}
