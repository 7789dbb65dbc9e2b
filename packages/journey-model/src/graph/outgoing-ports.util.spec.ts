import { outgoingPorts } from './outgoing-ports.util';

const edge = (id: string, source: string, sourcePort: string, target: string) => ({ id, source, sourcePort, target });
const graph = {
  nodes: [{ id: 'ask' }, { id: 'a' }, { id: 'b' }],
  edges: [edge('e1', 'ask', 'yes', 'a'), edge('e2', 'ask', 'timeout', 'b'), edge('e3', 'ask', 'yes', 'b'), edge('e4', 'a', 'main', 'b')],
};

describe('outgoingPorts', () => {
  test.each([
    ['ask', ['yes', 'timeout']],
    ['a', ['main']],
    ['b', []],
  ])('%s → %j', (node, expected) => {
    expect(outgoingPorts(graph, node)).toEqual(expected);
  });
});
