import { catalogueFixture } from '../../__fixtures__/catalogue.fixture';
import { fixturePorts, journeyFixture } from '../../__fixtures__/journey.fixture';
import { indexIssues } from '../document/issues.util';
import { indexSpecs } from '../document/ports.util';
import { reuseUnchanged, toFlowEdges, toFlowNodes, type FlowContext } from './document-flow.util';

const ctx = (over: Partial<FlowContext> = {}): FlowContext => ({
  specs: indexSpecs(catalogueFixture),
  ports: fixturePorts,
  issues: null,
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  measured: {},
  ...over,
});

describe('document → React Flow', () => {
  it('maps every node to the generic node type with ports from the server map when the type has none', () => {
    const nodes = toFlowNodes(journeyFixture(), ctx());
    expect(nodes.map((n) => [n.id, n.type])).toEqual([
      ['ask', 'journey'],
      ['check', 'journey'],
      ['wait-1', 'journey'],
      ['done', 'journey'],
    ]);
    expect(nodes[0].data.ports.map((p) => p.name)).toEqual(['yes', 'no', 'other', 'timeout', 'failed']);
    expect(nodes[0].data.ports.filter((p) => p.connected).map((p) => p.name)).toEqual(['yes', 'no']);
    expect(nodes[0].data.isEntry).toBe(true);
    expect(nodes[3].data.title).toBe('Finished');
    expect(nodes[3].data.typeLabel).toBe('End');
  });

  it('falls back to the default ports before the server answered, keeping ports edges still use as stale', () => {
    const [ask] = toFlowNodes(journeyFixture(), ctx({ ports: {} }));
    expect(ask.data.ports).toEqual([
      { name: 'other', connected: false, stale: false },
      { name: 'timeout', connected: false, stale: false },
      { name: 'failed', connected: false, stale: false },
      { name: 'yes', connected: true, stale: true },
      { name: 'no', connected: true, stale: true },
    ]);
  });

  it('uses the static ports of the catalogue even if the map disagrees', () => {
    const nodes = toFlowNodes(journeyFixture(), ctx({ ports: { check: ['x'] } }));
    expect(nodes[1].data.ports.map((p) => p.name)).toEqual(['true', 'false']);
  });

  it('marks unknown node types instead of dropping them', () => {
    const doc = journeyFixture();
    doc.nodes.push({ id: 'x', type: 'gone.thing@3', config: {}, position: { x: 0, y: 0 } });
    const x = toFlowNodes(doc, ctx()).at(-1)!;
    expect(x.data.unknownType).toBe(true);
    expect(x.data.title).toBe('gone.thing@3');
    expect(x.data.ports).toEqual([]);
  });

  it('carries selection, measured size and issue badges', () => {
    const issues = indexIssues([
      { severity: 'warning', code: 'freeform-window', message: 'may be outside the window', nodeId: 'ask' },
      { severity: 'error', code: 'config', message: 'text is required', nodeId: 'ask' },
      { severity: 'error', code: 'no-trigger', message: 'no trigger' },
    ]);
    const [ask, check] = toFlowNodes(
      journeyFixture(),
      ctx({ issues, selectedNodes: new Set(['ask']), measured: { ask: { width: 200, height: 90 } } }),
    );
    expect(ask.selected).toBe(true);
    expect(ask.measured).toEqual({ width: 200, height: 90 });
    expect(ask.data.issues).toEqual({ errors: 1, warnings: 1, messages: ['may be outside the window', 'text is required'] });
    expect(check.data.issues).toBeNull();
    expect(check.measured).toBeUndefined();
  });

  it('maps edges to port handles and marks the taken ones with their order', () => {
    const edges = toFlowEdges(journeyFixture(), {
      selectedEdges: new Set(['e-2']),
      issues: null,
      run: { nodes: new Map(), edges: new Map([['e-1', [1]]]) },
    });
    expect(edges[0]).toMatchObject({
      source: 'ask',
      sourceHandle: 'yes',
      target: 'check',
      targetHandle: 'in',
      animated: true,
      className: 'edge-taken',
      label: '1',
    });
    expect(edges[1]).toMatchObject({ selected: true, animated: false, className: 'edge-dimmed' });
  });
});

describe('reuseUnchanged', () => {
  it('returns previous objects for unchanged nodes and new ones for changed', () => {
    const before = toFlowNodes(journeyFixture(), ctx());
    const doc = journeyFixture();
    doc.nodes[1] = { ...doc.nodes[1], position: { x: 1, y: 1 } };
    const after = reuseUnchanged(before, toFlowNodes(doc, ctx()));
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].position).toEqual({ x: 1, y: 1 });
    const selected = reuseUnchanged(before, toFlowNodes(journeyFixture(), ctx({ selectedNodes: new Set(['done']) })));
    expect(selected[3]).not.toBe(before[3]);
    expect(selected[2]).toBe(before[2]);
  });
});
