import { journeyBuilder } from '../testing/journey-builder';
import { nextNodeId } from './next-node-id.util';

const doc = journeyBuilder()
  .node('check', 'core.condition@1')
  .node('yes', 'core.end@1')
  .node('no', 'core.end@1')
  .edge('check', 'true', 'yes')
  .edge('check', 'false', 'no')
  .raw();
const graph = { nodes: doc.nodes ?? [], edges: doc.edges ?? [] };

describe('nextNodeId', () => {
  test.each([
    ['check', 'true', 'yes'],
    ['check', 'false', 'no'],
    ['check', 'other', undefined],
    ['yes', 'main', undefined],
    ['missing', 'main', undefined],
  ])('%s.%s → %s', (node, port, expected) => {
    expect(nextNodeId(graph, node, port)).toBe(expected);
  });
});
