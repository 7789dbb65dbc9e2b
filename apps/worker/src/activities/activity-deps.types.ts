import type { Client } from '@temporalio/client';
import type { SecretKeyRing } from '@tandem/db';
import type { HttpClientPort, NodeRegistry } from '@tandem/node-sdk';
import type { ThroughputGovernor, WhatsAppClient } from '@tandem/whatsapp';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

/** Tuning of the send path (defaults suit production; tests shorten them). */
export interface SendPathOptions {
  /**
   * How long after a crashed attempt a retry waits for a status carrying the outbox key
   * before concluding the message never reached Meta and sending it (default 10 s).
   */
  reconcileWindowMs: number;
  /** Lifetime of the Redis lease that keeps two attempts of one send apart (default 15 s, refreshed). */
  leaseTtlMs: number;
  /** Redis key prefix of the leases. */
  leasePrefix: string;
}

/** Dependencies injected into activities by the worker (see `createActivities`). */
export interface ActivityDeps {
  workerId: string;
  dataSource: DataSource;
  redis: Redis;
  whatsapp: WhatsAppClient;
  governor: ThroughputGovernor;
  registry: NodeRegistry;
  /** Starts journey runs for campaigns. */
  temporal: Client;
  taskQueue: string;
  /** Epoch ms; injected so tests can fix time. */
  clock?: () => number;
  /** Keys of the secrets store behind `ctx.credentials` (default: TANDEM_SECRETS_KEYS). */
  secretKeys?: SecretKeyRing;
  /**
   * `ctx.http` of every node: the outbound guard (`createGuardedHttpClient`, built from
   * `HTTP_ALLOW_HOSTS` by the runtime). Default: the guard with an empty allowlist.
   */
  http?: HttpClientPort;
  send?: Partial<SendPathOptions>;
}
