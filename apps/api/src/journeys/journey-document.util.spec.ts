import { journeyBuilder } from '@tandem/journey-model';
import { diffSummary, newDraft, sameDocument } from './journey-document.util';

const base = () =>
  journeyBuilder()
    .trigger({ kind: 'message.received', match: { kind: 'any' } })
    .node('a', 'core.send-text@1', { text: 'Hi' })
    .node('b', 'core.end@1')
    .chain('a', 'b')
    .build();

describe('journey documents', () => {
  it('starts a new journey with an inbound trigger and no nodes', () => {
    expect(newDraft('n-1')).toMatchObject({
      triggers: [{ id: 't1', kind: 'message.received' }],
      nodes: [],
      edges: [],
      settings: { numberId: 'n-1' },
    });
    expect(newDraft().settings.numberId).toBeUndefined();
  });

  test.each([
    ['identical', (d: ReturnType<typeof base>) => d, true],
    [
      'keys in another order (as jsonb returns them)',
      (d: ReturnType<typeof base>) =>
        JSON.parse(
          JSON.stringify({ ...d, nodes: d.nodes.map((n) => ({ config: n.config, type: n.type, position: n.position, id: n.id })) }),
        ),
      true,
    ],
    [
      'a node moved',
      (d: ReturnType<typeof base>) => ({ ...d, nodes: d.nodes.map((n) => (n.id === 'a' ? { ...n, position: { x: 5, y: 5 } } : n)) }),
      false,
    ],
    ['a setting changed', (d: ReturnType<typeof base>) => ({ ...d, settings: { ...d.settings, reEntry: 'always' as const } }), false],
  ])('sameDocument: %s → %s', (_name, change, same) => {
    expect(sameDocument(base(), change(base()))).toBe(same);
  });

  it('summarises a diff as ids; a layout-only change is not a behaviour change', () => {
    const moved = { ...base(), nodes: base().nodes.map((n) => (n.id === 'a' ? { ...n, position: { x: 9, y: 9 } } : n)) };
    expect(diffSummary(base(), moved, 4)).toMatchObject({ fromVersion: 4, nodes: { changed: ['a'] }, behaviourChanged: false });
    const rewired = { ...base(), edges: [{ ...base().edges[0], target: 'a' }] };
    expect(diffSummary(base(), rewired, 4).edges).toEqual({ added: ['a-main-b'], removed: ['a-main-b'] });
  });
});
