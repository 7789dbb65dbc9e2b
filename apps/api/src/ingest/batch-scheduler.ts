/** What the scheduler runs: one batch of delivery ids; resolves with when a failed one is due again. */
export type RunBatch = (ids: string[]) => Promise<{ retryAt?: Date }>;

export interface BatchSchedulerOptions {
  /** Ids per batch at most. */
  maxBatch: number;
  /** Batches running at once at most. */
  concurrency: number;
  /** How long an id submitted with `linger` waits for company before it may start (default 0). */
  lingerMs?: number;
  /** Told when a batch left a delivery to retry (the sweeper takes it then). */
  onRetryDue?: (at: Date) => void;
  onError?: (err: unknown) => void;
  /** Told when the last waiting id has started (a feeder may hand over more). */
  onDrained?: () => void;
}

/**
 * Gathers delivery ids into batches without waiting for company: an id submitted while a
 * slot is free starts a batch at once (a batch of one, the normal case); ids that arrive while
 * every slot is busy wait and go together into the next batch. An id already waiting or
 * running is not taken twice. An id submitted with `linger` (a delivery nobody waits for)
 * first waits up to `lingerMs` with the others submitted so, then they go as one batch:
 * one transaction instead of several. Nothing here is durable: every id is a stored delivery
 * that a sweeper takes again if this process dies.
 */
export class BatchScheduler {
  private readonly waiting = new Set<string>();
  private readonly lingering = new Set<string>();
  private lingerTimer?: NodeJS.Timeout;
  private readonly inFlight = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly run: RunBatch,
    private readonly options: BatchSchedulerOptions,
  ) {}

  /** False when closed (the id stays stored for a sweeper). `linger`: may wait `lingerMs` for company. */
  submit(id: string, linger = false): boolean {
    if (this.closed) return false;
    if (this.inFlight.has(id) || this.waiting.has(id)) return true;
    if (linger && (this.options.lingerMs ?? 0) > 0) {
      this.lingering.add(id);
      this.lingerTimer ??= setTimeout(() => this.endLinger(), this.options.lingerMs);
      return true;
    }
    this.lingering.delete(id);
    this.waiting.add(id);
    this.pump();
    return true;
  }

  /** Ids waiting for company or for a slot. */
  get backlog(): number {
    return this.waiting.size + this.lingering.size;
  }

  /** Stops starting batches, waits for the running ones, and returns the ids that never started. */
  async close(): Promise<string[]> {
    this.closed = true;
    clearTimeout(this.lingerTimer);
    while (this.running.size > 0) await Promise.race(this.running);
    const left = [...this.waiting, ...this.lingering];
    this.waiting.clear();
    this.lingering.clear();
    return left;
  }

  private endLinger(): void {
    this.lingerTimer = undefined;
    for (const id of this.lingering) this.waiting.add(id);
    this.lingering.clear();
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.options.concurrency && this.waiting.size > 0) this.start();
  }

  private start(): void {
    const ids = [...this.waiting].slice(0, this.options.maxBatch);
    for (const id of ids) {
      this.waiting.delete(id);
      this.inFlight.add(id);
    }
    const run = this.run(ids)
      .then(({ retryAt }) => retryAt && this.options.onRetryDue?.(retryAt))
      .catch((err: unknown) => this.options.onError?.(err))
      .finally(() => {
        ids.forEach((id) => this.inFlight.delete(id));
        this.running.delete(run);
        this.pump();
      });
    this.running.add(run);
    if (this.waiting.size === 0) this.options.onDrained?.();
  }
}
