import { outgoingEdges, type GraphLike } from './adjacency.util';

/**
 * Ids of the nodes reachable from `startId` along edges, `startId` included (when it
 * exists). Edges to missing nodes are not followed.
 * @example reachableFrom(doc, doc.entryNodeId) // Set { 'welcome', 'ask', … }
 */
export function reachableFrom(graph: GraphLike, startId: string): Set<string> {
  const out = outgoingEdges(graph);
  const seen = new Set<string>();
  if (!out.has(startId)) return seen;
  const stack = [startId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of out.get(id) ?? []) {
      if (out.has(edge.target) && !seen.has(edge.target)) stack.push(edge.target);
    }
  }
  return seen;
}
