import { fixturePorts, journeyFixture } from '../../__fixtures__/journey.fixture';
import { layoutDocument, toElkGraph } from './layout.util';

const portsOf = (id: string) => fixturePorts[id] ?? [];

describe('auto-layout', () => {
  it('builds an ELK graph with one west input and ordered east ports per node', () => {
    const graph = toElkGraph(journeyFixture(), {}, portsOf);
    const ask = graph.children!.find((c) => c.id === 'ask')!;
    expect(ask.ports!.map((p) => p.id)).toEqual(['ask::__in', 'ask::yes', 'ask::no', 'ask::other', 'ask::timeout', 'ask::failed']);
    expect(graph.edges).toContainEqual({ id: 'e-1', sources: ['ask::yes'], targets: ['check::__in'] });
  });

  it('places every node left → right along the edges, branches in port order, entry kept in place', async () => {
    const doc = journeyFixture();
    const positions = await layoutDocument(doc, {}, portsOf);
    expect(Object.keys(positions).sort()).toEqual(['ask', 'check', 'done', 'wait-1']);
    expect(positions.ask).toEqual(doc.nodes[0].position);
    expect(positions.check.x).toBeGreaterThan(positions.ask.x);
    expect(positions.done.x).toBeGreaterThan(positions.check.x);
    expect(positions.check.y).toBeLessThan(positions['wait-1'].y);
    for (const p of Object.values(positions)) {
      expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
    }
  });

  it('returns nothing for an empty journey', async () => {
    await expect(layoutDocument({ ...journeyFixture(), nodes: [], edges: [] }, {}, portsOf)).resolves.toEqual({});
  });
});
