import { createEngineEventsFixture, type EngineEventsFixture, labelOf, ManualClock, until } from '../__fixtures__/engine-events-fixture';
import type { EngineEvent } from './engine-event.types';
import { type EngineEventConsumer, type EngineEventConsumerOptions, startEngineEventConsumer } from './engine-events.consumer';

const HOUR = 3_600_000;

describe('engine event consumer', () => {
  let f: EngineEventsFixture;
  let consumer: EngineEventConsumer | undefined;

  beforeAll(async () => {
    f = await createEngineEventsFixture('db_engine_consumer');
  });
  afterEach(async () => {
    await consumer?.close();
    consumer = undefined;
  });
  afterAll(() => f.close());

  const start = async (handler: (event: EngineEvent) => Promise<void>, options: EngineEventConsumerOptions) => {
    consumer = await startEngineEventConsumer(f.ds, handler, options);
    return consumer;
  };

  it("holds a contact's later event back until its earlier one succeeds on retry, without blocking other contacts", async () => {
    const clock = new ClockedLog();
    let failures = 1;
    // The poll is an hour away: only the NOTIFY of each append's commit can start the first passes.
    const c = await start(
      async (event) => {
        if (labelOf(event) === 'a1' && failures-- > 0) throw new Error('Temporal unavailable');
        clock.handled.push(labelOf(event));
      },
      { now: clock.now, pollIntervalMs: HOUR, retry: { baseDelayMs: 1_000 } },
    );
    const a1 = await f.append('contact-a', 'a1');
    const a2 = await f.append('contact-a', 'a2');
    const b1 = await f.append('contact-b', 'b1');

    await until(async () => (await f.row(b1)).dispatched && (await f.row(a1)).attempts === 1 && !(await f.row(a1)).lease_owner);
    expect(await f.row(a1)).toMatchObject({ dispatched: false, dead: false, last_error: 'Error: Temporal unavailable' });
    await c.wake(); // a full pass with a1's retry not yet due
    expect(clock.handled).toEqual(['b1']);
    expect(await f.row(a2)).toMatchObject({ dispatched: false, attempts: 0, lease_owner: null });

    clock.advance(1_000);
    await c.wake();
    expect(clock.handled).toEqual(['b1', 'a1', 'a2']);
    expect(await f.row(a1)).toMatchObject({ dispatched: true, attempts: 2, lease_owner: null });
    expect(await f.row(a2)).toMatchObject({ dispatched: true, attempts: 1 });
  });

  it('dead-letters an event after its last attempt, keeping its error, and moves the contact on', async () => {
    const clock = new ClockedLog();
    const c = await start(
      async (event) => {
        clock.handled.push(labelOf(event));
        if (labelOf(event) === 'd1') throw new Error('journey catalog corrupt');
      },
      { now: clock.now, pollIntervalMs: HOUR, listen: false, retry: { maxAttempts: 3, baseDelayMs: 1_000 } },
    );
    const d1 = await f.append('contact-d', 'd1');
    const d2 = await f.append('contact-d', 'd2');
    await c.wake();
    clock.advance(1_000);
    await c.wake();
    expect(clock.handled).toEqual(['d1', 'd1']);
    expect(await f.row(d2)).toMatchObject({ dispatched: false, attempts: 0 });
    clock.advance(2_000);
    await c.wake();
    expect(clock.handled).toEqual(['d1', 'd1', 'd1', 'd2']);
    expect(await f.row(d1)).toMatchObject({ dispatched: false, dead: true, attempts: 3, last_error: 'Error: journey catalog corrupt' });
    expect(await f.row(d2)).toMatchObject({ dispatched: true, dead: false });
  });

  it('finds events appended without a notification on its safety poll', async () => {
    const handled: string[] = [];
    await start(async (event) => void handled.push(labelOf(event)), { pollIntervalMs: 50, listen: false });
    const [{ id }] = await f.ds.query(
      `INSERT INTO domain_events (workspace_id, contact_key, kind, payload)
       SELECT workspace_id, 'contact-p', 'message.received', '{"label":"p1"}' FROM business_numbers LIMIT 1 RETURNING id::text AS id`,
    );
    await until(async () => (await f.row(id)).dispatched);
    expect(handled).toEqual(['p1']);
  });
});

/** A manual clock with the labels handled so far. */
class ClockedLog extends ManualClock {
  readonly handled: string[] = [];
}
