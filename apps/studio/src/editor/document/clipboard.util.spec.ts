import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { copyNodes, parseClipboard, pasteNodes, PASTE_OFFSET } from './clipboard.util';

describe('copy and paste', () => {
  it('copies selected nodes with only their internal edges', () => {
    const clip = copyNodes(journeyFixture(), ['ask', 'check']);
    expect(clip?.nodes.map((n) => n.id)).toEqual(['ask', 'check']);
    expect(clip?.edges.map((e) => e.id)).toEqual(['e-1']);
    expect(copyNodes(journeyFixture(), [])).toBeNull();
  });

  it('pastes with fresh ids, remapped edges and an offset, leaving the originals untouched', () => {
    const doc = journeyFixture();
    const clip = copyNodes(doc, ['check', 'done'])!;
    const { doc: next, nodeIds } = pasteNodes(doc, clip);
    expect(nodeIds).toEqual(['condition-1', 'end-1']);
    const pasted = next.nodes.filter((n) => nodeIds.includes(n.id));
    expect(pasted.map((n) => n.position)).toEqual([
      { x: 300 + PASTE_OFFSET, y: -80 + PASTE_OFFSET },
      { x: 600 + PASTE_OFFSET, y: -80 + PASTE_OFFSET },
    ]);
    expect(pasted[1].label).toBe('Finished');
    expect(next.edges.at(-1)).toEqual({ id: 'e-4', source: 'condition-1', sourcePort: 'true', target: 'end-1' });
    expect(next.nodes.slice(0, 4)).toEqual(doc.nodes);
    expect(next.entryNodeId).toBe('ask');
  });

  it('pastes twice without id collisions and places the group at a given point', () => {
    const doc = journeyFixture();
    const clip = copyNodes(doc, ['wait-1'])!;
    const once = pasteNodes(doc, clip);
    const twice = pasteNodes(once.doc, clip, { x: 1000, y: 500 });
    expect(once.nodeIds).toEqual(['wait-2']);
    expect(twice.nodeIds).toEqual(['wait-3']);
    expect(twice.doc.nodes.at(-1)?.position).toEqual({ x: 1000, y: 500 });
  });

  it('pasted config is a copy: editing it does not change the original', () => {
    const doc = journeyFixture();
    const { doc: next } = pasteNodes(doc, copyNodes(doc, ['ask'])!);
    (next.nodes[4].config.buttons as { title: string }[])[0].title = 'changed';
    expect((doc.nodes[0].config.buttons as { title: string }[])[0].title).toBe('Yes');
  });

  it('reads back only well-formed clipboard text', () => {
    const clip = copyNodes(journeyFixture(), ['ask', 'check'])!;
    expect(parseClipboard(JSON.stringify(clip))).toEqual(clip);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard(JSON.stringify({ kind: 'tandem/nodes', nodes: [], edges: [] }))).toBeNull();
  });
});
