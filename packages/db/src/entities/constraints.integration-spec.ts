import { createMigratedDatabase, pgErrorCode, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { BusinessNumber } from './business-number.entity';
import { Contact } from './contact.entity';

const UNIQUE = '23505';
const CHECK = '23514';

describe('schema constraints', () => {
  let db: MigratedDatabase;
  let ws: string;
  let num: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('db_constraints');
    ({ workspaceId: ws, numberId: num } = await db.seedNumber('108932450377265'));
  });
  afterAll(() => db.close());

  const q = (sql: string, params: unknown[] = []) => db.ds.query(sql, params);

  it('defaults a new number to connected with no history sync', async () => {
    const number = await db.ds.getRepository(BusinessNumber).findOneByOrFail({ id: num });
    expect(number).toMatchObject({ connectionState: 'connected', historySync: { status: 'none' }, mode: 'coexistence' });
  });

  it('refuses a phone_number_id registered twice', async () => {
    expect(await pgErrorCode(db.seedNumber('108932450377265'))).toBe(UNIQUE);
  });

  it('keeps one contact per wa_id and per user_id on a number, and requires one of them', async () => {
    const insert = (waId: string | null, userId: string | null) =>
      q(`INSERT INTO contacts (workspace_id, number_id, wa_id, user_id) VALUES ($1, $2, $3, $4)`, [ws, num, waId, userId]);
    await insert('15551234567', null);
    await insert(null, 'US.1');
    expect(await pgErrorCode(insert('15551234567', null))).toBe(UNIQUE);
    expect(await pgErrorCode(insert(null, 'US.1'))).toBe(UNIQUE);
    expect(await pgErrorCode(insert(null, null))).toBe(CHECK);
    const other = await db.seedNumber();
    await expect(
      q(`INSERT INTO contacts (workspace_id, number_id, wa_id) VALUES ($1, $2, '15551234567')`, [other.workspaceId, other.numberId]),
    ).resolves.toBeDefined();
    const contact = await db.ds.getRepository(Contact).findOneByOrFail({ numberId: num, waId: '15551234567' });
    expect(contact).toMatchObject({ tags: [], attributes: {}, optedOut: false, humanOwned: false, windowOpenUntil: null });
  });

  it('keeps wamids unique per number, statuses unique per (wamid, status)', async () => {
    const [c] = await q(`SELECT id FROM contacts WHERE number_id = $1 AND wa_id = '15551234567'`, [num]);
    const message = () =>
      q(
        `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp)
         VALUES ($1, $2, $3, 'wamid.A', 'inbound', 'live', 'text', '{}', now())`,
        [ws, num, c.id],
      );
    await message();
    expect(await pgErrorCode(message())).toBe(UNIQUE);
    const status = (s: string) =>
      q(`INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at) VALUES ($1, $2, 'wamid.A', $3, now())`, [
        ws,
        num,
        s,
      ]);
    await status('sent');
    await status('read');
    expect(await pgErrorCode(status('sent'))).toBe(UNIQUE);
    expect(await pgErrorCode(status('seen'))).toBe(CHECK);
  });

  it('keeps templates unique per (waba, name, language)', async () => {
    const tpl = (lang: string) =>
      q(`INSERT INTO templates (workspace_id, waba_id, name, language, status) VALUES ($1, 'waba-1', 'order_shipped', $2, 'APPROVED')`, [
        ws,
        lang,
      ]);
    await tpl('en_US');
    await tpl('es');
    expect(await pgErrorCode(tpl('en_US'))).toBe(UNIQUE);
  });

  it('recognises an exact redelivery by body hash and dedups ledger keys per workspace', async () => {
    const delivery = () =>
      q(`INSERT INTO webhook_deliveries (body, body_sha256, signature) VALUES ('\\x7b7d', 'abc', 'sha256=x') RETURNING id`);
    const [d] = await delivery();
    expect(await pgErrorCode(delivery())).toBe(UNIQUE);
    const ledger = () =>
      q(`INSERT INTO processed_events (workspace_id, dedup_key, kind, delivery_id) VALUES ($1, 'wamid.A', 'message.received', $2)`, [
        ws,
        d.id,
      ]);
    await ledger();
    expect(await pgErrorCode(ledger())).toBe(UNIQUE);
  });

  it('makes journey versions unique and immutable, run workflow ids and send keys unique', async () => {
    const [j] = await q(`INSERT INTO journeys (workspace_id, name) VALUES ($1, 'Welcome') RETURNING id`, [ws]);
    const version = () =>
      q(`INSERT INTO journey_versions (workspace_id, journey_id, version, document) VALUES ($1, $2, 1, '{}')`, [ws, j.id]);
    await version();
    expect(await pgErrorCode(version())).toBe(UNIQUE);
    expect(await pgErrorCode(q(`UPDATE journey_versions SET notes = 'edited' WHERE journey_id = $1`, [j.id]))).toBe('P0001');
    const [c] = await q(`SELECT id FROM contacts WHERE number_id = $1 LIMIT 1`, [num]);
    const run = () =>
      q(
        `INSERT INTO journey_runs (workspace_id, journey_id, version, contact_id, number_id, trigger_kind, workflow_id)
         VALUES ($1, $2, 1, $3, $4, 'message.received', 'journey-x-contact-y') RETURNING id`,
        [ws, j.id, c.id, num],
      );
    const [r] = await run();
    expect(await pgErrorCode(run())).toBe(UNIQUE);
    const send = () =>
      q(
        `INSERT INTO outbox_sends (workspace_id, idempotency_key, number_id, contact_id, run_id, node_id, payload)
         VALUES ($1, $2, $3, $4, $5, 'n1', '{}')`,
        [ws, `${r.id}:n1:0`, num, c.id, r.id],
      );
    await send();
    expect(await pgErrorCode(send())).toBe(UNIQUE);
  });
});
