import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { Message } from '../entities/message.entity';
import { recomputeMessageStatuses } from './message-status.util';

describe('recomputeMessageStatuses', () => {
  let db: MigratedDatabase;
  let ws: string;
  let num: string;
  let contactId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('db_message_status');
    ({ workspaceId: ws, numberId: num } = await db.seedNumber());
    [{ id: contactId }] = await db.ds.query(
      `INSERT INTO contacts (workspace_id, number_id, wa_id) VALUES ($1, $2, '15551234567') RETURNING id`,
      [ws, num],
    );
  });
  afterAll(() => db.close());

  const sentMessage = (wamid: string) =>
    db.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
       VALUES ($1, $2, $3, $4, 'api', 'live', 'template', '{}', now(), 'accepted')`,
      [ws, num, contactId, wamid],
    );
  const status = (wamid: string, s: string, atSeconds: number, extra: Record<string, unknown> = {}) =>
    db.ds.query(
      `INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at, error_code, error_title, pricing_category, pricing_type)
       VALUES ($1, $2, $3, $4, to_timestamp($5), $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [ws, num, wamid, s, atSeconds, extra.code ?? null, extra.title ?? null, extra.category ?? null, extra.type ?? null],
    );
  const load = (wamid: string) => db.ds.getRepository(Message).findOneByOrFail({ numberId: num, wamid });

  it('never moves backwards whatever the arrival order', async () => {
    await sentMessage('wamid.out-of-order');
    await status('wamid.out-of-order', 'read', 1781000030);
    await recomputeMessageStatuses(db.ds.manager, num, ['wamid.out-of-order']);
    await status('wamid.out-of-order', 'sent', 1781000010, { category: 'utility', type: 'regular' });
    await status('wamid.out-of-order', 'delivered', 1781000020);
    const [row] = await recomputeMessageStatuses(db.ds.manager, num, ['wamid.out-of-order']);
    expect(row).toMatchObject({ status: 'read', contactId });
    const message = await load('wamid.out-of-order');
    expect(message.status).toBe('read');
    expect(message.statusTimeline.map((t) => t.status)).toEqual(['sent', 'delivered', 'read']);
    expect(message.statusTimeline[0].at).toBe('2026-06-09T10:13:30.000Z');
    expect(message).toMatchObject({ pricingCategory: 'utility', pricingType: 'regular' });
  });

  it('keeps failed as terminal and records its error', async () => {
    await sentMessage('wamid.failed');
    await status('wamid.failed', 'failed', 1781000010, { code: 131047, title: 'Re-engagement message' });
    await status('wamid.failed', 'delivered', 1781000020);
    await recomputeMessageStatuses(db.ds.manager, num, ['wamid.failed']);
    expect(await load('wamid.failed')).toMatchObject({ status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message' });
  });

  it('parks statuses of an unknown wamid and applies them when the message appears', async () => {
    await status('wamid.late', 'delivered', 1781000020);
    expect(await recomputeMessageStatuses(db.ds.manager, num, ['wamid.late'])).toEqual([]);
    const [orphan] = await db.ds.query(`SELECT applied_at FROM message_status_events WHERE wamid = 'wamid.late'`);
    expect(orphan.applied_at).toBeNull();
    await sentMessage('wamid.late');
    await recomputeMessageStatuses(db.ds.manager, num, ['wamid.late']);
    expect((await load('wamid.late')).status).toBe('delivered');
    const [applied] = await db.ds.query(`SELECT applied_at FROM message_status_events WHERE wamid = 'wamid.late'`);
    expect(applied.applied_at).toBeInstanceOf(Date);
  });

  it('leaves a message without statuses as it was', async () => {
    await sentMessage('wamid.quiet');
    expect(await recomputeMessageStatuses(db.ds.manager, num, ['wamid.quiet'])).toEqual([]);
    expect((await load('wamid.quiet')).status).toBe('accepted');
  });
});
