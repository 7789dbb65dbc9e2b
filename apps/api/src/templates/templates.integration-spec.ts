// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../simulator/src';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { seedTenant } from '../journeys/__fixtures__/engine-rows';

jest.setTimeout(30_000);

const TOKEN = 'templates-test-token';
const WABA = '114620785021387';

describe('templates REST: sync from the Graph API, list', () => {
  let sim: SimulatorHandle;
  let h: EngineApiHarness;
  let numberId: string;
  let workspaceId: string;

  beforeAll(async () => {
    sim = await createSimulatorApp({
      port: 0,
      webhookUrl: 'http://127.0.0.1:9/unused',
      appSecret: 's',
      accessToken: TOKEN,
      seed: true,
      logger: false,
    });
    h = await startEngineApi('api_templates', { META_GRAPH_BASE_URL: sim.url, META_ACCESS_TOKEN: TOKEN });
    ({ numberId, workspaceId } = await seedTenant(h, '108932450377265', WABA));
  });
  afterAll(async () => {
    await h.close();
    await sim.close();
  });

  const simTemplate = (name: string) => {
    const found = sim.state.templatesOf(WABA).find((t) => t.name === name);
    if (!found) throw new Error(`no simulator template ${name}`);
    return found;
  };

  it('pulls every template of the number’s account, then updates statuses and marks vanished ones', async () => {
    const first = await h.post(`/api/templates/sync?numberId=${numberId}`).expect(200);
    expect(first.body).toMatchObject({ created: 7, updated: 0, removed: 0 });
    expect(first.body.items.find((t: { name: string }) => t.name === 'pricing_info')).toMatchObject({
      language: 'en_US',
      status: 'APPROVED',
      category: 'MARKETING',
      templateId: '1421198756334071',
      components: expect.arrayContaining([expect.objectContaining({ type: 'BODY', text: expect.stringContaining('{{1}}') })]),
    });

    simTemplate('pricing_info').status = 'PAUSED';
    sim.state.templates.delete(simTemplate('welcome_back').id);
    const second = await h.post(`/api/templates/sync?numberId=${numberId}`).expect(200);
    expect(second.body).toMatchObject({ created: 0, updated: 6, removed: 1 });
    const list = await h.get(`/api/templates?numberId=${numberId}`).expect(200);
    const status = (name: string) => list.body.items.find((t: { name: string }) => t.name === name)?.status;
    expect([status('pricing_info'), status('welcome_back'), status('follow_up_reminder')]).toEqual(['PAUSED', 'DELETED', 'APPROVED']);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual([...list.body.items.map((t: { name: string }) => t.name)].sort());
  });

  it('answers 404 for an unknown number, 400 without one, and 502 when Meta refuses', async () => {
    expect((await h.post('/api/templates/sync?numberId=0f1e7a52-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await h.get('/api/templates')).status).toBe(400);
    // A number of the workspace on a WABA the Graph API does not know.
    const stranger = await h.insert('business_numbers', {
      workspace_id: workspaceId,
      phone_number_id: '999000111',
      waba_id: '999000222',
      display_phone_number: '15550009999',
      mode: 'cloud',
      throughput_cap: 80,
    });
    const refused = await h.post(`/api/templates/sync?numberId=${stranger.id}`);
    expect(refused.status).toBe(502);
    expect(refused.body.message).toMatch(/Graph API error 100/);
  });
});
