import type { JourneyDiffDto } from '@tandem/api-contract';
import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { diffRows, isEmptyDiff } from './publish-diff.util';

const none: JourneyDiffDto = {
  fromVersion: 1,
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [] },
  triggersChanged: false,
  settingsChanged: false,
  entryChanged: false,
  behaviourChanged: true,
};

describe('publish diff', () => {
  it('labels added, removed and changed items from the right document', () => {
    const live = journeyFixture();
    const draft = journeyFixture();
    draft.nodes = draft.nodes.filter((n) => n.id !== 'wait-1');
    draft.edges = draft.edges.filter((e) => e.id !== 'e-2');
    draft.nodes.push({ id: 'bye', type: 'core.end@1', config: {}, position: { x: 0, y: 0 } });
    draft.edges.push({ id: 'e-5', source: 'check', sourcePort: 'false', target: 'bye' });
    draft.nodes[0] = { ...draft.nodes[0], config: { text: 'Hello?' }, position: { x: 5, y: 5 } };
    const diff: JourneyDiffDto = {
      ...none,
      nodes: { added: ['bye'], removed: ['wait-1'], changed: ['ask'] },
      edges: { added: ['e-5'], removed: ['e-2'] },
    };
    expect(diffRows(diff, draft, live)).toEqual([
      { kind: 'node', change: 'added', id: 'bye', label: 'bye (core.end@1)' },
      { kind: 'node', change: 'removed', id: 'wait-1', label: 'wait-1 (core.wait@1)' },
      { kind: 'node', change: 'changed', id: 'ask', label: 'ask (core.send-buttons@1)', fields: ['config', 'position'] },
      { kind: 'edge', change: 'added', id: 'e-5', label: 'check.false → bye' },
      { kind: 'edge', change: 'removed', id: 'e-2', label: 'ask.no → wait-1' },
    ]);
  });

  it('falls back to ids when the live document is not loaded', () => {
    const rows = diffRows({ ...none, nodes: { added: [], removed: ['gone'], changed: ['ask'] } }, journeyFixture(), null);
    expect(rows).toEqual([
      { kind: 'node', change: 'removed', id: 'gone', label: 'gone' },
      { kind: 'node', change: 'changed', id: 'ask', label: 'ask (core.send-buttons@1)', fields: undefined },
    ]);
  });

  it('knows when nothing changed', () => {
    expect(isEmptyDiff(none)).toBe(true);
    expect(isEmptyDiff({ ...none, settingsChanged: true })).toBe(false);
  });
});
