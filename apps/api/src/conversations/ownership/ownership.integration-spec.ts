import { journeyBuilder } from '@tandem/journey-model';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createMember, type TestPrincipal } from '../../auth/__fixtures__/principals';
import { type EngineApiHarness, startEngineApi } from '../../journeys/__fixtures__/engine-api-harness';
import { seedContact, seedTenant } from '../../journeys/__fixtures__/engine-rows';
import { connectTestTemporal, type TestTemporal } from '../../journeys/__fixtures__/temporal-client';
import { OwnershipSweeper } from './ownership.sweeper';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

describe('conversation ownership REST: take, give back, close, timeline, return-to-bot sweep', () => {
  let h: EngineApiHarness;
  let tenant: Awaited<ReturnType<typeof seedTenant>>;
  let agent: TestPrincipal;
  let viewer: TestPrincipal;
  let temporal: TestTemporal;
  const as = (who: TestPrincipal) => ({
    get: (path: string) => request(h.app.getHttpServer()).get(path).set('Cookie', who.cookie),
    post: (path: string, body: object = {}) => request(h.app.getHttpServer()).post(path).set('Cookie', who.cookie).send(body),
    put: (path: string, body: object) => request(h.app.getHttpServer()).put(path).set('Cookie', who.cookie).send(body),
  });
  const newContact = async () => (await seedContact(h, tenant, { wa_id: `1555${Math.floor(Math.random() * 1e7)}` })).id;
  const timeline = async (contactId: string) => (await h.get(`/api/conversations/${contactId}/timeline`).expect(200)).body.items;

  /** A journey with `onGiveBack`, and a paused run of it whose workflow exists in Temporal (no worker: signals land in its history). */
  async function pausedRun(contactId: string, onGiveBack: 'resume' | 'end') {
    const document = journeyBuilder()
      .trigger({ kind: 'api' })
      .node('end', 'core.end@1')
      .settings({ numberId: tenant.numberId, onTeammateReply: 'pause', onGiveBack })
      .build();
    const journeyId = (await h.post('/api/journeys', { name: `J ${onGiveBack}`, document }).expect(201)).body.id;
    await h.post(`/api/journeys/${journeyId}/publish`).expect(200);
    const workflowId = `ownership-test-${randomUUID()}`;
    const handle = await temporal.client.workflow.start('journeyWorkflow', { taskQueue: h.prefix, workflowId, args: [] });
    temporal.started(workflowId);
    const row = await h.insert('journey_runs', {
      workspace_id: tenant.workspaceId,
      journey_id: journeyId,
      version: 1,
      contact_id: contactId,
      number_id: tenant.numberId,
      trigger_kind: 'api',
      workflow_id: workflowId,
      temporal_run_id: handle.firstExecutionRunId,
      status: 'paused',
    });
    return { runId: row.id, signals: async () => signalsOf(workflowId) };
  }
  async function signalsOf(workflowId: string) {
    const history = await temporal.client.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).flatMap((e) =>
      e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : [],
    );
  }

  beforeAll(async () => {
    h = await startEngineApi('api_ownership', { OWNERSHIP_SWEEP_INTERVAL_SECONDS: '3600' });
    tenant = await seedTenant(h);
    agent = await createMember(h.ds, tenant.workspaceId, 'agent');
    viewer = await createMember(h.ds, tenant.workspaceId, 'viewer');
    temporal = await connectTestTemporal();
  });
  afterAll(async () => {
    await temporal.close();
    await h.close();
  });

  it('an agent takes a conversation: human, owned by them, audited, on the timeline and the contact', async () => {
    const contactId = await newContact();
    const res = await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
    expect(res.body).toMatchObject({
      contactId,
      ownership: 'human',
      ownerKind: 'agent',
      ownerUserId: agent.userId,
      ownerLabel: agent.email,
    });
    expect(Date.parse(res.body.botReturnsAt) - Date.parse(res.body.humanOwnedAt)).toBe(12 * HOUR);
    expect((await h.get(`/api/contacts/${contactId}`).expect(200)).body).toMatchObject({
      ownership: 'human',
      ownerKind: 'agent',
      humanOwned: true,
    });
    expect(await timeline(contactId)).toEqual([
      expect.objectContaining({ kind: 'taken', from: 'bot', to: 'human', actor: { kind: 'member', id: agent.userId, label: agent.email } }),
    ]);
    // Taking it again changes nothing and writes nothing.
    await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
    expect(await timeline(contactId)).toHaveLength(1);
    const audit = await h.ds.query(`SELECT action, actor_id FROM audit_log WHERE target_id = $1`, [contactId]);
    expect(audit).toEqual([{ action: 'conversation.taken', actor_id: agent.userId }]);
  });

  it('refuses viewers, foreign and unknown contacts, and bad bodies, writing nothing', async () => {
    const contactId = await newContact();
    await as(viewer).post(`/api/conversations/${contactId}/take`).expect(403);
    const other = await seedTenant(h, '200000000000001', '300000000000001');
    const foreign = (await seedContact(h, other, { wa_id: '15559990000' })).id;
    for (const action of ['take', 'give-back', 'close']) await as(agent).post(`/api/conversations/${foreign}/${action}`).expect(404);
    await as(agent).get(`/api/conversations/${foreign}/timeline`).expect(404);
    await as(agent).post(`/api/conversations/${randomUUID()}/take`).expect(404);
    await as(agent).post('/api/conversations/not-a-uuid/take').expect(400);
    await as(agent).post(`/api/conversations/${contactId}/give-back`, { reason: 'x', extra: 1 }).expect(400);
    await as(agent).post(`/api/conversations/${contactId}/close`, { reason: '' }).expect(400);
    const rows = await h.ds.query('SELECT count(*)::int AS n FROM conversation_events WHERE contact_id = ANY($1)', [[contactId, foreign]]);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('give-back resumes or ends paused runs by their journey, and the runs show who, when and why', async () => {
    const contactId = await newContact();
    const resume = await pausedRun(contactId, 'resume');
    const end = await pausedRun(contactId, 'end');
    await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
    const res = await as(agent).post(`/api/conversations/${contactId}/give-back`, { reason: 'order sorted out' }).expect(200);
    expect(res.body).toMatchObject({ ownership: 'bot', ownerKind: null, botReturnsAt: null });
    expect(await resume.signals()).toEqual(['resume']);
    expect(await end.signals()).toEqual(['cancelRun']);
    const [, back] = await timeline(contactId);
    expect(back).toMatchObject({
      kind: 'given_back',
      from: 'human',
      to: 'bot',
      reason: 'order sorted out',
      actor: { kind: 'member', id: agent.userId },
    });
    expect(back.runs).toEqual(
      expect.arrayContaining([
        { runId: resume.runId, effect: 'resumed' },
        { runId: end.runId, effect: 'ended' },
      ]),
    );
    const run = (await h.get(`/api/runs/${resume.runId}`).expect(200)).body;
    expect(run.ownershipEvents).toEqual([expect.objectContaining({ id: back.id, reason: 'order sorted out' })]);
  });

  it('close ends paused runs whatever their journey says', async () => {
    const contactId = await newContact();
    const resume = await pausedRun(contactId, 'resume');
    await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
    expect((await as(agent).post(`/api/conversations/${contactId}/close`).expect(200)).body.ownership).toBe('closed');
    expect(await resume.signals()).toEqual(['cancelRun']);
    expect((await timeline(contactId)).at(-1)).toMatchObject({ kind: 'closed', runs: [{ runId: resume.runId, effect: 'ended' }] });
  });

  describe('return to the bot by the workspace setting', () => {
    const sweeper = () => h.app.get(OwnershipSweeper);

    it('after N quiet hours (judged at a skipped-ahead instant), counted from the last human message', async () => {
      const contactId = await newContact();
      await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
      await h.ds.query(`UPDATE contacts SET last_human_message_at = now() + interval '2 hours' WHERE id = $1`, [contactId]);
      const state = async () => (await h.get(`/api/conversations/${contactId}/ownership`).expect(200)).body.ownership;
      await sweeper().sweep(Date.now() + 13 * HOUR);
      expect(await state()).toBe('human');
      await sweeper().sweep(Date.now() + 14 * HOUR + 60_000);
      expect(await state()).toBe('bot');
      expect((await timeline(contactId)).at(-1)).toMatchObject({
        kind: 'given_back',
        actor: { kind: 'system', id: null, label: null },
        reason: '12 h without a human message',
      });
    });

    it('when the window closes, once the admin turns that on; admins only, bad values refused', async () => {
      await as(viewer).put('/api/workspace/conversation-settings', { botReturnsOnWindowClose: true }).expect(403);
      await h.put('/api/workspace/conversation-settings', { botReturnsAfterHours: 0 }).expect(400);
      await h.put('/api/workspace/conversation-settings', { botReturnsAfterHours: '5' }).expect(400);
      const saved = await h
        .put('/api/workspace/conversation-settings', { botReturnsAfterHours: null, botReturnsOnWindowClose: true })
        .expect(200);
      expect(saved.body).toEqual({ botReturnsAfterHours: null, botReturnsOnWindowClose: true });
      expect((await as(viewer).get('/api/workspace/conversation-settings').expect(200)).body).toEqual(saved.body);
      const contactId = await newContact();
      await h.ds.query(`UPDATE contacts SET window_open_until = now() + interval '3 hours' WHERE id = $1`, [contactId]);
      const taken = await as(agent).post(`/api/conversations/${contactId}/take`).expect(200);
      expect(taken.body.botReturnReason).toBe('window_closed');
      // Time passes: the stored instants move into the past, and the sweep of now gives it back.
      await h.ds.query(
        `UPDATE contacts SET human_owned_at = human_owned_at - interval '3 hours 1 minute',
           window_open_until = window_open_until - interval '3 hours 1 minute' WHERE id = $1`,
        [contactId],
      );
      expect((await sweeper().sweep()).returned).toBeGreaterThanOrEqual(1);
      expect((await timeline(contactId)).at(-1)).toMatchObject({ kind: 'given_back', reason: 'the customer-service window closed' });
      const [audit] = await h.ds.query(`SELECT after FROM audit_log WHERE action = 'workspace.changed' ORDER BY id DESC LIMIT 1`);
      expect(audit.after).toEqual({ conversations: saved.body });
      await h.put('/api/workspace/conversation-settings', { botReturnsAfterHours: 12, botReturnsOnWindowClose: false }).expect(200);
    });

    it('re-signals paused runs whose give-back signal was lost', async () => {
      const contactId = await newContact();
      const run = await pausedRun(contactId, 'resume');
      // Given back while Temporal was unreachable: the conversation is the bot's, the run still paused.
      await h.ds.query(`UPDATE journey_runs SET updated_at = now() - interval '5 minutes' WHERE id = $1`, [run.runId]);
      expect((await sweeper().sweep()).repaired).toBe(1);
      expect(await run.signals()).toEqual(['resume']);
    });
  });
});
