import { NumberHealthService } from '../numbers/number-health.service';
import { type IntakeHarness, startIntake } from '../webhooks/__fixtures__/intake-harness';
import { accountUpdate, envelope, NOW_S, templateStatus } from '../webhooks/__fixtures__/webhooks';

const templateUpdate = (field: string, value: Record<string, unknown>, time: number) =>
  envelope(
    field,
    { message_template_id: 1702873366051204, message_template_name: 'summer_sale_2026', message_template_language: 'es', ...value },
    { time },
  );

describe('ingest: alerts and template quality/category', () => {
  let h: IntakeHarness;
  let numberId: string;
  let workspaceId: string;

  beforeAll(async () => {
    h = await startIntake('intake_alerts');
    numberId = await h.seedNumber();
    [{ workspace_id: workspaceId }] = await h.ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
  });
  afterAll(() => h.close());

  const alerts = (kind: string) =>
    h.ds.query('SELECT title, body, severity, raise_count, resolved_at, data FROM alerts WHERE kind = $1 ORDER BY raised_at', [kind]);
  const template = async () => (await h.ds.query(`SELECT * FROM templates WHERE name = 'summer_sale_2026'`))[0];

  it('alerts once when a number is removed, resolves when it reconnects, and reopens (not re-raises) on a flap', async () => {
    await h.deliver(accountUpdate('PARTNER_REMOVED', NOW_S + 100, { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }));
    await h.deliver(accountUpdate('PARTNER_REMOVED', NOW_S + 110, { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' }));
    const [raised] = await alerts('number.disconnected');
    expect(raised).toMatchObject({ severity: 'critical', raise_count: 1, resolved_at: null, data: { numberId, event: 'PARTNER_REMOVED' } });
    expect(raised.title).toBe('Number +15557012244 disconnected');
    expect(raised.body).toContain('PRIMARY_INACTIVITY, initiated by system');
    await h.deliver(accountUpdate('ACCOUNT_RECONNECTED', NOW_S + 200));
    expect((await alerts('number.disconnected'))[0].resolved_at).not.toBeNull();
    await h.deliver(accountUpdate('PARTNER_REMOVED', NOW_S + 300));
    expect(await alerts('number.disconnected')).toMatchObject([{ raise_count: 2, resolved_at: null }]);
  });

  it('alerts on ACCOUNT_OFFBOARDED as its own kind', async () => {
    await h.deliver(accountUpdate('ACCOUNT_OFFBOARDED', NOW_S + 400));
    expect(await alerts('number.offboarded')).toMatchObject([{ title: 'Number +15557012244 offboarded' }]);
  });

  it('alerts when a template used by a journey is paused, naming the journey, and resolves when approved again', async () => {
    await h.deliver(templateStatus('APPROVED', 'summer_sale_2026', 'es', NOW_S, { message_template_category: 'MARKETING' }));
    const node = { id: 'n1', type: 'core.send-template@1', config: { name: 'summer_sale_2026', language: 'es' }, position: { x: 0, y: 0 } };
    await h.ds.query(`INSERT INTO journeys (workspace_id, name, status, draft) VALUES ($1, 'Summer promo', 'draft', $2)`, [
      workspaceId,
      { nodes: [node], edges: [] },
    ]);
    await h.deliver(
      templateStatus('PAUSED', 'summer_sale_2026', 'es', NOW_S + 3600, {
        other_info: { title: 'FIRST_PAUSE', description: 'paused for 3 hours' },
      }),
    );
    const [paused] = await alerts('template.paused');
    expect(paused).toMatchObject({ severity: 'warning', title: 'Template summer_sale_2026 (es) paused', resolved_at: null });
    expect(paused.body).toContain('"Summer promo"');
    expect(paused.body).toContain('paused for 3 hours');
    await h.deliver(templateStatus('REINSTATED', 'summer_sale_2026', 'es', NOW_S + 7200));
    expect((await alerts('template.paused'))[0].resolved_at).not.toBeNull();
    await h.deliver(templateStatus('DISABLED', 'summer_sale_2026', 'es', NOW_S + 9000));
    expect(await alerts('template.disabled')).toMatchObject([{ severity: 'critical' }]);
  });

  it('stores quality and category updates on the template instead of as unknown', async () => {
    const quality = await h.deliver(
      templateUpdate('message_template_quality_update', { previous_quality_score: 'GREEN', new_quality_score: 'YELLOW' }, NOW_S + 500),
    );
    await h.deliver(templateUpdate('message_template_quality_update', { new_quality_score: 'GREEN' }, NOW_S + 400));
    await h.deliver(templateUpdate('template_category_update', { previous_category: 'MARKETING', new_category: 'UTILITY' }, NOW_S + 600));
    expect(await template()).toMatchObject({ quality_score: 'YELLOW', category: 'UTILITY', previous_category: 'MARKETING' });
    const [delivery] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [quality.deliveryId]);
    expect(delivery.notes ?? []).toEqual([]);
    await h.deliver(templateUpdate('template_category_update', { correct_category: 'MARKETING' }, NOW_S + 700));
    expect(await template()).toMatchObject({ category: 'UTILITY', status_info: { announcedCategory: { category: 'MARKETING' } } });
  });

  it('notes an update for a template it does not have', async () => {
    const { deliveryId } = await h.deliver(
      envelope(
        'message_template_quality_update',
        { message_template_id: 9, message_template_name: 'ghost', message_template_language: 'en', new_quality_score: 'RED' },
        { time: NOW_S },
      ),
    );
    const [delivery] = await h.ds.query('SELECT notes FROM webhook_deliveries WHERE id = $1', [deliveryId]);
    expect(delivery.notes[0].reason).toContain('not stored yet');
    expect(await h.ds.query(`SELECT id FROM templates WHERE name = 'ghost'`)).toEqual([]);
  });

  it('raises the health alerts from the scheduled check: sync deadline near, app not opened for 12 days', async () => {
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const fresh = await h.seedNumber({
      phone_number_id: '200000000000001',
      display_phone_number: '15550000001',
      onboarded_at: hoursAgo(20),
    });
    const synced = await h.seedNumber({
      phone_number_id: '200000000000002',
      display_phone_number: '15550000002',
      onboarded_at: hoursAgo(20),
      contact_sync_at: hoursAgo(19),
    });
    const idle = await h.seedNumber({
      phone_number_id: '200000000000003',
      display_phone_number: '15550000003',
      onboarded_at: hoursAgo(24 * 30),
      last_echo_at: hoursAgo(24 * 13),
      last_webhook_at: now,
    });
    const health = h.app.get(NumberHealthService);
    await health.checkAll(now);
    await health.checkAll(now);
    const subjects = async (kind: string) =>
      (await h.ds.query('SELECT subject, title, raise_count FROM alerts WHERE kind = $1 AND resolved_at IS NULL', [kind])) as {
        subject: string;
        title: string;
        raise_count: number;
      }[];
    expect(await subjects('number.sync_deadline')).toEqual([
      { subject: `number:${fresh}`, title: 'Request the history sync of +15550000001 within 4 h', raise_count: 2 },
    ]);
    expect((await subjects('number.sync_deadline')).map((a) => a.subject)).not.toContain(`number:${synced}`);
    expect(await subjects('number.app_inactive')).toEqual([
      expect.objectContaining({ subject: `number:${idle}`, title: 'Open the WhatsApp Business app of +15550000003' }),
    ]);
    await h.ds.query('UPDATE business_numbers SET last_echo_at = now() WHERE id = $1', [idle]);
    await health.checkAll(new Date());
    expect(await subjects('number.app_inactive')).toEqual([]);
  });
});
