import { type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { ERROR_131047, MARIA, NOW_S, PRICING_UTILITY, status, statuses, text } from '../webhooks/__fixtures__/webhooks';
import { IntakeSweeper } from './intake.sweeper';

describe('ingest: delivery statuses', () => {
  let h: IntakeHarness;
  let numberId: string;
  let workspaceId: string;
  let mariaId: string;
  let statusJourneyId: string;

  /** A published journey (version 1) with `document`; `active` makes it live. */
  async function journeyWith(document: Record<string, unknown>, status: 'active' | 'paused'): Promise<string> {
    const [{ id }] = await h.ds.query(`INSERT INTO journeys (workspace_id, name) VALUES ($1, 'statuses') RETURNING id`, [workspaceId]);
    await h.ds.query(`INSERT INTO journey_versions (workspace_id, journey_id, version, document) VALUES ($1, $2, 1, $3)`, [
      workspaceId,
      id,
      document,
    ]);
    await h.ds.query(`UPDATE journeys SET status = $2, live_version = 1 WHERE id = $1`, [id, status]);
    return id;
  }

  beforeAll(async () => {
    h = await startIntake('intake_statuses');
    numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
    await h.deliver(text(MARIA, 'wamid.maria-hello', NOW_S - 60, 'hello'));
    [{ id: mariaId }] = await h.ds.query('SELECT id FROM contacts WHERE wa_id = $1', [MARIA.waId]);
    // A live journey started by statuses: every status of the workspace reaches the engine.
    statusJourneyId = await journeyWith({ triggers: [{ id: 't', kind: 'message.status', statuses: ['read'] }], nodes: [] }, 'active');
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
    await h.deliver(
      statuses([
        { wamid: 'wamid.api-2', status: 'read', ts: NOW_S + 30 },
        { wamid: 'wamid.api-2', status: 'delivered', ts: NOW_S + 20 },
      ]),
    );
    expect((await message('wamid.api-2')).status).toBe('read');
    await h.deliver(status('wamid.api-2', 'played', NOW_S + 40));
    expect((await message('wamid.api-2')).status).toBe('played');
  });

  it('ignores a repeated status, in the same or another body', async () => {
    await sent('wamid.api-3');
    await h.deliver(status('wamid.api-3', 'delivered', NOW_S + 20));
    await h.deliver(
      statuses([
        { wamid: 'wamid.api-3', status: 'delivered', ts: NOW_S + 20 },
        { wamid: 'wamid.api-3', status: 'delivered', ts: NOW_S + 25 },
      ]),
    );
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

  describe('status deliveries applied in batches', () => {
    it('applies concurrent deliveries together, with the result of one by one', async () => {
      const wamids = ['wamid.batch-1', 'wamid.batch-2', 'wamid.batch-3'];
      for (const w of wamids) await sent(w);
      const bodies = wamids.flatMap((w, i) => [
        status(w, 'read', NOW_S + 30 + i, { pricing: PRICING_UTILITY }),
        status(w, 'sent', NOW_S + 10 + i),
        status(w, 'delivered', NOW_S + 20 + i),
      ]);
      // The same status twice in one batch, in another body, and an already applied one.
      bodies.push(statuses([{ wamid: 'wamid.batch-1', status: 'delivered', ts: NOW_S + 25 }]), status('wamid.api-1', 'read', NOW_S + 30));
      const results = await Promise.all(bodies.map((b) => h.deliver(b)));
      expect(results.map((r) => r.outcome)).toEqual(bodies.map(() => 'processed'));
      for (const w of wamids) {
        const m = await message(w);
        expect(m).toMatchObject({ status: 'read', pricing_category: 'utility' });
        expect(m.status_timeline.map((t: { status: string }) => t.status)).toEqual(['sent', 'delivered', 'read']);
      }
      const [{ n }] = await h.ds.query(`SELECT count(*)::int AS n FROM message_status_events WHERE wamid = ANY($1)`, [wamids]);
      expect(n).toBe(9);
      // A batch is one transaction: its deliveries share processed_at (now() is the transaction's start).
      const [{ batches }] = await h.ds.query(
        `SELECT count(DISTINCT processed_at)::int AS batches FROM webhook_deliveries WHERE id = ANY($1)`,
        [results.map((r) => r.deliveryId)],
      );
      expect(batches).toBeLessThan(bodies.length);
      // The live status journey hears each new status once.
      const seen = await until(() => {
        const list = h.events.flatMap((e) =>
          e.kind === 'message.status' && wamids.includes(e.payload.wamid) ? [{ ...e.payload, contactKey: e.contactKey }] : [],
        );
        return list.length === 9 ? list : undefined;
      });
      expect(
        seen
          .filter((p) => p.wamid === 'wamid.batch-2')
          .map((p) => p.status)
          .sort(),
      ).toEqual(['delivered', 'read', 'sent']);
      expect(seen.every((p) => p.contactKey === mariaId && p.messageStatus !== null)).toBe(true);
    });

    it('notes a status for an unregistered number, event by event', async () => {
      const body = status('wamid.batch-stranger', 'delivered', NOW_S + 20);
      const stranger = JSON.parse(JSON.stringify(body).replace(/"phone_number_id":"[^"]+"/, '"phone_number_id":"999000111"'));
      const { deliveryId, outcome } = await h.deliver(stranger);
      expect(outcome).toBe('processed');
      const [row] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
      expect(row.notes).toEqual([expect.objectContaining({ reason: expect.stringContaining('unroutable') })]);
    });
  });

  describe('which statuses reach the engine', () => {
    const wamidOf = (e: (typeof h.events)[number]) => ('wamid' in e.payload ? e.payload.wamid : undefined);
    const eventsOf = (wamid: string) => h.events.filter((e) => wamidOf(e) === wamid);
    /** A later message of the same contact: once its event is out, an earlier one would be too. */
    const settle = async (wamid: string) => {
      await h.deliver(text(MARIA, wamid, NOW_S, 'and another thing'));
      await until(() => h.events.find((e) => wamidOf(e) === wamid));
    };
    beforeAll(() => h.ds.query(`UPDATE journeys SET status = 'paused' WHERE id = $1`, [statusJourneyId]));
    afterAll(() => h.ds.query(`UPDATE journeys SET status = 'active' WHERE id = $1`, [statusJourneyId]));

    async function waitingRun(document: Record<string, unknown>): Promise<string> {
      const journeyId = await journeyWith(document, 'paused');
      const [{ id }] = await h.ds.query(
        `INSERT INTO journey_runs (workspace_id, journey_id, version, contact_id, number_id, trigger_kind, workflow_id, status)
         VALUES ($1, $2, 1, $3, $4, 'api', $5, 'waiting') RETURNING id`,
        [workspaceId, journeyId, mariaId, numberId, `wf-${journeyId}`],
      );
      return id;
    }
    const sentBy = (wamid: string, runId: string) =>
      h.ds.query(
        `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status, journey_run_id)
         VALUES ($1, $2, $3, $4, 'api', 'live', 'template', '{}', to_timestamp($5), 'accepted', $6)`,
        [workspaceId, numberId, mariaId, wamid, NOW_S, runId],
      );

    it('a status nothing acts on is stored on its message but makes no engine event', async () => {
      await sent('wamid.api-quiet');
      await h.deliver(status('wamid.api-quiet', 'delivered', NOW_S + 20));
      expect((await message('wamid.api-quiet')).status).toBe('delivered');
      await settle('wamid.maria-after-quiet');
      expect(eventsOf('wamid.api-quiet')).toEqual([]);
    });

    it('a status of a run that waits for statuses reaches the engine; one of a run that does not, does not', async () => {
      await sentBy(
        'wamid.api-waiter',
        await waitingRun({ triggers: [], nodes: [{ id: 'w', type: 'core.wait-for-status@1', config: { awaiting: ['read'] } }] }),
      );
      await sentBy(
        'wamid.api-other',
        await waitingRun({
          triggers: [],
          nodes: [{ id: 'x', type: 'core.wait@1', config: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } }],
        }),
      );
      await h.deliver(status('wamid.api-waiter', 'read', NOW_S + 30));
      await h.deliver(status('wamid.api-other', 'read', NOW_S + 30));
      await until(() => eventsOf('wamid.api-waiter')[0]);
      await settle('wamid.maria-after-waiter');
      expect(eventsOf('wamid.api-other')).toEqual([]);
    });

    it('finds the waiting run by the outbox key in the status when the message is not stored yet', async () => {
      const runId = await waitingRun({
        triggers: [],
        nodes: [{ id: 'w', type: 'core.wait-for-status@1', config: { awaiting: ['delivered'] } }],
      });
      await h.deliver(status('wamid.api-unstored', 'delivered', NOW_S + 20, { callback: `${runId}:1:0` }));
      const [event] = await until(() => (eventsOf('wamid.api-unstored').length ? eventsOf('wamid.api-unstored') : undefined));
      expect(event.payload).toMatchObject({ messageId: null, bizOpaqueCallbackData: `${runId}:1:0` });
    });
  });
});
