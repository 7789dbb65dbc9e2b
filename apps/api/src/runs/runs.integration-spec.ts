import { Client, Connection } from '@temporalio/client';
import { journeyBuilder } from '@tandem/journey-model';
import request from 'supertest';
import { createMember } from '../auth/__fixtures__/principals';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { seedContact, seedTenant } from '../journeys/__fixtures__/engine-rows';

jest.setTimeout(30_000);

describe('runs REST: list, filters, paging, detail, start by API, cancel', () => {
  let h: EngineApiHarness;
  let tenant: Awaited<ReturnType<typeof seedTenant>>;
  let journeyId: string;
  let maria: { id: string; wa_id: string };
  let joao: { id: string };
  let temporal: Client;
  let connection: Connection;
  const started: string[] = [];

  const doc = (numberId: string, reEntry: 'once' | 'one_at_a_time' | 'always' = 'one_at_a_time') =>
    journeyBuilder()
      .trigger({ kind: 'api' })
      .node('hello', 'core.send-text@1', { text: 'Hello {{vars.name | there}}' })
      .node('end', 'core.end@1')
      .chain('hello', 'end')
      .settings({ numberId, reEntry })
      .build();

  async function run(fields: Record<string, unknown>) {
    return h.insert('journey_runs', {
      workspace_id: tenant.workspaceId,
      journey_id: journeyId,
      version: 1,
      contact_id: maria.id,
      number_id: tenant.numberId,
      trigger_kind: 'message.received',
      workflow_id: `wf-${Math.random()}`,
      ...fields,
    });
  }

  beforeAll(async () => {
    h = await startEngineApi('api_runs');
    tenant = await seedTenant(h);
    maria = await seedContact(h, tenant, { wa_id: '15551234567', profile_name: 'Maria Lopez' });
    joao = await seedContact(h, tenant, { wa_id: '5511987654321', profile_name: 'João Silva' });
    journeyId = (await h.post('/api/journeys', { name: 'API journey', document: doc(tenant.numberId) }).expect(201)).body.id;
    await h.post(`/api/journeys/${journeyId}/publish`).expect(200);
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

  describe('history', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const t0 = Date.parse('2026-06-01T10:00:00Z');
      const at = (minutes: number) => new Date(t0 + minutes * 60_000);
      ids.done = (await run({ status: 'completed', started_at: at(0), ended_at: at(1) })).id;
      ids.failed = (await run({ status: 'failed', started_at: at(10), error: { code: 'node_failed', message: 'boom' } })).id;
      ids.waiting = (
        await run({
          status: 'waiting',
          started_at: at(20),
          contact_id: joao.id,
          version: 2,
          trigger_event: { kind: 'message.received', wamid: 'wamid.IN-1' },
        })
      ).id;
      // Two runs in the same microsecond: paging must still return each exactly once.
      ids.twinA = (await run({ status: 'running', started_at: at(30) })).id;
      ids.twinB = (await run({ status: 'running', started_at: at(30) })).id;
      const step = (runId: string, fields: Record<string, unknown>) =>
        h.insert('run_steps', {
          workspace_id: tenant.workspaceId,
          run_id: runId,
          journey_id: journeyId,
          version: 1,
          node_type: 'core.send-text@1',
          ...fields,
        });
      await step(ids.done, {
        node_id: 'hello',
        port: 'main',
        started_at: at(0),
        ended_at: at(0.5),
        wamid: 'wamid.OUT-1',
        input: { text: 'Hello Maria' },
        output: { wamid: 'wamid.OUT-1' },
      });
      await step(ids.done, { node_id: 'end', node_type: 'core.end@1', port: null, started_at: at(0.5), ended_at: at(0.6) });
      await step(ids.failed, {
        node_id: 'hello',
        port: 'failed',
        error_code: '131026',
        error: { title: 'Message undeliverable' },
        started_at: at(10),
      });
    });

    const list = async (query: string) => (await h.get(`/api/runs?${query}`).expect(200)).body;

    it('lists newest first with journey and contact names, and filters', async () => {
      const all = await list(`journeyId=${journeyId}`);
      expect(all.total).toBe(5);
      expect(all.items[0]).toMatchObject({
        journeyName: 'API journey',
        contactName: 'Maria Lopez',
        contactWaId: '15551234567',
        status: 'running',
      });
      const only = async (query: string) => (await list(query)).items.map((r: { id: string }) => r.id);
      expect(await only('status=failed')).toEqual([ids.failed]);
      expect(await only(`contactId=${joao.id}`)).toEqual([ids.waiting]);
      expect(await only(`journeyId=${journeyId}&version=2`)).toEqual([ids.waiting]);
      expect(await only('wamid=wamid.OUT-1')).toEqual([ids.done]);
      expect(await only('wamid=wamid.IN-1')).toEqual([ids.waiting]);
      expect(await only('errorCode=131026')).toEqual([ids.failed]);
      expect(await only('errorCode=node_failed')).toEqual([ids.failed]);
      expect(await only('from=2026-06-01T10:05:00Z&to=2026-06-01T10:25:00Z')).toEqual([ids.waiting, ids.failed]);
      expect((await h.get('/api/runs?status=exploded')).status).toBe(400);
      expect((await h.get('/api/runs?cursor=forged')).status).toBe(400);
    });

    it('pages with a cursor through runs that share a start time, each exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null; total?: number } = await list(
          `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        if (cursor) expect(page.total).toBeUndefined();
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.slice(2)).toEqual([ids.waiting, ids.failed, ids.done]);
      expect(new Set(seen.slice(0, 2))).toEqual(new Set([ids.twinA, ids.twinB]));
    });

    it('shows one run with its steps in order and a Temporal link', async () => {
      const detail = (await h.get(`/api/runs/${ids.done}`).expect(200)).body;
      expect(detail.steps.map((s: { nodeId: string; port: string | null }) => [s.nodeId, s.port])).toEqual([
        ['hello', 'main'],
        ['end', null],
      ]);
      expect(detail.steps[0]).toMatchObject({
        wamid: 'wamid.OUT-1',
        output: { wamid: 'wamid.OUT-1' },
        endedAt: '2026-06-01T10:00:30.000Z',
      });
      expect(detail.temporalUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:8233/namespaces/default/workflows/wf-`));
      expect((await h.get(`/api/runs/${ids.failed}`)).body.error).toEqual({ code: 'node_failed', message: 'boom' });
      expect((await h.get('/api/runs/0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('withholds step inputs and outputs from a caller without runs.raw, and says so', async () => {
      const as = async (role: 'viewer' | 'marketer' | 'developer') => {
        const { cookie } = await createMember(h.ds, tenant.workspaceId, role);
        return (await request(h.app.getHttpServer()).get(`/api/runs/${ids.done}`).set('Cookie', cookie).expect(200)).body;
      };
      for (const role of ['viewer', 'marketer'] as const) {
        const detail = await as(role);
        expect(detail.stepDataWithheld).toBe(true);
        expect(detail.steps.map((s: { input: unknown; output: unknown }) => [s.input, s.output])).toEqual([
          [null, null],
          [null, null],
        ]);
        expect(detail.steps[0]).toMatchObject({ nodeId: 'hello', wamid: 'wamid.OUT-1' });
      }
      const developer = await as('developer');
      expect(developer.stepDataWithheld).toBeUndefined();
      expect(developer.steps[0]).toMatchObject({ input: { text: 'Hello Maria' }, output: { wamid: 'wamid.OUT-1' } });
    });

    it('refuses to cancel a run that already ended', async () => {
      expect((await h.post(`/api/runs/${ids.done}/cancel`)).status).toBe(409);
    });
  });

  describe('start by API', () => {
    it('starts the live version on the task queue with a deterministic workflow id', async () => {
      const res = await h.post(`/api/journeys/${journeyId}/runs`, { contactId: maria.id, variables: { name: 'Maria' } }).expect(202);
      const workflowId = `journey:${journeyId}:contact:${maria.id}`;
      started.push(workflowId);
      expect(res.body).toEqual({ workflowId, runId: null, journeyId, version: 1, contactId: maria.id });
      const described = await temporal.workflow.getHandle(workflowId).describe();
      expect(described).toMatchObject({ type: 'journeyWorkflow', taskQueue: h.prefix, status: { name: 'RUNNING' } });
      const [input] = await temporal.workflow
        .getHandle(workflowId)
        .fetchHistory()
        .then((history) => {
          const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
          return started?.input?.payloads?.map((p) => JSON.parse(Buffer.from(p.data ?? new Uint8Array()).toString('utf8'))) ?? [];
        });
      expect(input).toMatchObject({
        journeyId,
        version: 1,
        contactId: maria.id,
        numberId: tenant.numberId,
        variables: { name: 'Maria' },
        trigger: { kind: 'api', triggerId: 't1' },
      });
      // one_at_a_time: the contact is already in the journey.
      expect((await h.post(`/api/journeys/${journeyId}/runs`, { contactId: maria.id })).status).toBe(409);
    });

    it('finds or creates the contact by phone number', async () => {
      const res = await h.post(`/api/journeys/${journeyId}/runs`, { waId: '447700900123' }).expect(202);
      started.push(res.body.workflowId);
      const [contact] = await h.ds.query(`SELECT id FROM contacts WHERE wa_id = '447700900123' AND number_id = $1`, [tenant.numberId]);
      expect(res.body.contactId).toBe(contact.id);
      expect((await h.post(`/api/journeys/${journeyId}/runs`, {})).status).toBe(400);
      expect((await h.post(`/api/journeys/${journeyId}/runs`, { contactId: '0f1e7a52-0000-4000-8000-000000000000' })).status).toBe(404);
    });

    it('signals cancel to a running run', async () => {
      const workflowId = `journey:${journeyId}:contact:${maria.id}`;
      const { runId: temporalRunId } = await temporal.workflow.getHandle(workflowId).describe();
      const row = await run({ workflow_id: workflowId, temporal_run_id: temporalRunId, status: 'waiting' });
      expect((await h.post(`/api/runs/${row.id}/cancel`, { reason: 'customer asked' }).expect(202)).body).toEqual({
        runId: row.id,
        workflowId,
        requested: true,
      });
      const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
      const signal = history.events?.find((e) => e.workflowExecutionSignaledEventAttributes);
      expect(signal?.workflowExecutionSignaledEventAttributes?.signalName).toBe('cancelRun');
    });

    it('honours an idempotency key under re-entry "always" and refuses paused journeys', async () => {
      await h.put(`/api/journeys/${journeyId}/draft`, { document: doc(tenant.numberId, 'always') }).expect(200);
      expect((await h.post(`/api/journeys/${journeyId}/publish`).expect(200)).body.version).toBe(2);
      const body = { contactId: joao.id, idempotencyKey: 'order-42' };
      const first = await h.post(`/api/journeys/${journeyId}/runs`, body).expect(202);
      started.push(first.body.workflowId);
      expect(first.body).toMatchObject({ workflowId: `journey:${journeyId}:contact:${joao.id}:event:order-42`, version: 2 });
      expect((await h.post(`/api/journeys/${journeyId}/runs`, body).expect(202)).body.workflowId).toBe(first.body.workflowId);
      await h.post(`/api/journeys/${journeyId}/pause`).expect(200);
      expect((await h.post(`/api/journeys/${journeyId}/runs`, { contactId: joao.id })).status).toBe(409);
      await h.post(`/api/journeys/${journeyId}/resume`).expect(200);
    });
  });
});
