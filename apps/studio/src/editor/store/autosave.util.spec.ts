import type { ValidateResponseDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { journeyFixture } from '../../__fixtures__/journey.fixture';
import { updateNode } from '../document/document-ops.util';
import { createAutosaver } from './autosave.util';
import { createEditorStore } from './editor-store';

const answer: ValidateResponseDto = {
  issues: [{ severity: 'warning', code: 'freeform-window', message: 'w', nodeId: 'ask' }],
  ports: { ask: ['yes'] },
};

function setup(save: (doc: JourneyDocument) => Promise<ValidateResponseDto>) {
  const store = createEditorStore({ journeyId: 'j', document: journeyFixture() });
  const saver = createAutosaver(store, save, 500);
  const rename = (label: string) => store.getState().commit((d) => updateNode(d, 'ask', { label }));
  return { store, saver, rename };
}

describe('autosave', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves once after a burst of edits and applies the returned issues and ports', async () => {
    const save = jest.fn(async (_doc: JourneyDocument) => answer);
    const { store, rename, saver } = setup(save);
    rename('a');
    rename('ab');
    jest.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].nodes[0].label).toBe('ab');
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().issues).toEqual(answer.issues);
    expect(store.getState().ports).toEqual(answer.ports);
    saver.dispose();
  });

  it('saves again after an in-flight save when edits arrived meanwhile', async () => {
    let release: (v: ValidateResponseDto) => void = () => undefined;
    const save = jest.fn((_doc: JourneyDocument) => new Promise<ValidateResponseDto>((resolve) => (release = resolve)));
    const { store, rename, saver } = setup(save);
    rename('first');
    await jest.advanceTimersByTimeAsync(500);
    expect(store.getState().saveState).toBe('saving');
    rename('second');
    const flushed = saver.flush();
    release(answer);
    await jest.advanceTimersByTimeAsync(0);
    release(answer);
    await flushed;
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1][0].nodes[0].label).toBe('second');
    expect(store.getState().saveState).toBe('saved');
    saver.dispose();
  });

  it('shows a failed save and retries on the next flush', async () => {
    const save = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(answer);
    const { store, rename, saver } = setup(save);
    rename('x');
    await expect(saver.flush()).rejects.toThrow('offline');
    expect(store.getState()).toMatchObject({ saveState: 'error', saveError: 'offline' });
    await saver.flush();
    expect(store.getState().saveState).toBe('saved');
    saver.dispose();
  });

  it('does not send a draft the schema check refuses, and says why', async () => {
    const save = jest.fn(async () => answer);
    const store = createEditorStore({ journeyId: 'j', document: journeyFixture() });
    const saver = createAutosaver(store, save, 500, (doc) => (doc.triggers.length === 0 ? 'triggers: at least one' : null));
    store.getState().commit((d) => ({ ...d, triggers: [] }));
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    expect(store.getState()).toMatchObject({ saveState: 'error', saveError: 'triggers: at least one' });
    store.getState().undo();
    await saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(store.getState().saveState).toBe('saved');
    saver.dispose();
  });

  it('does nothing when there is nothing to save', async () => {
    const save = jest.fn(async () => answer);
    const { saver } = setup(save);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
    saver.dispose();
  });
});
