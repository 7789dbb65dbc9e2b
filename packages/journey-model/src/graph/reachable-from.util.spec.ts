import { reachableFrom } from './reachable-from.util';

const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourcePort: 'main', target });
const graph = {
  nodes: ['a', 'b', 'c', 'd', 'island'].map((id) => ({ id })),
  edges: [edge('a', 'b'), edge('b', 'c'), edge('c', 'b'), edge('b', 'ghost'), edge('island', 'd')],
};

describe('reachableFrom', () => {
  test.each([
    ['a', ['a', 'b', 'c']],
    ['c', ['c', 'b']],
    ['island', ['island', 'd']],
    ['ghost', []],
  ])('from %s → %j', (start, expected) => {
    expect([...reachableFrom(graph, start)].sort()).toEqual([...expected].sort());
  });
});
