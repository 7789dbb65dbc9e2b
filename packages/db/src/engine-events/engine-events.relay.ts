import { Queue, type JobsOptions } from 'bullmq';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import type { EngineEvent } from './engine-event.types';
import { unwrapUpdate } from '../status/message-status.util';
import { type EngineEventsTransport, engineEventJobId, engineEventPartition, engineEventsQueueName } from './engine-events.queue';

/** Serializes publishers across processes, so rows reach each queue in id order. */
const RELAY_LOCK_KEY = 7_231_004_217;
const BATCH = 500;

const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

interface OutboxRow {
  id: string;
  workspace_id: string;
  number_id: string | null;
  contact_key: string;
  kind: EngineEvent['kind'];
  payload: EngineEvent['payload'];
  delivery_id: string | null;
  created_at: Date;
}

/**
 * Moves committed `domain_events` rows to the partitioned engine queues in id order and
 * stamps them published. Safe to run from several processes and repeatedly: jobs are keyed
 * by event id, so a row republished after a crash (added but not yet stamped) is not
 * duplicated while its job is retained.
 *
 * Per-contact order holds because the intake writes a contact's event while holding that
 * contact's row lock: a later event of the same contact gets a higher id *and* commits later.
 */
export class EngineEventsRelay {
  private readonly connection: IORedis;
  private readonly queues = new Map<number, Queue>();
  private running?: Promise<number>;
  private rerun = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EngineEventsTransport,
  ) {
    // Finite retries: a Redis outage must fail the batch (rows stay unpublished), not hang it.
    this.connection = new IORedis(transport.redisUrl, { maxRetriesPerRequest: 3 });
  }

  /** Publishes every unpublished row; concurrent calls coalesce. Returns rows published by this run. */
  publishPending(): Promise<number> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private async loop(): Promise<number> {
    let total = 0;
    for (;;) {
      this.rerun = false;
      const published = await this.publishBatch();
      total += published;
      if (published < BATCH && !this.rerun) return total;
    }
  }

  private publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);
      // Marked published and read in one statement; if the queues refuse them, the
      // transaction rolls back and they stay unpublished.
      const marked = unwrapUpdate<OutboxRow>(
        await m.query(
          `UPDATE domain_events d SET published_at = now()
           FROM (SELECT id FROM domain_events WHERE published_at IS NULL ORDER BY id LIMIT $1) p WHERE d.id = p.id
           RETURNING d.id::text AS id, d.workspace_id, d.number_id, d.contact_key, d.kind, d.payload, d.delivery_id, d.created_at`,
          [BATCH],
        ),
      );
      const rows = marked.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      if (rows.length === 0) return 0;
      const byPartition = new Map<number, OutboxRow[]>();
      for (const row of rows) {
        const k = engineEventPartition(row.contact_key, this.transport.partitions);
        byPartition.set(k, [...(byPartition.get(k) ?? []), row]);
      }
      for (const [k, list] of byPartition) {
        await this.queue(k).addBulk(
          list.map((row) => ({ name: row.kind, data: toEvent(row), opts: { ...JOB_OPTIONS, jobId: engineEventJobId(row.id) } })),
        );
      }
      return rows.length;
    });
  }

  private queue(partition: number): Queue {
    let queue = this.queues.get(partition);
    if (!queue) {
      queue = new Queue(engineEventsQueueName(partition), { connection: this.connection, prefix: this.transport.prefix });
      this.queues.set(partition, queue);
    }
    return queue;
  }
}

function toEvent(row: OutboxRow): EngineEvent {
  return {
    id: row.id,
    kind: row.kind,
    workspaceId: row.workspace_id,
    numberId: row.number_id,
    contactKey: row.contact_key,
    deliveryId: row.delivery_id,
    createdAt: new Date(row.created_at).toISOString(),
    payload: row.payload,
  } as EngineEvent;
}
