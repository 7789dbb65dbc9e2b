import { maxInWindow } from '../__fixtures__/arrival-windows';
import { defaultJitterBudgetMs, slotSpacing } from './slot-spacing.util';

// Slots as the governor hands them out back to back: k × interval. Times in µs (exact integers).
const evenSlots = (cap: number, count: number) => {
  const { intervalUs } = slotSpacing(cap);
  return Array.from({ length: count }, (_, k) => k * intervalUs);
};
const SECOND_US = 1_000_000;
const budgetUs = (cap: number) => slotSpacing(cap).jitterBudgetMs * 1000;

describe('slot spacing per cap', () => {
  it.each([
    // cap, jitter budget (ms), reservation window (µs), interval (µs)
    [1, 80, 1_080_000, 1_080_000],
    [5, 80, 1_080_000, 216_000],
    [20, 25, 1_025_000, 51_250],
    [80, 25, 1_025_000, 12_813],
    [1000, 25, 1_025_000, 1_025],
  ])('cap %i: a %i ms budget, a window of %i µs, a slot every %i µs', (cap, budget, windowUs, intervalUs) => {
    expect(slotSpacing(cap)).toMatchObject({ jitterBudgetMs: budget, windowUs, intervalUs });
  });

  it.each([1, 5, 80, 1000])('cap %i keeps at least 92.5 %% of its rate', (cap) => {
    expect(slotSpacing(cap).ratePerSecond / cap).toBeGreaterThanOrEqual(0.925);
  });

  it('gives half a slot of room between 25 and 80 ms', () => {
    expect([1, 2, 6.25, 10, 20, 1000].map(defaultJitterBudgetMs)).toEqual([80, 80, 80, 50, 25, 25]);
  });

  it.each([1, 5, 80, 1000])('cap %i: no second at arrival over the cap when one send is late by the whole budget', (cap) => {
    const slots = evenSlots(cap, 3 * cap + 2);
    // The failure: one send arrives late, the ones after it on schedule — at every position.
    for (let late = 0; late < cap + 1; late++) {
      const arrivals = slots.map((t, k) => (k % (cap + 1) === late ? t + budgetUs(cap) : t));
      expect(maxInWindow(arrivals, SECOND_US)).toBeLessThanOrEqual(cap);
    }
  });

  it.each([1, 5, 80, 1000])('cap %i: random delays within the budget never exceed the cap at arrival', (cap) => {
    let seed = cap;
    const random = () => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * budgetUs(cap));
    const arrivals = evenSlots(cap, 4 * cap + 2).map((t) => t + random());
    expect(maxInWindow(arrivals, SECOND_US)).toBeLessThanOrEqual(cap);
  });

  it('the budget is exact: a send later than it can break the cap', () => {
    const arrivals = evenSlots(5, 6).map((t, k) => (k === 0 ? t + budgetUs(5) + 1 : t));
    expect(maxInWindow(arrivals, SECOND_US)).toBe(6);
  });

  it('refuses a non-positive cap and a budget of a second or more', () => {
    expect(() => slotSpacing(0)).toThrow(RangeError);
    expect(() => slotSpacing(5, 1000)).toThrow(RangeError);
    expect(() => slotSpacing(5, -1)).toThrow(RangeError);
  });
});
