import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NumberActivityWriter } from '../numbers/number-activity.writer';
import { BatchScheduler } from './batch-scheduler';
import { releaseClaims } from './delivery-claims.util';
import { IngestProcessor } from './ingest.processor';

/** Deliveries per batch at most: a batch of statuses is one transaction, so keep it short. */
const MAX_BATCH = 100;
/** Batches at once; per-contact safety comes from row locks, not from this. */
const CONCURRENCY = 4;
/**
 * How long a delivery of statuses only waits for others: nobody waits for a status, and at
 * 20 conversations a second the three statuses of each reply arrive about 60 a second, so
 * gathering them briefly turns several status transactions into one (measured with
 * `npm run bench:reply`: a batch of one per status made PostgreSQL the second-largest CPU user).
 */
const STATUS_LINGER_MS = 50;

/**
 * The in-process scheduler in front of {@link IngestProcessor}: the webhook, the sweeper and
 * a dead letter's requeue submit delivery ids here, claimed for this process (`owner`).
 *
 * There is no job queue in between (the `webhook-ingest` BullMQ queue is gone): the delivery
 * row is already durable, and PostgreSQL holds everything a queue would — who owns the row
 * and until when, attempts, the next attempt's time, the dead letter — so retries and crash
 * recovery are one UPDATE … SKIP LOCKED in the sweeper instead of a second copy of the state
 * in Redis that has to be kept in step (and a Redis round trip per delivery).
 */
@Injectable()
export class IngestScheduler implements BeforeApplicationShutdown {
  /** This process's claim on the deliveries it stores or takes. */
  readonly owner = randomUUID();
  private readonly logger = new Logger(IngestScheduler.name);
  private readonly batches: BatchScheduler;
  private retryListener?: (at: Date) => void;
  private drainedListener?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly processor: IngestProcessor,
    private readonly activity: NumberActivityWriter,
  ) {
    this.batches = new BatchScheduler((ids) => this.processor.process(ids, this.owner), {
      maxBatch: MAX_BATCH,
      concurrency: CONCURRENCY,
      lingerMs: STATUS_LINGER_MS,
      onRetryDue: (at) => this.retryListener?.(at),
      onDrained: () => this.drainedListener?.(),
      // The claim lapses and a sweeper takes the batch's deliveries again.
      onError: (err) => this.logger.warn(`a batch failed before it started (a sweeper will take it): ${String(err)}`),
    });
  }

  /** Seconds a claim lasts: a stored delivery is this process's for that long. */
  get leaseSeconds(): number {
    return this.processor.leaseSeconds;
  }

  /** Processes a delivery this process claimed, as soon as a slot is free; `statusesOnly`: gathered with others first. */
  submit(deliveryId: string, statusesOnly = false): void {
    this.batches.submit(deliveryId, statusesOnly);
  }

  /** Who is told when a failed delivery is due again (the sweeper). */
  onRetryDue(listener: (at: Date) => void): void {
    this.retryListener = listener;
  }

  /** Who is told when every submitted delivery has started (the sweeper, to take more). */
  onDrained(listener: () => void): void {
    this.drainedListener = listener;
  }

  /**
   * After the sweeper stopped (onModuleDestroy), before the database closes: waits for the
   * running batches, hands the deliveries that never started back to any replica's sweeper,
   * then writes the number activity the batches recorded.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const left = await this.batches.close();
    await releaseClaims(this.dataSource.manager, left, this.owner).catch((err: unknown) =>
      this.logger.warn(`${left.length} deliveries not released (a sweeper takes them when their claim lapses): ${String(err)}`),
    );
    await this.activity.flush();
  }
}
