// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../simulator/src';
import { Client, Connection } from '@temporalio/client';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { can, ROLES, type Permission } from '@tandem/api-contract';
import { type EngineApiHarness, startEngineApi } from '../journeys/__fixtures__/engine-api-harness';
import { matrixRequester, type Answer, type Credentials } from './__fixtures__/matrix-requests';
import { declaredRoutes, fetchOpenApi, routeName, type DeclaredRoute } from './__fixtures__/openapi-routes';
import { openTestSession } from './__fixtures__/principals';
import { createTwoWorkspaces, type TestWorkspace } from './__fixtures__/two-workspaces';
import { seedWorkspaceResources, type WorkspaceResources } from './__fixtures__/workspace-resources';
import { permissionTable, replaceGenerated, routeTable } from './__fixtures__/security-matrix';
import { ANY_MEMBER } from './permission.decorator';

jest.setTimeout(180_000);

/** The guard's own refusals, told apart from a route's 401/403 (e.g. a webhook's bad signature). */
const GUARD_401 = /^Sign in, or send an API token/;
const guard403 = (role: string) => new RegExp(`^Your role \\(${role}\\) may not do this`);
const message = (a: Answer) => String((a.body as { message?: unknown })?.message ?? '');

/**
 * Cases (b) expect: a GET a role may call answers 200 (so every fixture id is real and the
 * 404s of case (c) mean something); a write answers neither 401/403 nor 5xx (a 400, 404, 409
 * or 422 of the service is its own business).
 */
function permittedProblem(route: DeclaredRoute, a: Answer): string | null {
  if (route.method === 'GET') return a.status === 200 ? null : `expected 200, got ${a.status} ${message(a)}`;
  if (a.status === 401 || a.status === 403 || a.status >= 500) return `expected to pass, got ${a.status} ${message(a)}`;
  return null;
}

/**
 * What an admin token of B gets where the rule of case (c) — 404 for a route naming one of
 * A's ids, 200 for a list — does not apply: routes about the caller's own sessions.
 */
const TOKEN_EXCEPTIONS: Record<string, number> = {
  // An API token has no sessions: these routes refuse it before reading anything.
  'GET /api/auth/sessions': 400,
  'DELETE /api/auth/sessions/{id}': 400,
  // A credential's name is a key inside the caller's own workspace, not an id of A's row: B's
  // PUT creates B's own `matrix_crm` (A's stays untouched; node-credentials.integration-spec
  // proves it) and B's DELETE then removes that one.
  'PUT /api/credentials/{name}': 200,
  'DELETE /api/credentials/{name}': 204,
};

