import { Logger } from '@nestjs/common';
import type { StatusBatchResult, StatusDelivery } from './status-batch.processor';

/** How a delivery submitted to the batcher ended: applied in a batch, or left for the one-by-one path. */
export type BatchOutcome = 'batched' | 'individually';

export interface StatusBatcherOptions {
  /** False: every delivery resolves `individually` at once (batching off). */
  enabled: boolean;
  /** How long the first delivery of a batch waits for others. */
  lingerMs: number;
  /** Deliveries per batch at most; a full batch starts at once. */
  maxBatch: number;
  /** Batches running at once at most. */
  maxInFlight: number;
}

interface Waiting {
  delivery: StatusDelivery;
  done: (outcome: BatchOutcome) => void;
}

/**
 * Gathers status-only deliveries for {@link StatusBatchProcessor}: the first one waits
 * `lingerMs` for company, a full batch goes at once. A delivery the batch cannot take, or a
 * batch that fails as a whole, resolves `individually` — the caller queues those one by one,
 * with the queue's retries. Nothing is lost if the process dies: the deliveries are stored
 * and still pending, and the sweeper queues them.
 */
export class StatusBatcher {
  private readonly logger = new Logger(StatusBatcher.name);
  private waiting: Waiting[] = [];
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly apply: (deliveries: StatusDelivery[]) => Promise<StatusBatchResult>,
    private readonly options: StatusBatcherOptions,
  ) {}

  submit(delivery: StatusDelivery): Promise<BatchOutcome> {
    if (this.closed || !this.options.enabled) return Promise.resolve('individually');
    return new Promise((done) => {
      this.waiting.push({ delivery, done });
      this.pump();
    });
  }

  /** Stops taking deliveries, runs what waits, and resolves once every batch has finished. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0 || this.running.size > 0) {
      while (this.waiting.length > 0 && this.running.size < this.options.maxInFlight) this.start();
      await Promise.race(this.running);
    }
  }

  private pump(): void {
    if (this.running.size >= this.options.maxInFlight || this.waiting.length === 0) return;
    if (this.waiting.length >= this.options.maxBatch || this.closed) {
      this.start();
      this.pump();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      if (this.running.size < this.options.maxInFlight) this.start();
      this.pump();
    }, this.options.lingerMs).unref();
  }

  private start(): void {
    const batch = this.waiting.splice(0, this.options.maxBatch);
    if (batch.length === 0) return;
    if (this.waiting.length === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const run = this.run(batch).finally(() => {
      this.running.delete(run);
      this.pump();
    });
    this.running.add(run);
  }

  private async run(batch: Waiting[]): Promise<void> {
    let processed = new Set<string>();
    try {
      processed = new Set((await this.apply(batch.map((w) => w.delivery))).processed);
    } catch (err) {
      this.logger.warn(`a batch of ${batch.length} status deliveries failed; each is queued on its own: ${String(err)}`);
    }
    for (const w of batch) w.done(processed.has(w.delivery.id) ? 'batched' : 'individually');
  }
}
