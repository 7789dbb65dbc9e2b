import { Inject, Injectable, Logger } from '@nestjs/common';
import { BehaviourService } from '../common/behaviour.service';
import { signBody, toMetaJson } from '../common/meta-json.util';
import { SchedulerService } from '../common/scheduler.service';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import type { Delivery, DeliveryAttempt, DeliveryFilter } from './delivery.types';
import { postBody } from './http-post.util';

/**
 * Delivers signed webhooks to the callback URL. Deliveries sharing a key (one contact of one
 * number, or one WABA's account events) go out strictly in order: a failing head is retried
 * with exponential backoff and holds the ones behind it until it succeeds or passes the
 * horizon. Keys run in parallel up to the configured concurrency.
 */
@Injectable()
export class WebhookDispatcherService {
  private readonly logger = new Logger('Webhooks');
  private deliveries: Delivery[] = [];
  private readonly queues = new Map<string, Delivery[]>();
  private readonly ready = new Set<string>();
  private inFlight = 0;
  private nextId = 1;
  private generation = 0;
  /** Aborted on reset so no request of the old state reaches the receiver afterwards. */
  private inFlightAbort = new AbortController();

  constructor(
    @Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions,
    private readonly behaviour: BehaviourService,
    private readonly scheduler: SchedulerService,
  ) {}

  enqueue(key: string, field: string, payload: unknown): Delivery {
    const body = toMetaJson(payload);
    return this.push({ key, field, body, signature: signBody(body, this.options.appSecret) });
  }

  list(filter: DeliveryFilter = {}): Delivery[] {
    const matches = this.deliveries.filter(
      (d) =>
        (filter.field === undefined || d.field === filter.field) &&
        (filter.state === undefined || d.state === filter.state) &&
        (filter.since === undefined || d.createdAt >= filter.since) &&
        (filter.contains === undefined || d.body.includes(filter.contains)),
    );
    return filter.limit === undefined ? matches : matches.slice(-filter.limit);
  }

  isIdle(): boolean {
    return this.queues.size === 0 && this.inFlight === 0;
  }

  stats(): {
    total: number;
    delivered: number;
    dropped: number;
    pending: number;
    attempts: number;
    attemptsByStatus: Record<string, number>;
  } {
    const attemptsByStatus: Record<string, number> = {};
    let attempts = 0;
    for (const d of this.deliveries) {
      for (const a of d.attempts) {
        attempts++;
        const k = a.statusCode === null ? 'network_error' : String(a.statusCode);
        attemptsByStatus[k] = (attemptsByStatus[k] ?? 0) + 1;
      }
    }
    const count = (state: Delivery['state']) => this.deliveries.filter((d) => d.state === state).length;
    const delivered = count('delivered');
    const dropped = count('dropped');
    return {
      total: this.deliveries.length,
      delivered,
      dropped,
      pending: this.deliveries.length - delivered - dropped,
      attempts,
      attemptsByStatus,
    };
  }

  reset(): void {
    this.generation++;
    this.inFlightAbort.abort();
    this.inFlightAbort = new AbortController();
    this.deliveries = [];
    this.queues.clear();
    this.ready.clear();
    this.inFlight = 0;
    this.nextId = 1;
  }

  private push(input: Pick<Delivery, 'key' | 'field' | 'body' | 'signature' | 'duplicateOf'>): Delivery {
    const delivery: Delivery = { ...input, id: this.nextId++, createdAt: Date.now(), state: 'queued', attempts: [] };
    this.deliveries.push(delivery);
    const queue = this.queues.get(delivery.key);
    if (queue) queue.push(delivery);
    else {
      this.queues.set(delivery.key, [delivery]);
      this.ready.add(delivery.key);
    }
    this.pump();
    return delivery;
  }

  private pump(): void {
    for (const key of this.ready) {
      if (this.inFlight >= this.behaviour.current.concurrency) return;
      this.ready.delete(key);
      const head = this.queues.get(key)?.[0];
      if (head) void this.attempt(head);
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const generation = this.generation;
    this.inFlight++;
    delivery.state = 'in_flight';
    const result = await this.post(delivery);
    if (generation !== this.generation) return;
    this.inFlight--;
    delivery.attempts.push(result);
    if (result.statusCode === 200) this.succeed(delivery);
    else this.retryOrDrop(delivery, result);
    this.pump();
  }

  private async post(delivery: Delivery): Promise<DeliveryAttempt> {
    const started = Date.now();
    const attempt = delivery.attempts.length + 1;
    try {
      const statusCode = await postBody(
        this.behaviour.current.webhookUrl,
        { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature, 'user-agent': 'facebookexternalua' },
        delivery.body,
        this.behaviour.current.requestTimeoutMs,
        this.inFlightAbort.signal,
      );
      return { attempt, at: started, statusCode, durationMs: Date.now() - started };
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      return { attempt, at: started, statusCode: null, error: `${String(error)}${cause}`, durationMs: Date.now() - started };
    }
  }

  private succeed(delivery: Delivery): void {
    delivery.state = 'delivered';
    delivery.nextAttemptAt = undefined;
    this.advance(delivery.key);
    if (delivery.duplicateOf === undefined && Math.random() < this.behaviour.current.duplicateRate) {
      this.push({ key: delivery.key, field: delivery.field, body: delivery.body, signature: delivery.signature, duplicateOf: delivery.id });
    }
  }

  private retryOrDrop(delivery: Delivery, result: DeliveryAttempt): void {
    const { initialMs, maxMs, horizonMs } = this.behaviour.current.retry;
    const delay = Math.min(initialMs * 2 ** (delivery.attempts.length - 1), maxMs);
    const firstAttemptAt = delivery.attempts[0].at;
    if (Date.now() + delay > firstAttemptAt + horizonMs) {
      delivery.state = 'dropped';
      delivery.nextAttemptAt = undefined;
      this.logger.warn(
        `webhook #${delivery.id} (${delivery.field}) dropped after ${delivery.attempts.length} attempts (last: ${result.statusCode ?? result.error})`,
      );
      this.advance(delivery.key);
      return;
    }
    delivery.state = 'retry_wait';
    delivery.nextAttemptAt = Date.now() + delay;
    const generation = this.generation;
    this.scheduler.schedule(delay, () => {
      if (generation !== this.generation) return;
      delivery.state = 'queued';
      this.ready.add(delivery.key);
      this.pump();
    });
  }

  private advance(key: string): void {
    const queue = this.queues.get(key);
    queue?.shift();
    if (!queue || queue.length === 0) this.queues.delete(key);
    else this.ready.add(key);
  }
}
