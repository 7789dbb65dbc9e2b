import { journeyBuilder } from '@tandem/journey-model';
import { type EngineApiHarness, startEngineApi } from './__fixtures__/engine-api-harness';
import { seedContact, seedTenant } from './__fixtures__/engine-rows';

jest.setTimeout(30_000);

describe('GET /api/journeys/:id/versions/:v/stats', () => {
  let h: EngineApiHarness;

  beforeAll(async () => {
    h = await startEngineApi('api_journey_stats');
  });
  afterAll(() => h.close());

  it('counts entries, ports and failures per node and the WhatsApp funnel of send nodes', async () => {
    const t = await seedTenant(h);
    const doc = journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('ask', 'core.send-buttons@1', { body: 'Pick', buttons: [{ id: 'yes', title: 'Yes' }] })
      .node('tag', 'core.add-tag@1', { tag: 'asked' })
      .edge('ask', 'yes', 'tag')
      .settings({ numberId: t.numberId })
      .build();
    const journeyId = (await h.post('/api/journeys', { name: 'Stats', document: doc }).expect(201)).body.id;
    await h.post(`/api/journeys/${journeyId}/publish`).expect(200);
    const t0 = Date.parse('2026-06-01T10:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    const contacts = await Promise.all(['1', '2', '3', '4'].map((n) => seedContact(h, t, { wa_id: `1555000000${n}` })));
    const runs: { id: string }[] = [];
    for (const [i, c] of contacts.entries()) {
      runs.push(
        await h.insert('journey_runs', {
          workspace_id: t.workspaceId,
          journey_id: journeyId,
          version: 1,
          contact_id: c.id,
          number_id: t.numberId,
          trigger_kind: 'message.received',
          workflow_id: `wf-stats-${i}`,
          status: ['completed', 'waiting', 'failed', 'completed'][i],
          started_at: at(0),
          ended_at: i === 1 ? null : at(600),
        }),
      );
    }
    const step = (run: { id: string }, nodeId: string, fields: Record<string, unknown>) =>
      h.insert('run_steps', {
        workspace_id: t.workspaceId,
        run_id: run.id,
        journey_id: journeyId,
        version: 1,
        node_id: nodeId,
        node_type: 'x.y@1',
        ...fields,
      });
    await step(runs[0], 'ask', { port: 'yes' });
    await step(runs[0], 'tag', { port: 'main' });
    await step(runs[1], 'ask', { port: null });
    await step(runs[2], 'ask', { port: 'failed', error_code: '131026', error: { code: 131026 } });
    await step(runs[3], 'ask', { port: 'timeout' });
    const timeline = (...statuses: string[]) =>
      statuses.map((status) => ({ status, at: at(1).toISOString(), receivedAt: at(1).toISOString() }));
    const send = (i: number, status: string, statuses: string[]) =>
      h.insert('messages', {
        workspace_id: t.workspaceId,
        number_id: t.numberId,
        contact_id: contacts[i].id,
        wamid: `wamid.s-${i}`,
        direction: 'api',
        source: 'live',
        type: 'interactive',
        payload: {},
        meta_timestamp: at(1),
        status,
        status_timeline: JSON.stringify(timeline(...statuses)),
        journey_run_id: runs[i].id,
        journey_node_id: 'ask',
      });
    await send(0, 'read', ['sent', 'delivered', 'read']);
    // A late `sent` webhook never came, but delivered implies it.
    await send(1, 'delivered', ['delivered']);
    await send(2, 'failed', ['failed']);
    await send(3, 'sent', ['sent']);
    const inbound = (i: number, seconds: number, wamid: string) =>
      h.insert('messages', {
        workspace_id: t.workspaceId,
        number_id: t.numberId,
        contact_id: contacts[i].id,
        wamid,
        direction: 'inbound',
        source: 'live',
        type: 'text',
        payload: {},
        meta_timestamp: at(seconds),
      });
    await inbound(0, 30, 'wamid.r-0');
    await inbound(1, 5_000, 'wamid.r-1');
    // Contact 4 answered only after the run had ended: not a reply within the run.
    await inbound(3, 900, 'wamid.r-3');

    const stats = (await h.get(`/api/journeys/${journeyId}/versions/1/stats`).expect(200)).body;
    expect(stats.runs).toMatchObject({ completed: 2, waiting: 1, failed: 1, running: 0 });
    expect(stats.nodes.ask).toEqual({
      entered: 4,
      failed: 1,
      ports: { yes: 1, failed: 1, timeout: 1 },
      funnel: { sent: 3, delivered: 2, read: 1, replied: 2, failed: 1 },
    });
    expect(stats.nodes.tag).toEqual({ entered: 1, failed: 0, ports: { main: 1 } });
    expect((await h.get(`/api/journeys/${journeyId}/versions/2/stats`)).status).toBe(404);
  });
});