describe('authorization matrix: every route of the OpenAPI document × every principal', () => {
  let sim: SimulatorHandle;
  let h: EngineApiHarness;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let res: WorkspaceResources;
  let routes: DeclaredRoute[];
  let call: (route: DeclaredRoute, creds: Credentials) => Promise<Answer>;
  const startedWorkflows: string[] = [];
  const table = new Map<string, Record<string, number>>();

  async function observe(route: DeclaredRoute, column: string, creds: Credentials): Promise<Answer> {
    const answer = await call(route, creds);
    const workflowId = (answer.body as { workflowId?: string })?.workflowId;
    if (answer.status === 202 && workflowId) startedWorkflows.push(workflowId);
    table.set(routeName(route), { ...table.get(routeName(route)), [column]: answer.status });
    return answer;
  }

  beforeAll(async () => {
    sim = await createSimulatorApp({
      port: 0,
      webhookUrl: 'http://127.0.0.1:9/unused',
      appSecret: 's',
      accessToken: 'matrix',
      seed: false,
      logger: false,
    });
    // Sign-in, password reset and bootstrap are throttled per address; the matrix calls each many times.
    h = await startEngineApi('auth_matrix', { SIGN_IN_PER_MINUTE: '10000', META_GRAPH_BASE_URL: sim.url, META_ACCESS_TOKEN: 'matrix' });
    ({ a, b } = await createTwoWorkspaces(h.ds));
    res = await seedWorkspaceResources(h.ds, a);
    // Meta knows A's number, so a template sync of A's number succeeds.
    sim.state.addNumber({ phoneNumberId: a.phoneNumberId, wabaId: a.wabaId, displayPhoneNumber: '15550000001', mode: 'coexistence' });
    routes = declaredRoutes(await fetchOpenApi(h.app));
    call = matrixRequester(h.app, a, res);
  });
  afterAll(async () => {
    if (startedWorkflows.length) {
      const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
      const client = new Client({ connection });
      for (const id of startedWorkflows)
        await client.workflow
          .getHandle(id)
          .terminate('matrix test over')
          .catch(() => undefined);
      await connection.close();
    }
    if (process.env.PRINT_MATRIX) printTable(table);
    await h?.close();
    await sim?.close();
  });

  it('finds the api’s routes in the OpenAPI document, each with a declaration', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !r.access).map(routeName)).toEqual([]);
  });

  it('docs/security.md holds the matrix of these declarations (UPDATE_MATRIX=1 rewrites it)', () => {
    const file = join(__dirname, '../../../../docs/security.md');
    const generate = (md: string) => replaceGenerated(replaceGenerated(md, 'permissions', permissionTable()), 'routes', routeTable(routes));
    if (process.env.UPDATE_MATRIX) writeFileSync(file, generate(readFileSync(file, 'utf8')));
    const committed = readFileSync(file, 'utf8');
    expect(committed).toBe(generate(committed));
  });

  it('(a) without credentials: the guard answers 401 on every protected route and lets public routes through', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const answer = await observe(route, 'none', {});
      const refused = answer.status === 401 && GUARD_401.test(message(answer));
      if (route.access === 'public' && refused) problems.push(`${routeName(route)}: public, yet refused`);
      if (route.access !== 'public' && !refused) problems.push(`${routeName(route)}: expected the guard's 401, got ${answer.status}`);
    }
    expect(problems).toEqual([]);
  });

  it('(c) an admin token of workspace B: 404 for each of A’s ids, lists answer 200, and nothing of A in any answer', async () => {
    const aIds = [a.id, a.numberId, ...Object.values(res).filter((v): v is string => typeof v === 'string' && v.length === 36)];
    aIds.push(...Object.values(a.members).map((m) => m.userId));
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const answer = await observe(route, 'B admin token', { authorization: b.adminToken });
      const namesAnId = route.pathParams.length > 0 || route.requiredQuery.length > 0;
      const expected = TOKEN_EXCEPTIONS[routeName(route)] ?? (namesAnId ? 404 : route.method === 'GET' ? 200 : undefined);
      if (expected !== undefined && answer.status !== expected)
        problems.push(`${routeName(route)}: expected ${expected}, got ${answer.status}`);
      if (expected === undefined && (answer.status === 401 || answer.status === 403 || answer.status >= 500))
        problems.push(`${routeName(route)}: expected to pass, got ${answer.status} ${message(answer)}`);
      const leaked = answer.status < 300 ? aIds.filter((id) => answer.text.includes(id)) : [];
      if (leaked.length) problems.push(`${routeName(route)}: answered ${answer.status} with workspace A's ids ${leaked.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('(b) each role of workspace A: the guard answers 403 without the permission, and lets the role through with it', async () => {
    const problems: string[] = [];
    // Reads first, so that a write (archive, remove a member, revoke a token) cannot change what a later read finds.
    const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method !== 'GET')];
    for (const route of ordered.filter((r) => r.access !== 'public')) {
      for (const role of ROLES) {
        // A session of its own per request: signing out or ending sessions must not affect the next case.
        const answer = await observe(route, role, { cookie: await openTestSession(h.ds, a.members[role].userId) });
        const permitted = route.access === ANY_MEMBER || can(role, route.access as Permission);
        const problem = permitted
          ? permittedProblem(route, answer)
          : answer.status === 403 && guard403(role).test(message(answer))
            ? null
            : `expected the guard's 403, got ${answer.status}`;
        if (problem) problems.push(`${routeName(route)} as ${role}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

function printTable(table: Map<string, Record<string, number>>): void {
  const columns = ['none', ...ROLES, 'B admin token'];
  const lines = [`| Route | ${columns.join(' | ')} |`, `|---|${columns.map(() => '--').join('|')}|`];
  for (const [route, statuses] of table) lines.push(`| ${route} | ${columns.map((c) => statuses[c] ?? '').join(' | ')} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
