import { findCycles } from './find-cycles.util';

const edge = (source: string, target: string, sourcePort = 'main') => ({ id: `${source}-${target}`, source, sourcePort, target });
const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

describe('findCycles', () => {
  test.each([
    ['a chain has none', nodes('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c')], []],
    ['a two-node loop', nodes('a', 'b', 'c'), [edge('a', 'b'), edge('b', 'c'), edge('c', 'b', 'timeout')], [['b', 'c']]],
    ['a self loop', nodes('a'), [edge('a', 'a')], [['a']]],
    [
      'two separate loops',
      nodes('a', 'b', 'c', 'd'),
      [edge('a', 'b'), edge('b', 'a'), edge('c', 'd'), edge('d', 'c')],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'nested loops form one group',
      nodes('a', 'b', 'c'),
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'b', 'x')],
      [['a', 'b', 'c']],
    ],
    ['edges to missing nodes are ignored', nodes('a'), [edge('a', 'ghost'), edge('ghost', 'a')], []],
  ])('%s', (_name, graphNodes, edges, expected) => {
    expect(findCycles({ nodes: graphNodes, edges })).toEqual(expected);
  });

  it('considers only the edges it is told to', () => {
    const graph = { nodes: nodes('ask', 'remind'), edges: [edge('ask', 'remind', 'timeout'), edge('remind', 'ask')] };
    expect(findCycles(graph)).toEqual([['ask', 'remind']]);
    expect(findCycles(graph, (e) => e.sourcePort !== 'timeout')).toEqual([]);
  });
});
