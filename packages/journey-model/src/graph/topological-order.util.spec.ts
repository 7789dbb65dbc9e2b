import { topologicalOrder } from './topological-order.util';

const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourcePort: 'main', target });
const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

describe('topologicalOrder', () => {
  test.each([
    ['a chain', nodes('c', 'b', 'a'), [edge('a', 'b'), edge('b', 'c')], ['a', 'b', 'c']],
    [
      'a diamond keeps document order for ties',
      nodes('start', 'right', 'left', 'end'),
      [edge('start', 'left'), edge('start', 'right'), edge('left', 'end'), edge('right', 'end')],
      ['start', 'right', 'left', 'end'],
    ],
    ['disconnected nodes', nodes('x', 'y'), [], ['x', 'y']],
    ['a cycle has no order', nodes('a', 'b'), [edge('a', 'b'), edge('b', 'a')], undefined],
  ])('%s', (_name, graphNodes, edges, expected) => {
    expect(topologicalOrder({ nodes: graphNodes, edges })).toEqual(expected);
  });
});
