import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { NodeRegistry } from '@tandem/node-sdk';
import { nodes as coreNodes } from '@tandem/nodes-core';
import { createTestDatabase, type TestDatabase } from '@tandem/testing';
import { ThroughputGovernor, WhatsAppClient } from '@tandem/whatsapp';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { ActivityDeps } from '../activities/activity-deps.types';
import { createActivities } from '../activities/create-activities';
import { Dispatcher } from '../dispatcher/dispatcher.service';
import { createTandemWorker, type TandemWorker } from '../worker.factory';
import { GraphFake } from './graph-fake';
import { StoreFixture } from './store-fixture';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Tests bundle the workflows from source; the production worker loads the prebuilt bundle. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: join(__dirname, '../../../../workflows/src/index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  return bundle;
}

/** The real engine (PostgreSQL, Redis, Temporal, activities, dispatcher) with a fake Graph API. */
export interface EngineHarness {
  db: TestDatabase;
  store: StoreFixture;
  graph: GraphFake;
  deps: ActivityDeps;
  client: Client;
  dispatcher: Dispatcher;
  taskQueue: string;
  /** Starts a worker on the harness's task queue (call once per test file). */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function createEngineHarness(name: string, options: { throughputCap?: number } = {}): Promise<EngineHarness> {
  const id = randomUUID().slice(0, 8);
  const db = await createTestDatabase(name);
  const store = new StoreFixture(db.dataSource);
  await store.seed(options.throughputCap);
  const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
  const graph = new GraphFake();
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  const taskQueue = `test-${name}-${id}`;
  const deps: ActivityDeps = {
    workerId: `test-${id}`,
    dataSource: db.dataSource,
    redis,
    whatsapp: new WhatsAppClient({ baseUrl: 'http://graph.test', graphVersion: 'v23.0', accessToken: 'test-token', fetch: graph.fetch }),
    governor: new ThroughputGovernor({ redis, keyPrefix: `test:${id}:gov` }),
    registry: new NodeRegistry().register(...coreNodes),
    temporal: client,
    taskQueue,
    send: { reconcileWindowMs: 400, leaseTtlMs: 3_000, leasePrefix: `test:${id}:lease` },
  };
  let worker: TandemWorker | undefined;
  let running: Promise<void> | undefined;
  return {
    db,
    store,
    graph,
    deps,
    client,
    dispatcher: new Dispatcher(deps),
    taskQueue,
    async startWorker() {
      worker = await createTandemWorker({ taskQueue, workflowBundle: await workflowBundle(), activities: createActivities(deps) });
      running = worker.worker.run();
    },
    async close() {
      worker?.worker.shutdown();
      await running;
      await worker?.connection.close();
      await connection.close();
      const keys = await redis.keys(`test:${id}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await db.close();
    },
  };
}

/**
 * The latest Temporal execution (run id) of each workflow id. Run starts use deterministic
 * workflow ids, so a call that returned without starting a duplicate leaves these unchanged:
 * comparing them before and after proves "no run started" without waiting for one to show up.
 */
export function latestExecutions(client: Client, workflowIds: string[]): Promise<string[]> {
  return Promise.all(workflowIds.map(async (id) => (await client.workflow.getHandle(id).describe()).runId));
}

/** Polls until `probe` returns a value that is not `undefined`/`false`. */
export async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
