import { createTestDatabase, type TestDatabase } from '@tandem/testing';
import { createServer, type AddressInfo } from 'node:net';
// The seed talks to the Graph API: the simulator app is that process boundary, run in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../simulator/src';
import { ROLES } from '@tandem/api-contract';
import { verifyPassword } from '../auth/password.util';
import { DEMO_JOURNEY_NAME } from './demo-journey';
import { DEMO_PASSWORD, demoUserEmail } from './demo-users';
import { runDemoSeed } from './run-demo-seed';

jest.setTimeout(60_000);

const TOKEN = 'seed-test-token';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('demo seed', () => {
  let db: TestDatabase;
  let sim: SimulatorHandle | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('api_demo_seed');
    Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: db.url, META_ACCESS_TOKEN: TOKEN, META_GRAPH_VERSION: 'v23.0' });
  });
  afterAll(async () => {
    await sim?.close();
    await db.close();
  });

  const count = async (table: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('waits for the Graph API, then seeds numbers, templates and the published demo journey with no errors', async () => {
    const port = await freePort();
    process.env.META_GRAPH_BASE_URL = `http://127.0.0.1:${port}`;
    const lines: string[] = [];
    const seeding = runDemoSeed({ attempts: 40, retryDelayMs: 100, log: (l) => lines.push(l) });
    // The simulator comes up only once the seed has found the Graph API down and is retrying.
    while (!lines.some((l) => l.includes('retrying'))) await new Promise((r) => setTimeout(r, 10));
    sim = await createSimulatorApp({
      port,
      webhookUrl: 'http://127.0.0.1:9/unused',
      appSecret: 'secret',
      accessToken: TOKEN,
      seed: true,
      logger: false,
    });
    const result = await seeding;

    expect(result.created).toEqual([
      'workspace',
      ...ROLES.flatMap((role) => [`user:${role}`, `member:${role}`]),
      'number:coexistence',
      'number:cloud',
      'journey',
      'version:1',
    ]);
    const numbers = await db.dataSource.query(
      `SELECT phone_number_id, mode, throughput_cap, onboarded_at FROM business_numbers ORDER BY mode DESC`,
    );
    expect(
      numbers.map((n: { phone_number_id: string; mode: string; throughput_cap: number }) => [n.phone_number_id, n.mode, n.throughput_cap]),
    ).toEqual([
      ['108932450377265', 'coexistence', 20],
      ['117845209336471', 'cloud', 80],
    ]);
    const templates = await db.dataSource.query(`SELECT name, status FROM templates WHERE waba_id = '114620785021387' ORDER BY name`);
    expect(templates).toEqual(
      expect.arrayContaining([
        { name: 'pricing_info', status: 'APPROVED' },
        { name: 'summer_sale_2026', status: 'PAUSED' },
      ]),
    );
    const [journey] = await db.dataSource.query(`SELECT name, status, live_version, settings FROM journeys`);
    expect(journey).toMatchObject({
      name: DEMO_JOURNEY_NAME,
      status: 'active',
      live_version: 1,
      settings: { onTeammateReply: 'stop', numberId: result.numberIds.coexistence },
    });
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/published the demo journey as version 1 \(0 warnings\)/)]));
  });

  it('gives the demo workspace one user per role, signing in with the demo password', async () => {
    const rows: { email: string; role: string; password_hash: string; workspace: string }[] = await db.dataSource.query(
      `SELECT u.email, m.role, u.password_hash, w.name AS workspace
         FROM users u JOIN workspace_members m ON m.user_id = u.id JOIN workspaces w ON w.id = m.workspace_id ORDER BY u.email`,
    );
    expect(rows.map((r) => [r.email, r.role, r.workspace])).toEqual(
      [...ROLES].sort().map((role) => [demoUserEmail(role), role, 'Tandem demo']),
    );
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      await expect(verifyPassword(row.password_hash, DEMO_PASSWORD)).resolves.toBe(true);
    }
  });

  const TABLES = ['workspaces', 'users', 'workspace_members', 'business_numbers', 'templates', 'journeys', 'journey_versions'];

  it('creates nothing new when run again, and leaves changed users and roles alone', async () => {
    // An admin demoted the marketer and the developer changed their password in the meantime.
    await db.dataSource.query(`UPDATE workspace_members SET role = 'viewer' FROM users u WHERE u.id = user_id AND u.email = $1`, [
      demoUserEmail('marketer'),
    ]);
    await db.dataSource.query(`UPDATE users SET password_hash = 'changed' WHERE email = $1`, [demoUserEmail('developer')]);
    const before = await Promise.all(TABLES.map(count));
    const again = await runDemoSeed({ attempts: 2, retryDelayMs: 10 });
    expect(again.created).toEqual([]);
    expect(await Promise.all(TABLES.map(count))).toEqual(before);
    const [marketer] = await db.dataSource.query(
      `SELECT m.role FROM workspace_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [demoUserEmail('marketer')],
    );
    expect(marketer.role).toBe('viewer');
    const [developer] = await db.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [demoUserEmail('developer')]);
    expect(developer.password_hash).toBe('changed');
  });
});
