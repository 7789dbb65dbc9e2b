import { createEngineEventsFixture, type EngineEventsFixture, labelOf, ManualClock, until } from '../__fixtures__/engine-events-fixture';
import type { EngineEvent } from './engine-event.types';
import { type EngineEventConsumer, startEngineEventConsumer } from './engine-events.consumer';

const HOUR = 3_600_000;

describe('engine event consumers on several worker replicas', () => {
  let f: EngineEventsFixture;
  const consumers: EngineEventConsumer[] = [];

  beforeAll(async () => {
    f = await createEngineEventsFixture('db_engine_replicas');
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.close()));
  });
  afterAll(() => f.close());

  it('spreads events over two consumers, each event handled once, each contact in order', async () => {
    // Every handler start and end, in one process-wide order.
    const log: { consumer: string; label: string; phase: 'start' | 'end' }[] = [];
    const handler = (consumer: string) => async (event: EngineEvent) => {
      log.push({ consumer, label: labelOf(event), phase: 'start' });
      await new Promise((r) => setTimeout(r, 2));
      log.push({ consumer, label: labelOf(event), phase: 'end' });
    };
    for (const name of ['worker-1', 'worker-2']) {
      consumers.push(await startEngineEventConsumer(f.ds, handler(name), { consumerId: name, concurrency: 2, pollIntervalMs: HOUR }));
    }
    const ids: string[] = [];
    for (let n = 1; n <= 5; n++) for (let k = 1; k <= 8; k++) ids.push(await f.append(`contact-${k}`, `${k}/${n}`));

    await until(async () => {
      const [{ pending }] = await f.ds.query('SELECT count(*)::int AS pending FROM domain_events WHERE dispatched_at IS NULL');
      return pending === 0;
    });
    const starts = log.filter((e) => e.phase === 'start');
    expect(starts.map((e) => e.label).sort()).toEqual(ids.map((_, i) => `${(i % 8) + 1}/${Math.floor(i / 8) + 1}`).sort());
    expect(new Set(starts.map((e) => e.consumer))).toEqual(new Set(['worker-1', 'worker-2']));
    for (let k = 1; k <= 8; k++) {
      // A contact's events never overlap, even across consumers: each starts after the previous one ended.
      const own = log.filter((e) => e.label.startsWith(`${k}/`)).map((e) => `${e.phase} ${e.label}`);
      expect(own).toEqual([1, 2, 3, 4, 5].flatMap((n) => [`start ${k}/${n}`, `end ${k}/${n}`]));
    }
  });

  it("takes over a crashed consumer's event once its lease expires, and holds the contact's next event until then", async () => {
    const clock = new ManualClock();
    const handled: string[] = [];
    let unfreeze!: () => void;
    const frozen = new Promise<void>((r) => (unfreeze = r));
    const options = { now: clock.now, pollIntervalMs: HOUR, listen: false, leaseMs: 30_000 };
    // worker-1 claims the event and then hangs, as a process that stopped mid-handler would.
    const lateFailure = () => frozen.then(() => Promise.reject(new Error('late failure')));
    const crashed = await startEngineEventConsumer(f.ds, lateFailure, { ...options, consumerId: 'worker-1' });
    consumers.push(crashed);
    const c1 = await f.append('contact-c', 'c1');
    const c2 = await f.append('contact-c', 'c2');
    void crashed.wake();
    await until(async () => (await f.row(c1)).lease_owner === 'worker-1');

    const survivor = await startEngineEventConsumer(f.ds, async (event) => void handled.push(labelOf(event)), {
      ...options,
      consumerId: 'worker-2',
    });
    consumers.push(survivor);
    await survivor.wake();
    expect(handled).toEqual([]);
    expect(await f.row(c2)).toMatchObject({ dispatched: false, lease_owner: null });

    clock.advance(30_000);
    await survivor.wake();
    expect(handled).toEqual(['c1', 'c2']);
    expect(await f.row(c1)).toMatchObject({ dispatched: true, attempts: 2, lease_owner: null });
    expect(await f.row(c2)).toMatchObject({ dispatched: true, attempts: 1 });

    // The stalled handler finally fails: its outcome no longer counts, the row stays as worker-2 left it.
    unfreeze();
    await crashed.close();
    expect(await f.row(c1)).toMatchObject({ dispatched: true, attempts: 2, lease_owner: null, last_error: null });
  });
});
