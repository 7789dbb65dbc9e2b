import { journeyBuilder } from '../testing/journey-builder';
import { diffJourneys } from './diff-journeys.util';

const base = () =>
  journeyBuilder()
    .trigger({ kind: 'message.received', match: { kind: 'any' } })
    .node('hello', 'core.send-text@1', { text: 'Hi' })
    .node('wait', 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'hours' } })
    .node('end', 'core.end@1')
    .chain('hello', 'wait', 'end');

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  ) as T;
}

describe('diffJourneys', () => {
  it('finds nothing between equal documents, whatever the key order', () => {
    const a = base().build();
    const diff = diffJourneys(a, reverseKeys(a));
    expect(diff.behaviourChanged).toBe(false);
    expect(diff.nodes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports added and removed nodes and edges', () => {
    const a = base().build();
    const b = base().node('bye', 'core.send-text@1', { text: 'Bye' }).edge('wait', 'main', 'bye').build();
    b.edges = b.edges.filter((e) => e.id !== 'wait-main-end');
    b.nodes = b.nodes.filter((n) => n.id !== 'end');
    const diff = diffJourneys(a, b);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['bye']);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(['end']);
    expect(diff.edges.added.map((e) => e.id)).toEqual(['wait-main-bye']);
    expect(diff.edges.removed.map((e) => e.id)).toEqual(['wait-main-end']);
    expect(diff.behaviourChanged).toBe(true);
  });

  it('tells config changes from layout changes', () => {
    const a = base().build();
    const moved = base().build();
    moved.nodes[0] = { ...moved.nodes[0], position: { x: 999, y: 5 }, label: 'Greeting' };
    const moveDiff = diffJourneys(a, moved);
    expect(moveDiff.nodes.changed).toEqual([expect.objectContaining({ id: 'hello', fields: ['position', 'label'] })]);
    expect(moveDiff.behaviourChanged).toBe(false);

    const edited = base().build();
    edited.nodes[0] = { ...edited.nodes[0], config: { text: 'Hello!' } };
    const editDiff = diffJourneys(a, edited);
    expect(editDiff.nodes.changed[0].fields).toEqual(['config']);
    expect(editDiff.behaviourChanged).toBe(true);
  });

  it('reports settings, triggers and entry changes', () => {
    const a = base().build();
    const b = base().settings({ reEntry: 'always' }).trigger({ kind: 'api' }).entry('wait').build();
    const diff = diffJourneys(a, b);
    expect(diff.settings).toEqual(['reEntry']);
    expect(diff.triggers.added.map((t) => t.kind)).toEqual(['api']);
    expect(diff.entryChanged).toBe(true);
  });
});
