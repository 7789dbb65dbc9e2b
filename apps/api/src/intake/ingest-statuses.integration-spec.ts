import { type IntakeHarness, startIntake, until } from './__fixtures__/intake-harness';
import { ERROR_131047, MARIA, NOW_S, PRICING_UTILITY, status, statuses, text } from './__fixtures__/webhooks';
import { IntakeSweeper } from './intake.sweeper';

describe('ingest: delivery statuses', () => {
  let h: IntakeHarness;
  let numberId: string;
  let workspaceId: string;
  let mariaId: string;

  beforeAll(async () => {
    h = await startIntake('intake_statuses');
    numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
    await h.deliver(text(MARIA, 'wamid.maria-hello', NOW_S - 60, 'hello'));
    [{ id: mariaId }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [MARIA.waId]);
  });
  afterAll(() => h.close());

  /** What the engine does after a send: an `api` message in state accepted. */
  const sent = (wamid: string) =>
    h.ds.query(
      `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
       VALUES ($1, $2, $3, $4, 'api', 'live', 'template', '{}', to_timestamp($5), 'accepted')`,
      [workspaceId, numberId, mariaId, wamid, NOW_S],
    );
  const message = async (wamid: string) => (await h.ds.query('SELECT * FROM messages WHERE wamid = $1', [wamid]))[0];

  it('never moves a status backwards, whatever the arrival order', async () => {
    await sent('wamid.api-1');
    await h.deliver(status('wamid.api-1', 'read', NOW_S + 30));
    await h.deliver(status('wamid.api-1', 'sent', NOW_S + 10, { pricing: PRICING_UTILITY, callback: 'run=r1;node=n1' }));
    expect((await message('wamid.api-1')).status).toBe('read');
    await h.deliver(status('wamid.api-1', 'delivered', NOW_S + 20));
    const m = await message('wamid.api-1');
    expect(m).toMatchObject({ status: 'read', pricing_category: 'utility', pricing_type: 'regular' });
    expect(m.status_timeline.map((t: { status: string }) => t.status)).toEqual(['sent', 'delivered', 'read']);
    const seen = await until(() => {
      const list = h.events.filter((e) => e.kind === 'message.status' && e.payload.wamid === 'wamid.api-1');
      return list.length === 3 ? list : undefined;
    });
    expect(seen.map((e) => e.payload)).toEqual([
      expect.objectContaining({ status: 'read', messageStatus: 'read', contactId: mariaId }),
      expect.objectContaining({ status: 'sent', messageStatus: 'read', bizOpaqueCallbackData: 'run=r1;node=n1' }),
      expect.objectContaining({ status: 'delivered', messageStatus: 'read' }),
    ]);
  });

  it('folds out-of-order statuses within one batch and moves on to played', async () => {
    await sent('wamid.api-2');
    await h.deliver(statuses([
      { wamid: 'wamid.api-2', status: 'read', ts: NOW_S + 30 },
      { wamid: 'wamid.api-2', status: 'delivered', ts: NOW_S + 20 },
    ]));
    expect((await message('wamid.api-2')).status).toBe('read');
    await h.deliver(status('wamid.api-2', 'played', NOW_S + 40));
    expect((await message('wamid.api-2')).status).toBe('played');
  });

  it('ignores a repeated status, in the same or another body', async () => {
    await sent('wamid.api-3');
    await h.deliver(status('wamid.api-3', 'delivered', NOW_S + 20));
    await h.deliver(statuses([{ wamid: 'wamid.api-3', status: 'delivered', ts: NOW_S + 20 }, { wamid: 'wamid.api-3', status: 'delivered', ts: NOW_S + 25 }]));
    const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM message_status_events WHERE wamid = 'wamid.api-3'`);
    expect(n).toBe(1);
    expect((await message('wamid.api-3')).status_timeline).toHaveLength(1);
  });

  it('keeps failed terminal and stores the error code and title', async () => {
    await sent('wamid.api-4');
    await h.deliver(status('wamid.api-4', 'failed', NOW_S + 15, { errors: [ERROR_131047] }));
    await h.deliver(status('wamid.api-4', 'delivered', NOW_S + 20));
    expect(await message('wamid.api-4')).toMatchObject({ status: 'failed', error_code: 131047, error_title: 'Re-engagement message' });
    const event = await until(() => h.events.find((e) => e.kind === 'message.status' && e.payload.wamid === 'wamid.api-4'));
    expect(event.payload).toMatchObject({ status: 'failed', errors: [{ code: 131047, title: 'Re-engagement message' }] });
  });

  it('keeps a status for an unknown wamid and applies it once the message exists', async () => {
    const { outcome } = await h.deliver(status('wamid.api-late', 'delivered', NOW_S + 20));
    expect(outcome).toBe('processed');
    const [orphan] = await h.ds.query(`SELECT applied_at FROM message_status_events WHERE wamid = 'wamid.api-late'`);
    expect(orphan.applied_at).toBeNull();
    const event = await until(() => h.events.find((e) => e.kind === 'message.status' && e.payload.wamid === 'wamid.api-late'));
    expect(event).toMatchObject({ contactKey: mariaId, payload: { messageId: null, messageStatus: null, contactId: mariaId } });
    await sent('wamid.api-late');
    const report = await h.app.get(IntakeSweeper).sweep();
    expect(report.reconciled).toBe(1);
    expect((await message('wamid.api-late')).status).toBe('delivered');
  });
});
