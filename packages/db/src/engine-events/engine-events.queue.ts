import { createHash } from 'node:crypto';
import { Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { loadConfig } from '@tandem/config';
import type { EngineEvent } from './engine-event.types';

/** Where engine events travel: BullMQ queues `engine-events-<k>` under `prefix`. */
export interface EngineEventsTransport {
  redisUrl: string;
  /** BullMQ key prefix (QUEUE_PREFIX). */
  prefix: string;
  /** Number of ordered partitions (ENGINE_EVENT_PARTITIONS). */
  partitions: number;
}

/** The transport from the environment (REDIS_URL, QUEUE_PREFIX, ENGINE_EVENT_PARTITIONS). */
export function engineEventsTransportFromConfig(): EngineEventsTransport {
  const cfg = loadConfig(['redis']);
  return { redisUrl: cfg.REDIS_URL, prefix: cfg.QUEUE_PREFIX, partitions: cfg.ENGINE_EVENT_PARTITIONS };
}

export function engineEventsQueueName(partition: number): string {
  return `engine-events-${partition}`;
}

/** Stable partition of a contact key: every process maps a contact to the same queue. */
export function engineEventPartition(contactKey: string, partitions: number): number {
  return createHash('sha1').update(contactKey).digest().readUInt32BE(0) % partitions;
}

/** BullMQ refuses integer job ids, so the outbox id is prefixed. */
export function engineEventJobId(eventId: string): string {
  return `evt-${eventId}`;
}

export interface EngineEventsSubscription {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  transport?: EngineEventsTransport;
  /** Called with each handler failure, before BullMQ retries the event. */
  onError?: (error: unknown, event: EngineEvent) => void;
}

/**
 * Consumes engine events: one worker with concurrency 1 per partition, so the events of a
 * contact are handled one at a time in outbox order. A handler that throws is retried by
 * BullMQ (attempts and backoff are set by the publisher); while it waits, later events of
 * the same partition may run — handlers must tolerate that (they are idempotent by `id`).
 * @example
 * const sub = await subscribeEngineEvents(async (event) => {
 *   if (event.kind === 'message.received') await dispatcher.onMessage(event);
 * });
 * await sub.close();
 */
export async function subscribeEngineEvents(
  handler: (event: EngineEvent) => Promise<void>,
  options: SubscribeOptions = {},
): Promise<EngineEventsSubscription> {
  const transport = options.transport ?? engineEventsTransportFromConfig();
  const workers: Worker[] = [];
  const connections: IORedis[] = [];
  for (let k = 0; k < transport.partitions; k++) {
    const connection = new IORedis(transport.redisUrl, { maxRetriesPerRequest: null });
    connections.push(connection);
    const worker = new Worker<EngineEvent>(
      engineEventsQueueName(k),
      async (job: Job<EngineEvent>) => {
        try {
          await handler(job.data);
        } catch (error) {
          options.onError?.(error, job.data);
          throw error;
        }
      },
      { connection, prefix: transport.prefix, concurrency: 1 },
    );
    workers.push(worker);
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
