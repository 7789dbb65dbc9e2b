import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { type EngineApiHarness, startEngineApi } from './__fixtures__/engine-api-harness';
import {
  apiJourney,
  callAs,
  databaseDigest,
  MISSING_ID,
  twoWorkspacesWithJourneys,
  withoutIds,
  type WorkspaceRows,
} from './__fixtures__/two-workspace-journeys';

jest.setTimeout(60_000);

type Method = 'get' | 'post' | 'put' | 'patch';

/** Every route of journeys, versions, stats and runs that names an id: `:j` a journey, `:r` a run, `:c` a contact. */
const ROUTES: [Method, string, ((numberId: string) => object)?][] = [
  ['get', '/api/journeys/:j'],
  ['get', '/api/journeys/:j/versions'],
  ['get', '/api/journeys/:j/versions/1'],
  ['get', '/api/journeys/:j/versions/1/stats'],
  ['get', '/api/journeys/:j/diff'],
  ['get', '/api/runs/:r'],
  ['patch', '/api/journeys/:j', () => ({ name: 'Taken over' })],
  ['put', '/api/journeys/:j/draft', (numberId) => ({ document: apiJourney(numberId, 'Taken over') })],
  ['post', '/api/journeys/:j/publish', () => ({ notes: 'taken over' })],
  ['post', '/api/journeys/:j/rollback', () => ({ version: 1 })],
  ['post', '/api/journeys/:j/pause'],
  ['post', '/api/journeys/:j/resume'],
  ['post', '/api/journeys/:j/archive'],
  ['post', '/api/journeys/:j/runs', () => ({ contactId: ':c' })],
  ['post', '/api/runs/:r/cancel', () => ({ reason: 'taken over' })],
];

