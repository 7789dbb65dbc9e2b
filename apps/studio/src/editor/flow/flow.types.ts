import type { NodeStatsDto } from '@tandem/api-contract';
import type { Edge, Node } from '@xyflow/react';
import type { IssueBadge } from '../document/issues.util';
import type { PortView } from '../document/ports.util';

/** How a node took part in a run (run detail canvas). */
export interface NodeRunView {
  /** 1-based positions of this node's visits in the path. */
  order: number[];
  status: 'completed' | 'failed' | 'active';
}

/** Everything the generic node component renders; derived from the document, never edited directly. */
export interface JourneyNodeData extends Record<string, unknown> {
  nodeId: string;
  type: string;
  /** The node's label, or the type's label. */
  title: string;
  /** The type's label (shown under a custom label) or the raw type when unknown. */
  typeLabel: string;
  icon: string;
  category: string;
  /** The catalogue does not know this type (uninstalled custom node). */
  unknownType: boolean;
  ports: PortView[];
  isEntry: boolean;
  issues: IssueBadge | null;
  stats: NodeStatsDto | null;
  run: NodeRunView | null;
  readOnly: boolean;
}

export type JourneyFlowNode = Node<JourneyNodeData, 'journey'>;

export interface JourneyEdgeData extends Record<string, unknown> {
  /** 1-based positions in the run path when the run took this edge. */
  taken: number[] | null;
  hasIssue: boolean;
}

export type JourneyFlowEdge = Edge<JourneyEdgeData>;

/** Id of every node's single input handle. */
export const TARGET_HANDLE = 'in';
