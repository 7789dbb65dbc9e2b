import { Client } from 'pg';
import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { until } from '../__fixtures__/engine-events-fixture';
import type { NewEngineEvent } from './engine-event.types';
import { appendEngineEvents, ENGINE_EVENTS_CHANNEL } from './engine-events.append';

// The append is a named prepared statement run on the connection of the manager it is given:
// it must stay inside the caller's transaction (rows and NOTIFY), never on a pooled connection of its own.
describe("appendEngineEvents in the caller's transaction", () => {
  let db: MigratedDatabase;
  let scope: { workspaceId: string; deliveryId: null };
  let event: (contactKey: string) => NewEngineEvent;
  let listener: Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase('db_engine_append');
    const { workspaceId, numberId } = await db.seedNumber();
    scope = { workspaceId, deliveryId: null };
    event = (contactKey) =>
      ({ kind: 'message.received', contactKey, numberId, payload: { label: contactKey } }) as unknown as NewEngineEvent;
    listener = new Client({ connectionString: (db.ds.options as { url: string }).url });
    await listener.connect();
    listener.on('notification', (n) => notifications.push(n.channel));
    await listener.query(`LISTEN ${ENGINE_EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await db.close();
  });

  const stored = async () =>
    (await db.ds.query(`SELECT contact_key, payload FROM domain_events ORDER BY id`)) as { contact_key: string; payload: unknown }[];

  it('rolls back with the transaction: no rows, no notification', async () => {
    const seenInside = await db.ds
      .transaction(async (m) => {
        await appendEngineEvents(m, scope, [event('rolled-1'), event('rolled-2')]);
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM domain_events`);
        const [{ outside }] = await db.ds.query(`SELECT count(*)::int AS outside FROM domain_events`);
        throw Object.assign(new Error('rollback'), { seen: { n, outside } });
      })
      .catch((error: { seen?: unknown }) => error.seen);
    expect(seenInside).toEqual({ n: 2, outside: 0 });
    expect(await stored()).toEqual([]);

    // A committed append afterwards notifies; had the rolled-back one notified, it would be counted too.
    await db.ds.transaction((m) => appendEngineEvents(m, scope, [event('committed')]));
    await until(() => notifications.length > 0);
    await listener.query('SELECT 1'); // any notification already sent has been delivered before this answer
    expect(notifications).toEqual([ENGINE_EVENTS_CHANNEL]);
    expect(await stored()).toEqual([{ contact_key: 'committed', payload: { label: 'committed' } }]);
  });
});
