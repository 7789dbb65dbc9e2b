import type { JourneyEdge } from '../document/journey.schema';
import { outgoingEdges, type GraphLike } from './adjacency.util';

/**
 * Groups of nodes that lie on a cycle: the strongly connected components with more than
 * one node, or one node with an edge to itself (Tarjan's algorithm). Each group is in
 * document order; groups are ordered by their first node. Pass `include` to consider only
 * some edges, e.g. those that do not wait, to find loops that would spin without pause.
 * @example findCycles(doc) // [['ask', 'remind']]
 */
export function findCycles(graph: GraphLike, include?: (edge: JourneyEdge) => boolean): string[][] {
  const out = outgoingEdges(graph, include);
  const order = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;

  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const { target } of out.get(id) ?? []) {
      if (!out.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(id, Math.min(low.get(id) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(id, Math.min(low.get(id) as number, index.get(target) as number));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== id);
    const selfLoop = (out.get(id) ?? []).some((e) => e.target === id);
    if (group.length > 1 || selfLoop) groups.push(group);
  };

  for (const node of graph.nodes) if (!index.has(node.id)) visit(node.id);
  const byOrder = (a: string, b: string) => (order.get(a) as number) - (order.get(b) as number);
  return groups.map((g) => g.sort(byOrder)).sort((a, b) => byOrder(a[0], b[0]));
}
