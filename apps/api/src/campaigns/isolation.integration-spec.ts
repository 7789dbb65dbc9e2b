import { Client, Connection } from '@temporalio/client';
import { journeyBuilder } from '@tandem/journey-model';
import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';

jest.setTimeout(30_000);

const MISSING = '0f1e7a52-0000-4000-8000-000000000000';

/** A body with `id` written as `<id>`: a foreign id must get the very answer a missing one gets. */
const withoutId = (body: unknown, id: string): unknown => JSON.parse(JSON.stringify(body).replaceAll(id, '<id>'));

describe('workspace isolation: campaigns', () => {
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let connection: Connection;
  const started: string[] = [];
  const journeys = { a: '', b: '', bOnANumber: '', bOnMissingNumber: '' };
  let aCampaign: string;

  /** An active journey of `ws` whose live version 1 runs on `numberId`. */
  const activeJourney = async (ws: TestWorkspace, numberId: string, name: string): Promise<string> => {
    const doc = journeyBuilder()
      .trigger({ kind: 'campaign', segment: {} })
      .node('promo', 'core.send-template@1', { name: 'summer_sale', language: 'en_US' })
      .settings({ numberId })
      .build();
    const journey = await h.insert('journeys', { workspace_id: ws.id, name, status: 'active', live_version: 1, draft: doc });
    await h.insert('journey_versions', { workspace_id: ws.id, journey_id: journey.id, version: 1, document: doc });
    return journey.id;
  };

  beforeAll(async () => {
    h = await startEngineApi('isolation_campaigns');
    ({ a, b } = await createTwoWorkspaces(h.ds));
    journeys.a = await activeJourney(a, a.numberId, 'Acme sale');
    journeys.b = await activeJourney(b, b.numberId, 'Globex sale');
    // Stored before references were checked (or by hand): B's journey naming A's number.
    journeys.bOnANumber = await activeJourney(b, a.numberId, 'Globex on Acme');
    journeys.bOnMissingNumber = await activeJourney(b, MISSING, 'Globex on nothing');
    aCampaign = (
      await h.insert('campaigns', { workspace_id: a.id, journey_id: journeys.a, version: 1, segment: {}, status: 'running', total: 0 })
    ).id;
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  });
  afterAll(async () => {
    const temporal = new Client({ connection });
    for (const id of started)
      await temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch(() => undefined);
    await connection.close();
    await h.close();
  });

  const snapshot = () =>
    h.ds.query(`SELECT (SELECT json_agg(c ORDER BY c.id) FROM campaigns c) AS campaigns, (SELECT count(*)::int FROM audit_log) AS audit`);

  it("lets A's admin start a campaign on A's journey, audited as campaign.started in A", async () => {
    const segment = { tags: { all: ['vip'] } };
    const res = await h
      .post('/api/campaigns')
      .set('Cookie', a.members.admin.cookie)
      .send({ journeyId: journeys.a, numberId: a.numberId, segment, name: 'Acme VIPs' });
    expect(res.status).toBe(201);
    started.push(res.body.workflowId);
    const entries = await h.ds.query(
      `SELECT workspace_id, actor_type, actor_label, target_type, target_id, target_label, before, after FROM audit_log WHERE action = 'campaign.started'`,
    );
    expect(entries).toEqual([
      {
        workspace_id: a.id,
        actor_type: 'user',
        actor_label: a.members.admin.email,
        target_type: 'campaign',
        target_id: res.body.id,
        target_label: 'Acme VIPs',
        before: null,
        after: { journeyId: journeys.a, journeyName: 'Acme sale', version: 1, numberId: a.numberId, segment, total: 0 },
      },
    ]);
  });

  describe.each(['session', 'token'] as const)("workspace B's admin (%s)", (kind) => {
    const auth = (t: ReturnType<EngineApiHarness['get']>) =>
      kind === 'session' ? t.set('Cookie', b.members.admin.cookie) : t.set('Authorization', b.adminToken);
    const get = (path: string) => auth(h.get(path));
    const start = (body: object) => auth(h.post('/api/campaigns')).send(body);

    it("reads A's campaign: 404, the same answer as for a missing id", async () => {
      const [foreign, missing] = [await get(`/api/campaigns/${aCampaign}`), await get(`/api/campaigns/${MISSING}`)];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, aCampaign)).toEqual(withoutId(missing.body, MISSING));
    });

    it("lists no campaign of A, even filtering by A's journey", async () => {
      expect((await get('/api/campaigns')).body.items).toEqual([]);
      expect((await get(`/api/campaigns?journeyId=${journeys.a}`)).body.items).toEqual([]);
    });

    it("starts a campaign on A's journey: 404 like an unknown journey, nothing changed", async () => {
      const before = await snapshot();
      const [foreign, missing] = [await start({ journeyId: journeys.a, segment: {} }), await start({ journeyId: MISSING, segment: {} })];
      expect(foreign.status).toBe(404);
      expect(withoutId(foreign.body, journeys.a)).toEqual(withoutId(missing.body, MISSING));
      expect(await snapshot()).toEqual(before);
    });

    it("starts B's journey that runs on A's number: 422 like an unknown number, nothing changed", async () => {
      const before = await snapshot();
      const [foreign, missing] = [
        await start({ journeyId: journeys.bOnANumber, segment: {} }),
        await start({ journeyId: journeys.bOnMissingNumber, segment: {} }),
      ];
      expect(foreign.status).toBe(422);
      expect(withoutId(foreign.body, a.numberId)).toEqual(withoutId(missing.body, MISSING));
      expect(await snapshot()).toEqual(before);
    });

    it("names A's number for B's journey: 400 like an unknown number, nothing changed", async () => {
      const before = await snapshot();
      const [foreign, missing] = [
        await start({ journeyId: journeys.b, numberId: a.numberId, segment: {} }),
        await start({ journeyId: journeys.b, numberId: MISSING, segment: {} }),
      ];
      expect(foreign.status).toBe(400);
      expect(withoutId(foreign.body, a.numberId)).toEqual(withoutId(missing.body, MISSING));
      expect(await snapshot()).toEqual(before);
    });
  });
});
