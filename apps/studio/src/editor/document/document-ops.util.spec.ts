import type { JourneyDocument } from '@tandem/journey-model';
import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { addNode, connect, moveNodes, nextId, nodeIdPrefix, removeElements, setEntry, updateNode } from './document-ops.util';

const empty = (): JourneyDocument => ({
  schemaVersion: 1,
  triggers: [],
  nodes: [],
  edges: [],
  settings: { reEntry: 'once', onTeammateReply: 'stop', onGiveBack: 'resume', timezone: 'UTC' },
});

describe('document operations', () => {
  it.each([
    ['core.send-text@1', 'send-text'],
    ['acme.crm-lookup@12', 'crm-lookup'],
    ['garbage', 'node'],
  ])('derives id prefix of %s', (type, prefix) => {
    expect(nodeIdPrefix(type)).toBe(prefix);
  });

  it('picks the first free numbered id', () => {
    expect(nextId(new Set(['wait-1', 'wait-3']), 'wait')).toBe('wait-2');
  });

  it('adds nodes with readable ids and makes the first node of an empty journey its entry', () => {
    const first = addNode(empty(), { type: 'core.wait@1', config: { a: 1 }, position: { x: 10.4, y: 20.6 } });
    expect(first.nodeId).toBe('wait-1');
    expect(first.doc.entryNodeId).toBe('wait-1');
    expect(first.doc.nodes[0].position).toEqual({ x: 10, y: 21 });
    const second = addNode(first.doc, { type: 'core.wait@1', config: {}, position: { x: 0, y: 0 } });
    expect(second.nodeId).toBe('wait-2');
    expect(second.doc.entryNodeId).toBe('wait-1');
  });

  it('removes a node with every edge touching it and clears the entry when it was the entry', () => {
    const doc = removeElements(journeyFixture(), ['ask'], []);
    expect(doc.nodes.map((n) => n.id)).toEqual(['check', 'wait-1', 'done']);
    expect(doc.edges.map((e) => e.id)).toEqual(['e-3']);
    expect(doc.entryNodeId).toBeUndefined();
  });

  it('replaces the edge of a port that is already connected, and refuses self-loops', () => {
    const doc = connect(journeyFixture(), { source: 'ask', sourcePort: 'yes', target: 'done' });
    expect(doc.edges.filter((e) => e.source === 'ask' && e.sourcePort === 'yes')).toEqual([
      { id: 'e-4', source: 'ask', sourcePort: 'yes', target: 'done' },
    ]);
    expect(doc.edges.some((e) => e.id === 'e-1')).toBe(false);
    expect(connect(doc, { source: 'done', sourcePort: 'main', target: 'done' })).toBe(doc);
    expect(connect(doc, { source: 'ask', sourcePort: 'yes', target: 'done' })).toBe(doc);
  });

  it('moves nodes and keeps the same document when nothing moved', () => {
    const doc = journeyFixture();
    expect(moveNodes(doc, { ask: { x: 0, y: 0 } })).toBe(doc);
    expect(moveNodes(doc, { ask: { x: 5.2, y: 7 } }).nodes[0].position).toEqual({ x: 5, y: 7 });
  });

  it('updates config and label; an empty label is removed', () => {
    const doc = updateNode(journeyFixture(), 'done', { label: '  ', config: { reason: 'x' } });
    expect(doc.nodes[3]).toEqual({ id: 'done', type: 'core.end@1', config: { reason: 'x' }, position: { x: 600, y: -80 } });
  });

  it('sets the entry only to an existing node', () => {
    const doc = journeyFixture();
    expect(setEntry(doc, 'check').entryNodeId).toBe('check');
    expect(setEntry(doc, 'nope')).toBe(doc);
  });
});
