import { advanceHistorySync, declineHistorySync, historyStatus } from './history-sync.util';

const at = new Date('2026-06-09T10:00:00Z');
const chunk = (phase: number, chunkOrder: number, progress: number) => ({ phase, chunkOrder, progress, messageCount: 2, at });

describe('advanceHistorySync', () => {
  it('starts a sync from nothing', () => {
    expect(advanceHistorySync({ status: 'none' }, chunk(0, 1, 10))).toEqual({
      status: 'in_progress',
      phase: 0,
      progress: 10,
      chunks: ['0:1'],
      messageCount: 2,
      updatedAt: at.toISOString(),
    });
  });

  it('never moves phase or progress backwards when chunks arrive out of order', () => {
    const late = advanceHistorySync(advanceHistorySync({ status: 'none' }, chunk(1, 3, 60)), chunk(0, 2, 20));
    expect(late).toMatchObject({ phase: 1, progress: 60, chunks: ['1:3', '0:2'], messageCount: 4 });
  });

  it('completes at 100 and stays complete', () => {
    const done = advanceHistorySync({ status: 'none' }, chunk(2, 9, 100));
    expect(done.status).toBe('complete');
    expect(advanceHistorySync(done, chunk(2, 8, 90)).status).toBe('complete');
  });

  it('does not count a chunk twice', () => {
    const once = advanceHistorySync({ status: 'none' }, chunk(1, 1, 30));
    expect(advanceHistorySync(once, chunk(1, 1, 30))).toMatchObject({ chunks: ['1:1'], messageCount: 2 });
  });

  it('records a refusal with its codes', () => {
    expect(declineHistorySync({ status: 'none' }, [2593109], at)).toEqual({
      status: 'declined',
      errorCodes: [2593109],
      updatedAt: at.toISOString(),
    });
  });
});

describe('historyStatus', () => {
  it.each([
    ['SENT', 'sent'],
    ['DELIVERED', 'delivered'],
    ['READ', 'read'],
    ['PLAYED', 'played'],
    ['ERROR', 'failed'],
    ['PENDING', null],
    [undefined, null],
  ] as const)('%s → %s', (input, expected) => {
    expect(historyStatus(input)).toBe(expected);
  });
});
