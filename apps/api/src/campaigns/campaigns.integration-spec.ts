import { Client, Connection } from '@temporalio/client';
import { journeyBuilder } from '@tandem/journey-model';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { seedContact, seedTemplate, seedTenant } from '../journeys/__fixtures__/engine-rows';

jest.setTimeout(30_000);

describe('campaigns REST: segment counting, start, progress', () => {
  let h: EngineApiHarness;
  let tenant: Awaited<ReturnType<typeof seedTenant>>;
  let journeyId: string;
  let temporal: Client;
  let connection: Connection;
  const started: string[] = [];

  beforeAll(async () => {
    h = await startEngineApi('api_campaigns');
    tenant = await seedTenant(h);
    await seedTemplate(h, tenant, 'summer_sale');
    const contacts: [string[], Record<string, unknown>][] = [
      [['vip', 'newsletter'], { plan: 'pro', orders: 12 }],
      [['VIP'], { plan: 'Pro', orders: 3 }],
      [['newsletter'], { plan: 'free', orders: 40 }],
      [['vip', 'churned'], { plan: 'pro', orders: 7 }],
      [[], {}],
    ];
    for (const [i, [tags, attributes]] of contacts.entries()) await seedContact(h, tenant, { wa_id: `1555000000${i}`, tags, attributes });
    const doc = journeyBuilder()
      .trigger({ kind: 'campaign', segment: {} })
      .node('promo', 'core.send-template@1', { name: 'summer_sale', language: 'en_US' })
      .settings({ numberId: tenant.numberId })
      .build();
    journeyId = (await h.post('/api/journeys', { name: 'Summer sale', document: doc }).expect(201)).body.id;
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
    temporal = new Client({ connection });
  });
  afterAll(async () => {
    for (const id of started)
      await temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => undefined);
    await connection.close();
    await h.close();
  });

  it('refuses a journey that is not active', async () => {
    const res = await h.post('/api/campaigns', { journeyId, segment: {} });
    expect(res.status).toBe(409);
    expect(await h.ds.query('SELECT id FROM campaigns')).toEqual([]);
  });

  it('counts the segment (tags case-insensitive, attribute rules) and starts campaign:<id> on the task queue', async () => {
    await h.post(`/api/journeys/${journeyId}/publish`).expect(200);
    const segment = {
      tags: { all: ['vip'], none: ['churned'] },
      conditions: { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'eq', value: 'pro' }] },
    };
    const res = await h.post('/api/campaigns', { journeyId, numberId: tenant.numberId, segment, name: 'VIP pros' }).expect(201);
    expect(res.body).toMatchObject({
      journeyId,
      journeyName: 'Summer sale',
      version: 1,
      numberId: tenant.numberId,
      name: 'VIP pros',
      total: 2,
      started: 0,
      sent: 0,
      capPerSec: 20,
      ratePerSec: 0,
      etaSeconds: null,
      workflowId: `campaign:${res.body.id}`,
    });
    started.push(res.body.workflowId);
    const described = await temporal.workflow.getHandle(res.body.workflowId).describe();
    expect(described).toMatchObject({ type: 'campaignWorkflow', taskQueue: h.prefix, status: { name: 'RUNNING' } });
    const orders = { conditions: { combinator: 'any', rules: [{ field: 'contact.attributes.orders', op: 'gte', value: 10 }] } };
    const second = await h.post('/api/campaigns', { journeyId, segment: orders }).expect(201);
    started.push(second.body.workflowId);
    expect(second.body.total).toBe(2);
    expect((await h.get(`/api/campaigns?journeyId=${journeyId}`).expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([
      second.body.id,
      res.body.id,
    ]);
  });

  it('refuses bad segments and a number other than the journey’s', async () => {
    expect((await h.post('/api/campaigns', { journeyId, segment: { tags: { some: ['x'] } } })).status).toBe(400);
    expect((await h.post('/api/campaigns', { journeyId, segment: {}, numberId: '0f1e7a52-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await h.get('/api/campaigns/0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('reports progress from the runs, their messages and the number’s recent sends', async () => {
    const campaign = await h.insert('campaigns', {
      workspace_id: tenant.workspaceId,
      journey_id: journeyId,
      version: 1,
      segment: {},
      status: 'running',
      total: 10,
    });
    const contacts: { id: string }[] = await h.ds.query('SELECT id FROM contacts ORDER BY wa_id LIMIT 4');
    const statuses = ['completed', 'failed', 'waiting', 'running'];
    for (const [i, contact] of contacts.entries()) {
      const run = await h.insert('journey_runs', {
        workspace_id: tenant.workspaceId,
        journey_id: journeyId,
        version: 1,
        contact_id: contact.id,
        number_id: tenant.numberId,
        trigger_kind: 'campaign',
        workflow_id: `wf-progress-${i}`,
        status: statuses[i],
        campaign_id: campaign.id,
      });
      if (i === 3) continue;
      await h.insert('messages', {
        workspace_id: tenant.workspaceId,
        number_id: tenant.numberId,
        contact_id: contact.id,
        wamid: `wamid.c-${i}`,
        direction: 'api',
        source: 'live',
        type: 'template',
        payload: {},
        meta_timestamp: new Date(),
        journey_run_id: run.id,
        journey_node_id: 'promo',
      });
      await h.insert('outbox_sends', {
        workspace_id: tenant.workspaceId,
        idempotency_key: `k-${i}`,
        number_id: tenant.numberId,
        contact_id: contact.id,
        run_id: run.id,
        payload: {},
        state: 'accepted',
        wamid: `wamid.c-${i}`,
        sent_at: new Date(),
      });
    }
    const held = await h.insert('contacts', { workspace_id: tenant.workspaceId, number_id: tenant.numberId, wa_id: '15559990123' });
    await h.insert('campaign_skips', { campaign_id: campaign.id, contact_id: held.id, reason: 'held_by_meta_limit' });
    const res = await h.get(`/api/campaigns/${campaign.id}`).expect(200);
    // 3 accepted sends in the 5 s window → 0.6/s; 6 contacts still to reach (one skipped) → 10 s.
    expect(res.body).toMatchObject({
      total: 10,
      started: 4,
      sent: 3,
      completed: 1,
      failed: 1,
      skipped: { optedOut: 0, marketingOptedOut: 0, heldByMetaLimit: 1, humanOwned: 0, reEntry: 0 },
      ratePerSec: 0.6,
      capPerSec: 20,
      etaSeconds: 10,
      status: 'running',
    });
  });

  it('cancels a campaign: audited, its workflow asked to stop; an ended one cannot be cancelled', async () => {
    const res = await h.post('/api/campaigns', { journeyId, segment: {}, name: 'To stop' }).expect(201);
    started.push(res.body.workflowId);
    await h.post(`/api/campaigns/${res.body.id}/cancel`).expect(200);
    const history = await temporal.workflow.getHandle(res.body.workflowId).fetchHistory();
    expect(history.events?.some((e) => e.workflowExecutionCancelRequestedEventAttributes)).toBe(true);
    const audit = await h.ds.query(`SELECT actor_label, action, target_id, before FROM audit_log WHERE action = 'campaign.cancelled'`);
    expect(audit).toEqual([
      {
        actor_label: 'harness-admin@test.tandem',
        action: 'campaign.cancelled',
        target_id: res.body.id,
        before: expect.objectContaining({ status: 'draft' }),
      },
    ]);
    await h.ds.query(`UPDATE campaigns SET status = 'completed' WHERE id = $1`, [res.body.id]);
    expect((await h.post(`/api/campaigns/${res.body.id}/cancel`)).status).toBe(409);
    expect(await h.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'campaign.cancelled'`)).toEqual([{ n: 1 }]);
    expect((await h.post('/api/campaigns/0f1e7a52-0000-4000-8000-000000000000/cancel')).status).toBe(404);
  });

  it('marks a campaign cancelled at once when its workflow never started', async () => {
    const campaign = await h.insert('campaigns', {
      workspace_id: tenant.workspaceId,
      journey_id: journeyId,
      version: 1,
      segment: {},
      status: 'draft',
    });
    const res = await h.post(`/api/campaigns/${campaign.id}/cancel`).expect(200);
    expect(res.body.status).toBe('cancelled');
  });
});
