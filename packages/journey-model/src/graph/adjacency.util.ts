import type { JourneyEdge } from '../document/journey.schema';

/** Minimal graph shape the traversal utilities need (a journey document fits). */
export interface GraphLike {
  nodes: readonly { id: string }[];
  edges: readonly JourneyEdge[];
}

/** Outgoing edges per node id, in document order; edges from unknown nodes are ignored. */
export function outgoingEdges(graph: GraphLike, include: (edge: JourneyEdge) => boolean = () => true): Map<string, JourneyEdge[]> {
  const byNode = new Map<string, JourneyEdge[]>(graph.nodes.map((n) => [n.id, []]));
  for (const edge of graph.edges) {
    if (include(edge)) byNode.get(edge.source)?.push(edge);
  }
  return byNode;
}
