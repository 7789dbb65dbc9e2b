import type { GraphLike } from './adjacency.util';

/**
 * Ports of `nodeId` that have an outgoing edge, each once, in document order.
 * @example outgoingPorts(doc, 'check') // ['true', 'false']
 */
export function outgoingPorts(graph: GraphLike, nodeId: string): string[] {
  return [...new Set(graph.edges.filter((e) => e.source === nodeId).map((e) => e.sourcePort))];
}
