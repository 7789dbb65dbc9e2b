import { COALESCE_MS, HISTORY_LIMIT, commitFrom, createHistory, pushHistory, redoHistory, undoHistory } from './history.util';

describe('document history', () => {
  it('undoes and redoes pushes in order, and a new push clears redo', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    h = undoHistory(h);
    expect(h.present).toBe('b');
    h = undoHistory(h);
    expect(h.present).toBe('a');
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(h);
    expect(h.present).toBe('b');
    h = pushHistory(h, 'x');
    expect(h.future).toEqual([]);
    expect(redoHistory(h)).toBe(h);
    expect(undoHistory(h).present).toBe('b');
  });

  it('merges pushes with the same key inside the coalescing window into one undo step', () => {
    let h = createHistory('');
    h = pushHistory(h, 'H', { coalesceKey: 'text', now: 1000 });
    h = pushHistory(h, 'Hi', { coalesceKey: 'text', now: 1000 + COALESCE_MS - 1 });
    expect(undoHistory(h).present).toBe('');
    h = pushHistory(h, 'Hi!', { coalesceKey: 'text', now: 5000 });
    expect(undoHistory(h).present).toBe('Hi');
    h = pushHistory(h, 'Hi!?', { coalesceKey: 'other', now: 5001 });
    expect(undoHistory(h).present).toBe('Hi!');
  });

  it('records a finished drag as one step from its starting point', () => {
    let h = createHistory('start');
    h = { ...h, present: 'moved-3' };
    h = commitFrom(h, 'start');
    expect(h.present).toBe('moved-3');
    expect(undoHistory(h).present).toBe('start');
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i += 1) h = pushHistory(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
