// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../simulator/src';
import fc from 'fast-check';
import { bodies, matrixRequester, type Answer } from '../auth/__fixtures__/matrix-requests';
import { declaredRoutes, fetchOpenApi, routeName, type DeclaredRoute } from '../auth/__fixtures__/openapi-routes';
import { openTestSession } from '../auth/__fixtures__/principals';
import { createTwoWorkspaces, type TestWorkspace } from '../auth/__fixtures__/two-workspaces';
import { seedWorkspaceResources, type WorkspaceResources } from '../auth/__fixtures__/workspace-resources';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { adversarialValue, mutationsOf } from './__fixtures__/adversarial-json';
import { tableDigests, terminateWorkflows } from './__fixtures__/rest-fuzz';
import { schemaBody } from './__fixtures__/schema-bodies';

jest.setTimeout(300_000);

/**
 * Property-based: every route the OpenAPI document declares with a request body, called by an
 * admin with arbitrary JSON and with mutations of a valid body. Never a 5xx; a 4xx changes no
 * table (compared by digest before and after). A fixed seed keeps runs reproducible;
 * fast-check prints the seed and the shrunk counterexample; FUZZ_SEED and FUZZ_RUNS explore further.
 */
describe('REST bodies under property-based fuzzing', () => {
  const SEED = Number(process.env.FUZZ_SEED ?? 1604);
  const RUNS = 20 * Number(process.env.FUZZ_RUNS ?? 1);
  let sim: SimulatorHandle;
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let res: WorkspaceResources;
  let routes: DeclaredRoute[];
  /** Each route's request schema, by route name. */
  const schemas = new Map<string, unknown>();
  let call: ReturnType<typeof matrixRequester>;
  const startedWorkflows: string[] = [];

  beforeAll(async () => {
    sim = await createSimulatorApp({
      port: 0,
      webhookUrl: 'http://127.0.0.1:9/unused',
      appSecret: 's',
      accessToken: 'fuzz',
      seed: false,
      logger: false,
    });
    h = await startEngineApi('rest_fuzz', { SIGN_IN_PER_MINUTE: '10000', META_GRAPH_BASE_URL: sim.url, META_ACCESS_TOKEN: 'fuzz' });
    ({ a } = await createTwoWorkspaces(h.ds));
    res = await seedWorkspaceResources(h.ds, a);
    sim.state.addNumber({ phoneNumberId: a.phoneNumberId, wabaId: a.wabaId, displayPhoneNumber: '15550000001', mode: 'coexistence' });
    const doc = await fetchOpenApi(h.app);
    type WithBody = { requestBody?: { content?: Record<string, { schema?: unknown }> } };
    const bodyOf = (r: DeclaredRoute) => (doc.paths[r.path][r.method.toLowerCase()] as WithBody).requestBody;
    routes = declaredRoutes(doc).filter((r) => bodyOf(r) !== undefined);
    routes.forEach((r) => schemas.set(routeName(r), bodyOf(r)?.content?.['application/json']?.schema));
    call = matrixRequester(h.app, a, res);
  });
  afterAll(async () => {
    await terminateWorkflows(startedWorkflows);
    await h?.close();
    await sim?.close();
  });

  it('finds the routes that take a body', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.map(routeName)).toEqual(
      expect.arrayContaining(['POST /api/journeys', 'POST /api/numbers', 'PUT /api/journeys/{id}/draft']),
    );
  });

  /** One request as workspace A's admin (a session of its own: a body may sign out or change the password). */
  async function problem(route: DeclaredRoute, body: unknown): Promise<string | undefined> {
    const before = await tableDigests(h.ds);
    const answer: Answer = await call(route, { cookie: await openTestSession(h.ds, a.members.admin.userId) }, { body });
    const workflowId = (answer.body as { workflowId?: string })?.workflowId;
    if (workflowId) startedWorkflows.push(workflowId);
    if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
    if (answer.status < 400) return undefined;
    const after = await tableDigests(h.ds);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    return changed.length ? `answered ${answer.status} yet changed ${changed.join(', ')}` : undefined;
  }

  it('arbitrary JSON, bodies shaped by the route’s schema, mutations of a valid body: never a 5xx, and a 4xx changes nothing', async () => {
    for (const route of routes) {
      const valid = bodies(res, res.contactId)[routeName(route)]?.() ?? {};
      const body = fc.oneof(
        { arbitrary: adversarialValue, weight: 1 },
        { arbitrary: schemaBody(schemas.get(routeName(route)) as Parameters<typeof schemaBody>[0]), weight: 2 },
        { arbitrary: mutationsOf(fc.constant(valid)), weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const found = await problem(route, b);
          if (found) throw new Error(`${routeName(route)}: ${found}`);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });
});
