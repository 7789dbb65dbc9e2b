import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { addNode, removeElements, updateNode } from '../document/document-ops.util';
import { createEditorStore, selectDocument } from './editor-store';

const make = () => createEditorStore({ journeyId: 'j1', document: journeyFixture() });

describe('editor store', () => {
  it('undoes and redoes document edits and bumps the save revision each time', () => {
    const store = make();
    store.getState().commit((doc) => addNode(doc, { type: 'core.wait@1', config: {}, position: { x: 0, y: 0 } }).doc);
    expect(selectDocument(store.getState()).nodes).toHaveLength(5);
    expect(store.getState().saveState).toBe('dirty');
    store.getState().undo();
    expect(selectDocument(store.getState()).nodes).toHaveLength(4);
    store.getState().redo();
    expect(selectDocument(store.getState()).nodes.at(-1)?.id).toBe('wait-2');
    expect(store.getState().revision).toBe(3);
  });

  it('records a whole drag as a single undo step and saves only when it ends', () => {
    const store = make();
    store.getState().dragTo({ ask: { x: 10, y: 0 } });
    store.getState().dragTo({ ask: { x: 20, y: 0 } });
    expect(store.getState().revision).toBe(0);
    store.getState().endDrag();
    expect(store.getState().revision).toBe(1);
    expect(selectDocument(store.getState()).nodes[0].position).toEqual({ x: 20, y: 0 });
    store.getState().undo();
    expect(selectDocument(store.getState()).nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it('merges typing in one field into one undo step', () => {
    const store = make();
    for (const text of ['H', 'He', 'Hel']) {
      store.getState().commit((doc) => updateNode(doc, 'ask', { config: { text } }), { coalesceKey: 'config:ask' });
    }
    store.getState().undo();
    expect(selectDocument(store.getState()).nodes[0].config.text).toBe('Hi?');
  });

  it('drops selected ids that an undo removed', () => {
    const store = make();
    store
      .getState()
      .commit((doc) => addNode(doc, { type: 'core.wait@1', config: {}, position: { x: 0, y: 0 } }).doc, { select: ['wait-2'] });
    expect(store.getState().selectedNodeIds).toEqual(['wait-2']);
    store.getState().undo();
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('ignores commits that change nothing', () => {
    const store = make();
    store.getState().commit((doc) => removeElements(doc, [], []));
    expect(store.getState().revision).toBe(0);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('stays dirty when edits arrived while a save was in flight', () => {
    const store = make();
    store.getState().commit((doc) => updateNode(doc, 'ask', { label: 'A' }));
    store.getState().markSaving();
    store.getState().commit((doc) => updateNode(doc, 'ask', { label: 'B' }));
    store.getState().markSaved(1);
    expect(store.getState().saveState).toBe('dirty');
    store.getState().markSaved(2);
    expect(store.getState().saveState).toBe('saved');
  });

  it('changes nothing and saves nothing when the caller may not write journeys', () => {
    const store = createEditorStore({ journeyId: 'j1', document: journeyFixture(), readOnly: true });
    const before = selectDocument(store.getState());
    store.getState().commit((doc) => addNode(doc, { type: 'core.wait@1', config: {}, position: { x: 0, y: 0 } }).doc);
    store.getState().dragTo({ ask: { x: 20, y: 0 } });
    store.getState().endDrag();
    store.getState().undo();
    store.getState().select(['ask'], []);
    expect(selectDocument(store.getState())).toBe(before);
    expect(store.getState()).toMatchObject({ revision: 0, saveState: 'saved', selectedNodeIds: ['ask'] });
  });
});
