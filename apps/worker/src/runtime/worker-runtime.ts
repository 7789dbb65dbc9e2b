import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '@tandem/config';
import { createDataSource, MetaTokenResolver, parseSecretKeys, SecretStore } from '@tandem/db';
import { loadNodePackages, NodeRegistry } from '@tandem/node-sdk';
import { nodes as coreNodes } from '@tandem/nodes-core';
import { ThroughputGovernor, WhatsAppClient } from '@tandem/whatsapp';
import IORedis from 'ioredis';
import { hostname } from 'node:os';
import type { ActivityDeps } from '../activities/activity-deps.types';
import { outboundHttpFromEnv } from './outbound-http';

/** Everything the worker process owns, with one way to close it. */
export interface WorkerRuntime {
  deps: ActivityDeps;
  /**
   * The Temporal connection of the process: the worker polls on it and the client starts
   * runs on it, which lets a start hand its first workflow task straight to this worker
   * (eager start) instead of a round trip through the task queue.
   */
  connection: NativeConnection;
  close(): Promise<void>;
}

/** Node packages to load besides the built-ins: `WORKER_NODE_PACKAGES`, comma-separated. */
export function nodePackageList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Builds the worker's dependencies from the environment: PostgreSQL, Redis (governor and
 * send leases), the Cloud API client (the simulator by default), the Temporal client
 * (campaign starts), the node registry (built-ins + WORKER_NODE_PACKAGES) and the
 * outbound HTTP guard behind `ctx.http` (HTTP_ALLOW_HOSTS, HTTP_MAX_RESPONSE_BYTES).
 */
export async function createWorkerRuntime(): Promise<WorkerRuntime> {
  const cfg = loadConfig(['database', 'redis', 'temporal', 'meta', 'worker', 'secrets']);
  // First: a bad HTTP_ALLOW_HOSTS entry stops the start before any connection is opened.
  const http = outboundHttpFromEnv();
  const dataSource = createDataSource();
  await dataSource.initialize();
  const redis = new IORedis(cfg.REDIS_URL, { maxRetriesPerRequest: 3 });
  const connection = await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS });
  const registry = new NodeRegistry().register(...coreNodes);
  loadNodePackages(nodePackageList(cfg.WORKER_NODE_PACKAGES), registry);
  const secretKeys = parseSecretKeys(cfg.TANDEM_SECRETS_KEYS);
  // Each send carries its WABA's business token from the secrets store (META_ACCESS_TOKEN only
  // for numbers without one, unless META_ACCESS_TOKEN_FALLBACK=false).
  const tokens = new MetaTokenResolver(dataSource, new SecretStore(secretKeys), {
    fallbackToken: cfg.META_ACCESS_TOKEN_FALLBACK === 'true' ? cfg.META_ACCESS_TOKEN : undefined,
  });
  const deps: ActivityDeps = {
    workerId: `${hostname()}:${process.pid}`,
    dataSource,
    redis,
    whatsapp: new WhatsAppClient({
      baseUrl: cfg.META_GRAPH_BASE_URL,
      graphVersion: cfg.META_GRAPH_VERSION,
      accessToken: (scope) => tokens.tokenFor(scope),
    }),
    governor: new ThroughputGovernor({ redis, keyPrefix: `${cfg.QUEUE_PREFIX}:gov` }),
    registry,
    temporal: new Client({ connection, namespace: cfg.TEMPORAL_NAMESPACE }),
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    http,
    secretKeys,
    send: { leasePrefix: `${cfg.QUEUE_PREFIX}:send-lease` },
  };
  return {
    deps,
    connection,
    async close() {
      await connection.close().catch(() => undefined);
      await http.close().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
