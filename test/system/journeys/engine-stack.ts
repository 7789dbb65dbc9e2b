import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createTestDatabase, type TestDatabase } from '@tandem/testing';
import IORedis from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
/** The simulator's demo coexistence number (apps/simulator README, demo seed). */
export const DEMO = { phoneNumberId: '108932450377265', wabaId: '114620785021387', display: '15557012244' };
const TOKEN = 'system-access-token';
const SECRET = 'system-app-secret';

/** One entry of the simulator's send ledger. */
export interface LedgerEntry {
  recipient?: string;
  type?: string;
  templateName?: string;
  outcome: 'accepted' | 'refused';
  errorCode?: number;
  wamid?: string;
}

/**
 * The whole engine as separate processes, started from source (swc): the simulator as
 * Meta, the api (webhook intake → engine events), and N workers (Temporal worker +
 * dispatcher), sharing a fresh database and Redis prefix.
 */
export interface EngineStack {
  db: TestDatabase;
  workspaceId: string;
  numberId: string;
  simUrl: string;
  /** The api process, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  client: Client;
  taskQueue: string;
  workers: ChildProcess[];
  startWorker(): Promise<ChildProcess>;
  sim(path: string, body: unknown): Promise<unknown>;
  ledger(): Promise<LedgerEntry[]>;
  logs(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

export async function until<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startEngineStack(name: string, workerCount: number): Promise<EngineStack> {
  const id = randomUUID().slice(0, 8);
  const dir = mkdtempSync(join(tmpdir(), `tandem-${name}-`));
  const logPath = join(dir, 'processes.log');
  const log = createWriteStream(logPath);
  const db = await createTestDatabase(name);
  const [simPort, apiPort] = [await freePort(), await freePort()];
  const simUrl = `http://127.0.0.1:${simPort}`;
  const taskQueue = `system-${name}-${id}`;
  const prefix = `system-${name}-${id}`;
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(ROOT, 'workflows/src/index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  writeFileSync(join(dir, 'workflow-bundle.js'), code);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '10',
    QUEUE_PREFIX: prefix,
    TEMPORAL_TASK_QUEUE: taskQueue,
    META_GRAPH_BASE_URL: simUrl,
    META_ACCESS_TOKEN: TOKEN,
    META_APP_SECRET: SECRET,
    SIMULATOR_PORT: String(simPort),
    SIMULATOR_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/webhooks/whatsapp`,
    API_PORT: String(apiPort),
    INTAKE_SWEEP_INTERVAL_SECONDS: '2',
    WORKFLOW_BUNDLE_PATH: join(dir, 'workflow-bundle.js'),
  };
  const children: ChildProcess[] = [];
  const run = (label: string, entry: string, extra: Record<string, string> = {}) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
      cwd: ROOT,
      env: { ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => log.write(`[${label}] ${d}`));
    child.stderr?.on('data', (d: Buffer) => log.write(`[${label}!] ${d}`));
    children.push(child);
    return child;
  };
  run('simulator', 'apps/simulator/src/main.ts');
  const [ws] = await db.dataSource.query(`INSERT INTO workspaces (name) VALUES ('System') RETURNING id`);
  const [num] = await db.dataSource.query(
    `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap, onboarded_at)
     VALUES ($1, $2, $3, $4, 'coexistence', 20, now() - interval '3 days') RETURNING id`,
    [ws.id, DEMO.phoneNumberId, DEMO.wabaId, DEMO.display],
  );
  run('api', 'apps/api/src/main.ts');
  const workers: ChildProcess[] = [];
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const stack: EngineStack = {
    db,
    workspaceId: ws.id,
    numberId: num.id,
    simUrl,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    client: new Client({ connection }),
    taskQueue,
    workers,
    async startWorker() {
      const healthPort = await freePort();
      const worker = run(`worker-${workers.length + 1}`, 'apps/worker/src/main.ts', { WORKER_HEALTH_PORT: String(healthPort) });
      workers.push(worker);
      await until(async () => (await fetch(`http://127.0.0.1:${healthPort}`)).ok, 90_000, `worker ${workers.length} healthy`);
      return worker;
    },
    async sim(path, body) {
      const res = await fetch(`${simUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    async ledger() {
      const res = await fetch(`${simUrl}/_sim/ledger?phoneNumberId=${DEMO.phoneNumberId}&limit=100000`);
      return ((await res.json()) as { entries: LedgerEntry[] }).entries;
    },
    logs: () => readFileSync(logPath, 'utf8'),
    async close() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.all(
        children.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('exit', r)))),
      );
      await connection.close();
      const redis = new IORedis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      log.end();
      await db.close();
    },
  };
  await until(async () => (await fetch(`${simUrl}/_sim/ledger`)).ok, 90_000, 'simulator up');
  await until(async () => (await fetch(`http://127.0.0.1:${apiPort}/health`)).status < 500, 90_000, 'api up');
  for (let i = 0; i < workerCount; i++) await stack.startWorker();
  return stack;
}

/** Publishes `document` (journey-model JSON) as the live version of an active journey (on the demo number unless given). */
export async function publishJourney(stack: EngineStack, document: Record<string, unknown>, numberId = stack.numberId): Promise<string> {
  const doc = JSON.stringify({ ...document, settings: { ...(document.settings as object), numberId } });
  const [journey] = await stack.db.dataSource.query(
    `INSERT INTO journeys (workspace_id, name, status, draft, live_version) VALUES ($1, 'system', 'active', $2, 1) RETURNING id`,
    [stack.workspaceId, doc],
  );
  await stack.db.dataSource.query(`INSERT INTO journey_versions (workspace_id, journey_id, version, document) VALUES ($1, $2, 1, $3)`, [
    stack.workspaceId,
    journey.id,
    doc,
  ]);
  return journey.id;
}
