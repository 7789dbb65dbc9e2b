import type { GraphLike } from './adjacency.util';

/**
 * The node an edge from `nodeId`'s `port` leads to, or `undefined` when the port is not
 * connected (the run then ends there). With several edges on one port (invalid, see
 * `validateJourney`) the first in document order wins.
 * @example nextNodeId(doc, 'ask', 'yes') // 'thanks'
 */
export function nextNodeId(graph: GraphLike, nodeId: string, port: string): string | undefined {
  return graph.edges.find((e) => e.source === nodeId && e.sourcePort === port)?.target;
}