describe('two workspaces: journeys, versions, stats and runs of one are invisible to the other', () => {
  let h: EngineApiHarness;
  let world: Awaited<ReturnType<typeof twoWorkspacesWithJourneys>>;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    h = await startEngineApi('api_isolation');
    world = await twoWorkspacesWithJourneys(h);
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
    temporal = new Client({ connection });
  });
  afterAll(async () => {
    await connection.close();
    await h.close();
  });

  const credentials = () => ({ session: world.b.members.admin.cookie, token: world.b.adminToken });
  const ids = (rows: WorkspaceRows) => [rows.journeyId, rows.runId, rows.contactId];

  /** Calls a route with `:j`, `:r` and `:c` filled from `rows` (or the missing id). */
  function callRoute(credential: string, [method, path, body]: (typeof ROUTES)[number], rows: WorkspaceRows | null) {
    const fill = (text: string) =>
      text
        .replaceAll(':j', rows?.journeyId ?? MISSING_ID)
        .replaceAll(':r', rows?.runId ?? MISSING_ID)
        .replaceAll(':c', rows?.contactId ?? MISSING_ID);
    const payload = body ? JSON.parse(fill(JSON.stringify(body(world.b.numberId)))) : undefined;
    return callAs(h, credential)(method, fill(path), payload);
  }

  describe.each(['session', 'token'] as const)("B's admin (%s)", (kind) => {
    it("answers 404, word for word as for a missing id, to every read and write of A's rows, and writes nothing", async () => {
      const before = await databaseDigest(h.ds);
      for (const route of ROUTES) {
        const foreign = await callRoute(credentials()[kind], route, world.rowsA);
        const missing = await callRoute(credentials()[kind], route, null);
        expect({ route: route.slice(0, 2), status: foreign.status }).toEqual({ route: route.slice(0, 2), status: 404 });
        expect(withoutIds(foreign.body, ...ids(world.rowsA))).toEqual(withoutIds(missing.body, MISSING_ID));
      }
      expect(await databaseDigest(h.ds)).toEqual(before);
    });

    it("lists only B's journeys and runs, whatever the filter names", async () => {
      const call = callAs(h, credentials()[kind]);
      const journeyIds = async (query = '') =>
        (await call('get', `/api/journeys${query}`).expect(200)).body.items.map((j: { id: string }) => j.id);
      expect(await journeyIds()).toEqual([world.rowsB.journeyId]);
      expect(await journeyIds('?status=active')).toEqual([world.rowsB.journeyId]);
      const runs = async (query = '') => (await call('get', `/api/runs${query}`).expect(200)).body;
      expect(await runs()).toMatchObject({ items: [{ id: world.rowsB.runId }], total: 1 });
      for (const query of [`?journeyId=${world.rowsA.journeyId}`, `?contactId=${world.rowsA.contactId}`, '?wamid=wamid.acme'])
        expect(await runs(query)).toEqual({ items: [], nextCursor: null, total: 0 });
    });

    it("refuses A's number in B's journeys as an unknown number: create, autosave, validate and publish", async () => {
      const call = callAs(h, credentials()[kind]);
      const { rowsB } = world;
      const numberA = world.a.numberId;
      const before = await databaseDigest(h.ds);
      for (const [method, path, wrap] of [
        ['post', '/api/journeys', (document: object) => ({ name: 'On Acme', document })],
        ['put', `/api/journeys/${rowsB.journeyId}/draft`, (document: object) => ({ document })],
      ] as const) {
        const foreign = await call(method, path, wrap(apiJourney(numberA))).expect(422);
        expect(foreign.body.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'number-not-found' })]);
        const unknown = await call(method, path, wrap(apiJourney(MISSING_ID))).expect(422);
        expect(withoutIds(foreign.body, numberA)).toEqual(withoutIds(unknown.body, MISSING_ID));
      }
      expect(await databaseDigest(h.ds)).toEqual(before);

      const validated = await call('post', '/api/journeys/validate', { document: apiJourney(numberA) }).expect(200);
      const unknown = await call('post', '/api/journeys/validate', { document: apiJourney(MISSING_ID) }).expect(200);
      expect(validated.body.issues[0]).toMatchObject({ severity: 'error', code: 'number-not-found' });
      expect(withoutIds(validated.body, numberA)).toEqual(withoutIds(unknown.body, MISSING_ID));

      // A draft written before numbers were scoped still cannot be published.
      const draft = apiJourney(numberA, 'Legacy');
      await h.ds.query('UPDATE journeys SET draft = $1 WHERE id = $2', [JSON.stringify(draft), rowsB.journeyId]);
      const refused = await call('post', `/api/journeys/${rowsB.journeyId}/publish`).expect(422);
      const errors = refused.body.issues.filter((i: { severity: string }) => i.severity === 'error');
      expect(errors).toEqual([expect.objectContaining({ code: 'number-not-found' })]);
      const [{ n }] = await h.ds.query('SELECT count(*)::int AS n FROM journey_versions WHERE journey_id = $1', [rowsB.journeyId]);
      expect(n).toBe(1);
      await h.ds.query('UPDATE journeys SET draft = $1 WHERE id = $2', [JSON.stringify(apiJourney(world.b.numberId)), rowsB.journeyId]);
    });

    it("refuses a run of B's journey for A's contact as for an unknown contact, and starts no workflow", async () => {
      const call = callAs(h, credentials()[kind]);
      const path = `/api/journeys/${world.rowsB.journeyId}/runs`;
      const before = await databaseDigest(h.ds);
      const foreign = await call('post', path, { contactId: world.rowsA.contactId }).expect(404);
      const unknown = await call('post', path, { contactId: MISSING_ID }).expect(404);
      expect(withoutIds(foreign.body, world.rowsA.contactId)).toEqual(withoutIds(unknown.body, MISSING_ID));
      expect(await databaseDigest(h.ds)).toEqual(before);
      const workflowId = `journey:${world.rowsB.journeyId}:contact:${world.rowsA.contactId}`;
      await expect(temporal.workflow.getHandle(workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    });
  });

  it("A's own admin still reads and lists A's rows (the 404s above are not a broken route)", async () => {
    const call = callAs(h, world.a.members.admin.cookie);
    for (const route of ROUTES.filter(([method]) => method === 'get')) {
      const [, path] = route;
      const filled = path.replaceAll(':j', world.rowsA.journeyId).replaceAll(':r', world.rowsA.runId);
      expect({ path, status: (await call('get', filled)).status }).toEqual({ path, status: 200 });
    }
    const list = (await call('get', '/api/journeys').expect(200)).body.items.map((j: { id: string }) => j.id);
    expect(list).toEqual([world.rowsA.journeyId]);
  });
});
