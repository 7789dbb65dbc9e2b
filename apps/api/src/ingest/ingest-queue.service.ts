import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { IngestProcessor } from './ingest.processor';
import { NumberActivityWriter } from '../numbers/number-activity.writer';
import { StatusBatcher } from './status-batcher';

export const WEBHOOK_INGEST_QUEUE = 'webhook-ingest';

/** Job data: the delivery id only; the body is read from PostgreSQL. */
export interface IngestJobData {
  deliveryId: string;
}

/**
 * `conversation`: deliveries carrying customer messages or echoes — someone waits for the
 * answer, so they go first. `background`: everything else (statuses, history, contact and
 * account updates), processed whenever no conversation delivery waits; at three statuses
 * per reply they would otherwise queue in front of the next customer's message.
 */
export type IngestLane = 'conversation' | 'background';

/** BullMQ runs jobs without a priority before any prioritized job. */
const LANE_PRIORITY: Record<IngestLane, number | undefined> = { conversation: undefined, background: 1 };

/** Deliveries processed at once; per-contact safety comes from row locks, not from this. */
const CONCURRENCY = 4;

/**
 * The `webhook-ingest` BullMQ queue and its in-process worker. Jobs are keyed by delivery
 * id, so enqueueing the same delivery twice is a no-op while its job exists. After the last
 * attempt the delivery is dead-lettered with the error.
 */
@Injectable()
export class IngestQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestQueue.name);
  private readonly cfg = loadConfig(['api', 'redis']);
  private readonly connections: IORedis[] = [];
  private queue?: Queue<IngestJobData>;
  private worker?: Worker<IngestJobData>;
  /** Conversation deliveries being processed here without a job (see {@link submit}). */
  private readonly inline = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly processor: IngestProcessor,
    private readonly statusBatcher: StatusBatcher,
    private readonly activity: NumberActivityWriter,
  ) {}

  onModuleInit(): void {
    const prefix = this.cfg.QUEUE_PREFIX;
    this.queue = new Queue(WEBHOOK_INGEST_QUEUE, { connection: this.connection(3), prefix });
    this.worker = new Worker<IngestJobData>(WEBHOOK_INGEST_QUEUE, (job) => this.run(job), {
      connection: this.connection(null),
      prefix,
      concurrency: CONCURRENCY,
    });
    this.worker.on('error', (err) => this.logger.error(`ingest worker: ${err.message}`));
  }

  /**
   * A conversation delivery is processed at once in this process while fewer than
   * {@link CONCURRENCY} are — someone waits for the answer, and the queue's round trips through
   * Redis are a good part of the work — otherwise, and when that attempt fails, it is queued
   * with its retries. Background deliveries are always queued.
   */
  async submit(deliveryId: string, lane: IngestLane): Promise<void> {
    if (lane !== 'conversation' || this.closing || this.inline.size >= CONCURRENCY) return this.enqueue(deliveryId, lane);
    const run = this.processor
      .process(deliveryId)
      .catch(async (err: unknown) => {
        this.logger.warn(`delivery ${deliveryId}: ${String(err)} — queued for another attempt`);
        await this.enqueue(deliveryId, lane).catch((e: unknown) =>
          this.logger.warn(`delivery ${deliveryId} not queued (the sweeper will): ${String(e)}`),
        );
      })
      .finally(() => this.inline.delete(run));
    this.inline.add(run);
  }

  async enqueue(deliveryId: string, lane: IngestLane = 'conversation'): Promise<void> {
    const priority = LANE_PRIORITY[lane];
    await this.requireQueue().add(
      'ingest',
      { deliveryId },
      {
        jobId: deliveryId,
        ...(priority === undefined ? {} : { priority }),
        attempts: this.cfg.WEBHOOK_INGEST_ATTEMPTS,
        backoff: { type: 'exponential', delay: this.cfg.WEBHOOK_INGEST_BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  /** Queues a dead-lettered delivery again with a fresh set of attempts. */
  async requeue(deliveryId: string): Promise<void> {
    const old = await this.requireQueue().getJob(deliveryId);
    if (old) await old.remove();
    await this.enqueue(deliveryId);
  }

  /**
   * After the sweeper stopped (onModuleDestroy), before the database closes. Waits for running
   * jobs, deliveries processed without one and status batches, then writes the number activity
   * they recorded.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([this.worker?.close(), this.statusBatcher.close(), ...this.inline]);
    await this.activity.flush();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
  }

  private async run(job: Job<IngestJobData>): Promise<void> {
    try {
      await this.processor.process(job.data.deliveryId);
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.processor.recordFailure(job.data.deliveryId, err, final);
      if (final) this.logger.error(`delivery ${job.data.deliveryId} dead-lettered: ${String(err)}`);
      throw err;
    }
  }

  private connection(maxRetriesPerRequest: number | null): IORedis {
    const connection = new IORedis(this.cfg.REDIS_URL, { maxRetriesPerRequest });
    this.connections.push(connection);
    return connection;
  }

  private requireQueue(): Queue<IngestJobData> {
    if (!this.queue) throw new Error('ingest queue used before module init');
    return this.queue;
  }
}
