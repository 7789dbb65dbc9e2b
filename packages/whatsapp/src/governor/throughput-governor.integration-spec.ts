import Redis from 'ioredis';
import { maxInWindow } from '../__fixtures__/arrival-windows';
import { LogicalClock } from '../__fixtures__/logical-clock';
import { slotSpacing } from './slot-spacing.util';
import { ThroughputGovernor, type ThroughputGovernorOptions } from './throughput-governor.service';

// Real Redis, logical time: every slot time below is exact, and no test waits for time to pass.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:whatsapp-governor:${process.pid}:${Date.now()}`;

const redis = new Redis(REDIS_URL);
const connections: Redis[] = [redis];

afterAll(async () => {
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  for (const connection of connections) connection.disconnect();
});

let clock: LogicalClock;
let t0: number;
beforeEach(() => {
  clock = new LogicalClock();
  t0 = clock.now();
});

const governor = (options: Partial<ThroughputGovernorOptions> = {}) =>
  new ThroughputGovernor({ redis, keyPrefix: PREFIX, clock, ...options });

/** ms after the test's start. */
const since = (at: number) => at - t0;

const maxInAnySecond = (times: number[]) => maxInWindow(times, 1000);

describe('ThroughputGovernor schedule (real Redis, logical clock)', () => {
  test('workers sharing one number through Redis get one evenly spaced schedule, never over the cap', async () => {
    // Cap 20: a 25 ms jitter budget, a slot every 1025 / 20 = 51.25 ms.
    const workers = Array.from({ length: 3 }, () => {
      const own = new Redis(REDIS_URL);
      connections.push(own);
      return new ThroughputGovernor({ redis: own, keyPrefix: PREFIX, clock });
    });
    const grants: { worker: number; at: number }[] = [];
    const loop = async (worker: number) => {
      while (grants.length < 60) {
        const { grantedAt, done } = await workers[worker].acquire({ phoneNumberId: 'pn-shared', capPerSecond: 20 });
        expect(clock.now()).toBe(grantedAt); // returned at its slot, not late
        await done(); // answered at once
        grants.push({ worker, at: since(grantedAt) });
      }
    };
    await clock.run([0, 1, 2, 0, 1, 2, 0, 1, 2].map(loop));

    const times = grants.map((g) => g.at).sort((a, b) => a - b);
    expect(times).toEqual(times.map((_, k) => k * 51.25));
    expect(maxInAnySecond(times)).toBe(20);
    expect(new Set(grants.map((g) => g.worker))).toEqual(new Set([0, 1, 2]));
  });

  test('an idle number grants at once; a full one waits for its slot instead of failing', async () => {
    const gov = governor();
    const [first, second] = await clock.run([
      gov.acquire({ phoneNumberId: 'pn-wait', capPerSecond: 2 }),
      gov.acquire({ phoneNumberId: 'pn-wait', capPerSecond: 2 }),
    ]);
    expect([since(first.grantedAt), first.waitedMs]).toEqual([0, 0]);
    expect([since(second.grantedAt), second.waitedMs]).toEqual([540, 540]); // cap 2: an 80 ms budget, 1080 / 2
  });

  test('pair guard: a burst to one recipient, then one per period; other recipients are not held back', async () => {
    // Cap 100 (a slot every 10.25 ms), one message per 300 ms to one recipient after a burst of 3.
    const gov = governor({ pairPeriodMs: 300, pairBurst: 3 });
    const acquire = (recipient: string) => gov.acquire({ phoneNumberId: 'pn-pair', capPerSecond: 100, recipient });
    const toMaria: number[] = [];
    for (let i = 0; i < 5; i++) toMaria.push(since((await clock.run([acquire('15551234567')]))[0].grantedAt));
    const [other] = await clock.run([acquire('447700900123')]);
    expect(toMaria).toEqual([0, 10.25, 20.5, 300, 600]);
    expect([since(other.grantedAt), other.waitedMs]).toEqual([610.25, 10.25]);
  });

  test('currentRate counts the slots of the last second for that number only', async () => {
    const gov = governor();
    const slots = await clock.run(Array.from({ length: 6 }, () => gov.acquire({ phoneNumberId: 'pn-rate', capPerSecond: 50 })));
    expect(slots.map((s) => since(s.grantedAt))).toEqual([0, 20.5, 41, 61.5, 82, 102.5]);
    expect(await gov.currentRate('pn-rate')).toBe(6);
    clock.advance(1041 - since(clock.now())); // the window (41, 1041]: the slot at 41 has just left it
    expect(await gov.currentRate('pn-rate')).toBe(3);
    expect(await gov.currentRate('pn-idle')).toBe(0);
  });

  test('aborting a wait rejects and gives the slot back', async () => {
    const gov = governor();
    await gov.acquire({ phoneNumberId: 'pn-abort', capPerSecond: 1 });
    const controller = new AbortController();
    const waiting = gov.acquire({ phoneNumberId: 'pn-abort', capPerSecond: 1, signal: controller.signal });
    await clock.whenSleeping(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(await redis.zcard(`${PREFIX}:{pn-abort}:log`)).toBe(1);
  });

  test('slots that mature while the process is stalled still go, as many as the send log allows', async () => {
    // Cap 50: a slot every 20.5 ms. Ten calls reserve slots 0 … 184.5, then the process stalls
    // for 150 ms: the seven slots it slept through go at 150 (7 ≤ 50 in any second at Meta),
    // the rest on time — no slot is lost.
    const gov = governor();
    const first = await gov.acquire({ phoneNumberId: 'pn-stall', capPerSecond: 50 });
    await first.done();
    const returnedAt: number[] = [since(clock.now())];
    const calls = Array.from({ length: 9 }, () =>
      gov.acquire({ phoneNumberId: 'pn-stall', capPerSecond: 50 }).then(async (grant) => {
        returnedAt.push(since(clock.now()));
        await grant.done();
        return since(grant.grantedAt);
      }),
    );
    await clock.whenSleeping(9);
    clock.advance(150);
    const slots = [since(first.grantedAt), ...(await clock.run(calls))];
    expect(slots.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, k) => k * 20.5));
    expect(returnedAt.sort((a, b) => a - b)).toEqual([0, 150, 150, 150, 150, 150, 150, 150, 164, 184.5]);
    expect(await redis.zcard(`${PREFIX}:{pn-stall}:sent`)).toBe(10);
  });

  test('a send waits while `cap` earlier ones may still be on their way to Meta', async () => {
    // Cap 2: slots 540 ms apart; an unanswered send counts for at most 2 s here (maxFlightMs).
    const gov = governor({ maxFlightMs: 2000 });
    const acquire = () => gov.acquire({ phoneNumberId: 'pn-flight', capPerSecond: 2 });
    const [a] = await clock.run([acquire(), acquire()]); // slots 0 and 540, neither answered yet
    clock.advance(600 - since(clock.now()));
    await a.done(); // A answered at 600: it reached Meta before then
    // C's slot is 1080, but A may have arrived as late as 600: C waits until 1600.
    const [c] = await clock.run([acquire()]);
    expect([since(c.grantedAt), since(clock.now())]).toEqual([1080, 1600]);
    // D's slot is 1620; B (540) and C (1600) were never answered: they count as arriving any
    // time until their 2 s are up, so D waits for B's to end (2540) plus a second.
    const [d] = await clock.run([acquire()]);
    expect([since(d.grantedAt), since(clock.now())]).toEqual([1620, 3540]);
  });

  test.each([1, 5, 80, 1000])(
    'cap %i, two workers: a send late by the whole jitter budget still leaves every second at arrival within the cap',
    async (cap) => {
      const { jitterBudgetMs, ratePerSecond } = slotSpacing(cap);
      const workers = [0, 1].map(() => {
        const own = new Redis(REDIS_URL);
        connections.push(own);
        return new ThroughputGovernor({ redis: own, keyPrefix: PREFIX, clock });
      });
      const count = 2 * cap + 2;
      const slots: number[] = [];
      const loop = async (worker: number) => {
        while (slots.length < count) {
          const { grantedAt, done } = await workers[worker].acquire({ phoneNumberId: `pn-cap-${cap}`, capPerSecond: cap });
          await done();
          slots.push(since(grantedAt));
        }
      };
      await clock.run([0, 1, 0, 1].map(loop));
      slots.sort((a, b) => a - b);
      // Any window of 1 s + budget holds ≤ cap slots, so any delays within the budget keep it at arrival.
      expect(maxInWindow(slots, 1000 + jitterBudgetMs)).toBeLessThanOrEqual(cap);
      for (let late = 0; late <= cap; late++) {
        const arrivals = slots.map((t, k) => (k % (cap + 1) === late ? t + jitterBudgetMs : t));
        expect(maxInAnySecond(arrivals)).toBeLessThanOrEqual(cap);
      }
      const rate = ((slots.length - 1) * 1000) / (slots[slots.length - 1] - slots[0]);
      expect(rate).toBeCloseTo(ratePerSecond, 0);
      expect(rate / cap).toBeGreaterThanOrEqual(0.925);
    },
    30_000,
  );

  test('a non-positive cap is a programming error', async () => {
    await expect(governor().acquire({ phoneNumberId: 'pn-bad', capPerSecond: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});
