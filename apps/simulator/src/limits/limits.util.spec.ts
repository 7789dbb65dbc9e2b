import { PairRateLimiter } from './pair-rate.util';
import { SlidingWindowCounter } from './throughput.util';

describe('SlidingWindowCounter', () => {
  it('allows the cap inside one second and refuses the next arrival', () => {
    const counter = new SlidingWindowCounter();
    const results = Array.from({ length: 21 }, (_, i) => counter.hit('n', 1000 + i * 10, 20));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results[20]).toBe(false);
  });

  it.each([
    ['arrivals a full second apart never collide', [0, 1000, 2000], 1, [true, true, true]],
    ['second arrival 999 ms later is in the same window', [0, 999], 1, [true, false]],
    ['refused attempts still occupy the window', [0, 500, 1200, 2201], 1, [true, false, false, true]],
  ])('%s', (_label, times, cap, expected) => {
    const counter = new SlidingWindowCounter();
    expect(times.map((t) => counter.hit('n', t, cap))).toEqual(expected);
  });

  it('keeps numbers apart', () => {
    const counter = new SlidingWindowCounter();
    expect(counter.hit('a', 0, 1)).toBe(true);
    expect(counter.hit('b', 0, 1)).toBe(true);
  });
});

describe('PairRateLimiter', () => {
  it('allows a burst of 45 then refuses until the interval has passed', () => {
    const limiter = new PairRateLimiter();
    const burst = Array.from({ length: 46 }, () => limiter.take('p', 0, 6000, 45).allowed);
    expect(burst.filter(Boolean)).toHaveLength(45);
    const refused = limiter.take('p', 0, 6000, 45);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 6000 });
    expect(limiter.take('p', 5999, 6000, 45).allowed).toBe(false);
    expect(limiter.take('p', 6000, 6000, 45).allowed).toBe(true);
  });

  it.each([
    ['one message every 6 s is always fine', [0, 6000, 12000, 18000], 1, [true, true, true, true]],
    ['two within 6 s without burst allowance', [0, 3000], 1, [true, false]],
    ['burst of 3 then a pause refills one slot per interval', [0, 0, 0, 0, 6000, 6000], 3, [true, true, true, false, true, false]],
  ])('%s', (_label, times, burst, expected) => {
    const limiter = new PairRateLimiter();
    expect(times.map((t) => limiter.take('p', t, 6000, burst).allowed)).toEqual(expected);
  });
});
