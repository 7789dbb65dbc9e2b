import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import type { EngineEvent } from './engine-event.types';
import { type EngineEventsSubscription, type EngineEventsTransport, subscribeEngineEvents } from './engine-events.queue';
import { EngineEventsRelay } from './engine-events.relay';

const transport: EngineEventsTransport = {
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  prefix: `test-db-events-${randomUUID().slice(0, 8)}`,
  partitions: 3,
};

async function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('engine events relay and subscription', () => {
  let db: MigratedDatabase;
  let relay: EngineEventsRelay;
  let sub: EngineEventsSubscription;
  let ws: string;
  let num: string;
  const received: EngineEvent[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase('db_engine_events');
    ({ workspaceId: ws, numberId: num } = await db.seedNumber());
    relay = new EngineEventsRelay(db.ds, transport);
    sub = await subscribeEngineEvents(
      async (event) => {
        // A slow handler must not let a later event of the same contact overtake it.
        await new Promise((r) => setTimeout(r, event.contactKey === 'contact-a' ? 15 : 1));
        received.push(event);
      },
      { transport },
    );
  });
  afterAll(async () => {
    await sub.close();
    await relay.close();
    await db.close();
    const redis = new IORedis(transport.redisUrl);
    const keys = await redis.keys(`${transport.prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const append = (contactKey: string, n: number) =>
    db.ds.query(
      `INSERT INTO domain_events (workspace_id, number_id, contact_key, kind, payload)
       VALUES ($1, $2, $3, 'message.received', jsonb_build_object('n', $4::int)) RETURNING id::text AS id`,
      [ws, num, contactKey, n],
    );

  it('delivers every event once, in id order per contact, with its payload', async () => {
    for (let n = 0; n < 10; n++) {
      await append('contact-a', n);
      await append('contact-b', n);
      await append(`contact-${n}`, n);
    }
    const [first, second] = await Promise.all([relay.publishPending(), relay.publishPending()]);
    expect(first).toBe(30);
    expect(second).toBe(30);
    await until(() => received.length === 30);
    for (const key of ['contact-a', 'contact-b']) {
      const ids = received.filter((e) => e.contactKey === key).map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(ids).toHaveLength(10);
    }
    expect(received[0]).toMatchObject({ kind: 'message.received', workspaceId: ws, numberId: num, deliveryId: null });
    const [{ unpublished }] = await db.ds.query(`SELECT count(*)::int AS unpublished FROM domain_events WHERE published_at IS NULL`);
    expect(unpublished).toBe(0);
  });

  it('does not deliver an event twice when a crash left it unstamped', async () => {
    await db.ds.query(`UPDATE domain_events SET published_at = NULL WHERE contact_key = 'contact-b'`);
    expect(await relay.publishPending()).toBe(10);
    await append('contact-b', 99);
    await relay.publishPending();
    await until(() => received.length === 31);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(31);
    expect(received[30].payload).toEqual({ n: 99 });
  });
});
