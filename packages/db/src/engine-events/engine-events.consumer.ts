import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { ENGINE_EVENTS_CHANNEL } from './engine-events.append';
import type { EngineEvent } from './engine-event.types';
import { clientConfigOf, NotificationListener } from './engine-events.listener';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './engine-events.retry';
import { claimHeads, type ClaimedEvent, type FailedAttempt, markDispatched, markFailed } from './engine-events.store';

export interface EngineEventConsumerOptions {
  /** Written as the lease owner of the events it holds (default `<host>:<pid>:<random>`). */
  consumerId?: string;
  /** Events handled at once, each of a different contact (default 8). */
  concurrency?: number;
  /** How long a claim holds an event; a crashed consumer's events are taken again after it (default 60 s). */
  leaseMs?: number;
  /** Safety poll when no notification comes: retries falling due, rows appended without NOTIFY (default 5 s). */
  pollIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The clock for leases and retry times (tests inject one). */
  now?: () => Date;
  /** LISTEN for appended events (default true); without it only the poll and `wake()` find them. */
  listen?: boolean;
  /** Handler failures (with their event) and consumer faults such as a lost database (without). */
  onError?: (error: unknown, event?: EngineEvent) => void;
}

export interface EngineEventConsumer {
  readonly consumerId: string;
  /** Resolves once a pass that began after this call has ended: every event then due was claimed and settled. */
  wake(): Promise<void>;
  /** Stops claiming, lets the events in hand finish and be marked, then disconnects. */
  close(): Promise<void>;
}

/**
 * Runs `handler` for the engine events of `domain_events` in per-contact order (see
 * `claimHeads`), from any number of processes at once: each claims a batch of contacts'
 * head events under a lease, handles them concurrently, and marks them dispatched, or
 * failed with a backoff, or dead after the last attempt. Handlers must be idempotent by
 * event id: an event whose consumer died is handled again once its lease expires.
 * @example
 * const consumer = await startEngineEventConsumer(dataSource, (event) => dispatcher.handle(event));
 * await consumer.close();
 */
export async function startEngineEventConsumer(
  dataSource: DataSource,
  handler: (event: EngineEvent) => Promise<void>,
  options: EngineEventConsumerOptions = {},
): Promise<EngineEventConsumer> {
  const consumer = new Consumer(dataSource, handler, options);
  await consumer.start(options.listen ?? true);
  return consumer;
}

class Consumer implements EngineEventConsumer {
  readonly consumerId: string;
  private readonly retry: RetryPolicy;
  private readonly now: () => Date;
  private readonly onError: (error: unknown, event?: EngineEvent) => void;
  private listener?: NotificationListener;
  private waiters: (() => void)[] = [];
  private woken = false;
  private interrupt?: () => void;
  private closed = false;
  private loop?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly handler: (event: EngineEvent) => Promise<void>,
    private readonly options: EngineEventConsumerOptions,
  ) {
    this.consumerId = options.consumerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => undefined);
  }

  async start(listen: boolean): Promise<void> {
    if (listen) {
      this.listener = new NotificationListener(clientConfigOf(this.dataSource), ENGINE_EVENTS_CHANNEL, () => this.poke(), this.onError);
      await this.listener.start();
    }
    this.loop = this.run();
  }

  wake(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.poke();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.poke();
    await this.loop;
    await this.listener?.close();
  }

  private poke(): void {
    this.woken = true;
    this.interrupt?.();
  }

  /** Claims until nothing is due, then sleeps until a notification, `wake()` or the poll interval. */
  private async run(): Promise<void> {
    while (!this.closed) {
      const waiters = this.waiters.splice(0);
      this.woken = false;
      try {
        while (!this.closed && (await this.pass()) > 0);
      } catch (error) {
        this.onError(error);
      }
      waiters.forEach((resolve) => resolve());
      if (!this.closed && !this.woken) await this.sleep(this.options.pollIntervalMs ?? 5_000);
    }
    this.waiters.splice(0).forEach((resolve) => resolve());
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.interrupt?.(), ms);
      this.interrupt = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
    });
  }

  /** One batch: claim heads, handle them concurrently, record the outcomes; returns how many were claimed. */
  private async pass(): Promise<number> {
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    const claimed = await claimHeads(this.dataSource, this.consumerId, now, leaseUntil, this.options.concurrency ?? 8);
    const settled = await Promise.all(claimed.map((c) => this.attempt(c)));
    const done = this.now();
    await markDispatched(
      this.dataSource,
      this.consumerId,
      claimed.filter((_, i) => settled[i] === undefined).map((c) => c.event.id),
      done,
    );
    await markFailed(
      this.dataSource,
      this.consumerId,
      settled.filter((f): f is FailedAttempt => f !== undefined),
      done,
    );
    return claimed.length;
  }

  /** Runs the handler once; undefined on success, else how to record the failure. */
  private async attempt({ event, attempt }: ClaimedEvent): Promise<FailedAttempt | undefined> {
    if (attempt > this.retry.maxAttempts) {
      // Its last attempt started but never finished: the consumers holding it stopped or overran their lease.
      return { id: event.id, error: `no result after ${attempt - 1} attempts (consumer stopped or lease expired)`, retryAt: null };
    }
    try {
      await this.handler(event);
      return undefined;
    } catch (error) {
      this.onError(error, event);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { id: event.id, error: message, retryAt: nextAttemptAt(this.retry, attempt, this.now()) };
    }
  }
}
