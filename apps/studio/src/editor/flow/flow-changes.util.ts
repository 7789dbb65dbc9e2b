import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { XY } from '../document/document-ops.util';
import type { Size } from './document-flow.util';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow.types';

/** What a batch of React Flow node changes means for the editor store. */
export interface NodeChangeSummary {
  positions: Record<string, XY>;
  dragEnded: boolean;
  sizes: Record<string, Size>;
  selections: { id: string; selected: boolean }[];
}

/**
 * Sorts React Flow node changes into moves, the end of a drag, measured sizes and
 * selection. `remove` changes are ignored: deletions arrive once, through `onDelete`,
 * so nodes and their edges go in a single undo step.
 */
export function summarizeNodeChanges(changes: readonly NodeChange<JourneyFlowNode>[]): NodeChangeSummary {
  const summary: NodeChangeSummary = { positions: {}, dragEnded: false, sizes: {}, selections: [] };
  for (const change of changes) {
    if (change.type === 'position') {
      if (change.position) summary.positions[change.id] = change.position;
      if (change.dragging === false) summary.dragEnded = true;
    } else if (change.type === 'dimensions' && change.dimensions) {
      summary.sizes[change.id] = change.dimensions;
    } else if (change.type === 'select') {
      summary.selections.push({ id: change.id, selected: change.selected });
    }
  }
  return summary;
}

/** Selection changes of edges (others are ignored, see {@link summarizeNodeChanges}). */
export function edgeSelections(changes: readonly EdgeChange<JourneyFlowEdge>[]): { id: string; selected: boolean }[] {
  return changes.flatMap((c) => (c.type === 'select' ? [{ id: c.id, selected: c.selected }] : []));
}

/** Applies select/deselect changes to a list of selected ids. */
export function applySelection(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): string[] {
  const next = new Set(current);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}
