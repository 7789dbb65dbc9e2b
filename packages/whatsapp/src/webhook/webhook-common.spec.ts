import { eventBase, toMs } from './webhook-common.util';

describe('toMs: Meta seconds to epoch ms, or the fallback', () => {
  const FALLBACK = 42;
  it.each([
    ['seconds as text', '1781000000', 1781000000_000],
    ['seconds as a number', 1781000000, 1781000000_000],
    ['the last instant a Date holds', 8.64e12, 8.64e15],
    ['past the last instant a Date holds (found by the webhook fuzzer)', 8.64e12 + 1, FALLBACK],
    ['1e308 (×1000 is Infinity)', 1e308, FALLBACK],
    ['"1e308"', '1e308', FALLBACK],
    ['zero', 0, FALLBACK],
    ['negative', -5, FALLBACK],
    ['not a number', 'soon', FALLBACK],
    ['empty text', '', FALLBACK],
    ['absent', undefined, FALLBACK],
  ])('%s', (_, seconds, expected) => {
    expect(toMs(seconds, FALLBACK)).toBe(expected);
  });
});

describe('eventBase: idempotency keys an index can hold', () => {
  const ctx = { wabaId: 'w', field: 'messages', receivedAt: 1 };
  it('keeps a short key as written, hashes a long one the same way every time', () => {
    expect(eventBase(ctx, 'w:wamid.1', 1).dedupKey).toBe('w:wamid.1');
    const long = `w:${'é'.repeat(2000)}`;
    expect(eventBase(ctx, long, 1).dedupKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(eventBase(ctx, long, 1).dedupKey).toBe(eventBase(ctx, long, 1).dedupKey);
    expect(eventBase(ctx, `${long}x`, 1).dedupKey).not.toBe(eventBase(ctx, long, 1).dedupKey);
  });
});
