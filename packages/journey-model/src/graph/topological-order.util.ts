import { outgoingEdges, type GraphLike } from './adjacency.util';

/**
 * Node ids such that every edge goes from an earlier to a later node (Kahn's algorithm,
 * ties broken by document order), or `undefined` when the graph has a cycle.
 * @example topologicalOrder(doc) // ['start', 'ask', 'yes', 'no']
 */
export function topologicalOrder(graph: GraphLike): string[] | undefined {
  const out = outgoingEdges(graph);
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const edges of out.values()) {
    for (const { target } of edges) if (indegree.has(target)) indegree.set(target, (indegree.get(target) as number) + 1);
  }
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const byPosition = (a: string, b: string) => (position.get(a) as number) - (position.get(b) as number);
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const { target } of out.get(id) ?? []) {
      if (!indegree.has(target)) continue;
      const left = (indegree.get(target) as number) - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
    ready.sort(byPosition);
  }
  return order.length === graph.nodes.length ? order : undefined;
}
