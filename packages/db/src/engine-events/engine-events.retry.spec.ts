import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './engine-events.retry';

describe('nextAttemptAt', () => {
  const now = new Date('2026-12-03T10:00:00.000Z');
  const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000 };

  test.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 5_000],
  ])('after failed attempt %i waits %i ms (doubling, capped)', (attempt, delay) => {
    expect(nextAttemptAt(policy, attempt, now)?.getTime()).toBe(now.getTime() + delay);
  });

  it('gives up after the last attempt', () => {
    expect(nextAttemptAt(policy, 5, now)).toBeNull();
    expect(nextAttemptAt(policy, 6, now)).toBeNull();
  });

  it('by default retries for about 8½ minutes (10 attempts) before giving up', () => {
    const waits = Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, i) => nextAttemptAt(DEFAULT_RETRY_POLICY, i + 1, now));
    const total = waits.reduce((sum, at) => sum + (at!.getTime() - now.getTime()), 0);
    expect(total).toBe((1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256) * 1_000);
    expect(nextAttemptAt(DEFAULT_RETRY_POLICY, DEFAULT_RETRY_POLICY.maxAttempts, now)).toBeNull();
  });
});
