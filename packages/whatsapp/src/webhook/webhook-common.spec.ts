import { toMs } from './webhook-common.util';

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
