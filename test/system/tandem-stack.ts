// Starts a whole Tandem — simulator, api, worker (and optionally the studio) — as real
// processes from their build output, on free ports, against a fresh database, its own
// BullMQ prefix and its own Temporal task queue, so system tests never touch `npm start`'s
// instance or each other. PostgreSQL, Redis and Temporal are the ones `npm test` ensures.
// The api's own demo seed runs in it; requests go as the seeded users, signed in.
import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tandem/testing';
import { PRODUCTION_TEST_SECRETS, simControlHeaders } from './production-secrets';

const ROOT = join(__dirname, '..', '..');

/** The roles of the demo users `npm start`'s seed creates, one user each. */
export type DemoRole = 'viewer' | 'agent' | 'marketer' | 'developer' | 'admin';

/** Email and password of a seeded demo user, as the README documents them. */
export const demoUser = (role: DemoRole) => ({ email: `${role}@demo.tandem.dev`, password: 'tandem-demo-password' });

export interface ApiInit {
  method?: string;
  body?: unknown;
  /** The demo user the request is made as (signed in once per stack; default admin). */
  as?: DemoRole;
}

export interface TandemStack {
  apiUrl: string;
  simUrl: string;
  studioUrl?: string;
  db: TestDatabase;
  env: NodeJS.ProcessEnv;
  /** JSON request to the api as a signed-in demo user (`{ as: 'marketer' }`; default admin). */
  api<T = unknown>(path: string, init?: ApiInit): Promise<{ status: number; body: T }>;
  /** The session cookie of a signed-in demo user (`tandem_session=…`), e.g. for a browser context. */
  session(role: DemoRole): Promise<{ name: string; value: string }>;
  /** JSON request to the simulator's control API. */
  sim<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  /** Kills (SIGKILL) and starts a process again, e.g. for crash tests. */
  restart(name: 'api' | 'worker', signal?: NodeJS.Signals): Promise<void>;
  spawnExtraWorker(): Promise<ChildProcess>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startTandemStack(name: string, opts: { studio?: boolean } = {}): Promise<TandemStack> {
  const db = await createTestDatabase(`stack_${name}`);
  const [apiPort, simPort, workerPort, studioPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const suffix = `${name}-${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // TANDEM_ADMIN_TOKEN only bootstraps a first admin; it opens no API route (issue #13).
    ...PRODUCTION_TEST_SECRETS,
    DATABASE_URL: db.url,
    API_PORT: String(apiPort),
    SIMULATOR_PORT: String(simPort),
    WORKER_HEALTH_PORT: String(workerPort),
    STUDIO_PORT: String(studioPort),
    TANDEM_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
    TANDEM_STUDIO_URL: `http://127.0.0.1:${studioPort}`,
    QUEUE_PREFIX: `sys-${suffix}`,
    TEMPORAL_TASK_QUEUE: `sys-${suffix}`,
    META_GRAPH_BASE_URL: `http://127.0.0.1:${simPort}`,
    SIMULATOR_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/webhooks/whatsapp`,
    WORKER_NODE_PACKAGES: '@acme/tandem-nodes',
    // Each stack keeps its downloaded and uploaded media apart (docs/media.md).
    MEDIA_STORAGE_DIR: join(tmpdir(), `tandem-media-${suffix}`),
  };
  const procs = new Map<string, ChildProcess>();
  const extra: ChildProcess[] = [];
  // Never leave orphans behind when the test or benchmark process dies.
  const killAll = () => [...procs.values(), ...extra].forEach((p) => p.exitCode === null && p.kill('SIGKILL'));
  process.once('exit', killAll);
  // TANDEM_STACK_NODE_ARGS: extra node flags for the stack's processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.TANDEM_STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const launch = (file: string) =>
    spawn(process.execPath, [...nodeArgs, join(ROOT, file)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const commands: Record<'simulator' | 'api' | 'worker', () => ChildProcess> = {
    simulator: () => launch('apps/simulator/dist/main.js'),
    api: () => launch('apps/api/dist/main.js'),
    worker: () => launch('apps/worker/dist/main.js'),
  };
  const waitUp = async (label: string, url: string) => {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(url).then(
          (r) => r.status < 500 || r.status === 503,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${label} did not come up at ${url}`);
  };
  const json = async <T>(base: string, path: string, init: { method?: string; body?: unknown } = {}, auth: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { 'content-type': 'application/json', ...auth },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, cookies: res.headers.getSetCookie() };
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // One session cookie per demo user, signed in on first use (a cookie jar per role).
  const sessions = new Map<DemoRole, Promise<string>>();
  const sessionOf = (role: DemoRole) => {
    let cookie = sessions.get(role);
    if (!cookie) {
      cookie = json(apiUrl, '/api/auth/sign-in', { body: demoUser(role) }).then((res) => {
        const session = res.cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('tandem_session='));
        if (res.status !== 200 || !session) throw new Error(`${role} could not sign in: ${res.status} ${JSON.stringify(res.body)}`);
        return session;
      });
      cookie.catch(() => sessions.delete(role));
      sessions.set(role, cookie);
    }
    return cookie;
  };

  await runOnce('apps/api/dist/migrate.js', env);
  procs.set('simulator', commands.simulator());
  await waitUp('simulator', `http://127.0.0.1:${simPort}/_sim/numbers`);
  procs.set('api', commands.api());
  await waitUp('api', `http://127.0.0.1:${apiPort}/health`);
  procs.set('worker', commands.worker());
  await waitUp('worker', `http://127.0.0.1:${workerPort}/`);
  await runOnce('apps/api/dist/seed.js', env);
  let studioUrl: string | undefined;
  if (opts.studio) {
    procs.set(
      'studio',
      spawn(
        process.execPath,
        [
          join(ROOT, 'node_modules/vite/bin/vite.js'),
          'preview',
          '--config',
          'vite.config.mts',
          '--port',
          String(studioPort),
          '--strictPort',
          '--host',
          '127.0.0.1',
        ],
        {
          cwd: join(ROOT, 'apps/studio'),
          env: { ...env, TANDEM_API_URL: `http://127.0.0.1:${apiPort}`, TANDEM_SIM_URL: `http://127.0.0.1:${simPort}` },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
    studioUrl = `http://127.0.0.1:${studioPort}`;
    await waitUp('studio', studioUrl);
  }

  return {
    apiUrl,
    simUrl: `http://127.0.0.1:${simPort}`,
    studioUrl,
    db,
    env,
    api: async (path, init = {}) => {
      const { status, body } = await json(apiUrl, path, init, { cookie: await sessionOf(init.as ?? 'admin') });
      return { status, body: body as never };
    },
    async session(role) {
      const [name, value] = (await sessionOf(role)).split(/=(.*)/s);
      return { name, value };
    },
    sim: async (path, init) => {
      const { status, body } = await json(`http://127.0.0.1:${simPort}`, path, init, simControlHeaders(env));
      return { status, body: body as never };
    },
    async restart(name, signal = 'SIGKILL') {
      const old = procs.get(name);
      old?.kill(signal);
      if (old && old.exitCode === null) await new Promise((r) => old.once('exit', r));
      procs.set(name, commands[name]());
      await waitUp(name, name === 'api' ? `http://127.0.0.1:${apiPort}/health` : `http://127.0.0.1:${workerPort}/`);
    },
    async spawnExtraWorker() {
      const port = await freePort();
      const child = spawn(process.execPath, [join(ROOT, 'apps/worker/dist/main.js')], {
        env: { ...env, WORKER_HEALTH_PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      extra.push(child);
      await waitUp('extra worker', `http://127.0.0.1:${port}/`);
      return child;
    },
    async stop() {
      process.removeListener('exit', killAll);
      const all = [...procs.values(), ...extra];
      for (const p of all) if (p.exitCode === null) p.kill('SIGTERM');
      await Promise.all(all.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : undefined)));
      await db.close();
      await rm(String(env.MEDIA_STORAGE_DIR), { recursive: true, force: true });
    },
  };
}

async function runOnce(file: string, env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, file)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`${file} exited with ${code}`);
}
