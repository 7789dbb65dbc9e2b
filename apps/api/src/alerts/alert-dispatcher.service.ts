import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { createGuardedHttpClient, type GuardedHttpClient } from '@tandem/node-sdk';
import { type Job, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { alertPostBody, loadAlertPost } from './alert-post.util';
import { ALERT_HEADERS, signAlertBody } from './alert-signature.util';

const QUEUE = 'alert-webhooks';
/** Deliveries moved from the outbox onto the queue per poll. */
const POLL_BATCH = 100;

interface PostJob {
  deliveryId: string;
}

/**
 * Posts alerts to the workspace's endpoints. `raiseAlert` writes one `alert_deliveries` row per
 * endpoint in the change's transaction (the outbox); this polls the due rows onto a BullMQ
 * queue, one job per delivery (`jobId` = delivery id, so several api processes polling the same
 * rows add it once), and BullMQ retries a failed post with exponential backoff. The row is the
 * delivery log: attempts, last answer, when the next attempt is due, delivered or failed.
 */
@Injectable()
export class AlertDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AlertDispatcher.name);
  private readonly cfg = loadConfig(['api', 'redis', 'worker']);
  private readonly store = new SecretStore(secretKeysFromEnv());
  private http?: GuardedHttpClient;
  private connection?: IORedis;
  private queue?: Queue<PostJob>;
  private worker?: Worker<PostJob>;
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  constructor(private readonly ds: DataSource) {}

  onApplicationBootstrap(): void {
    this.http = createGuardedHttpClient({ allow: this.cfg.HTTP_ALLOW_HOSTS, maxRedirects: 0, maxResponseBytes: 64 * 1024 });
    this.connection = new IORedis(this.cfg.REDIS_URL, { maxRetriesPerRequest: null });
    const opts = { connection: this.connection, prefix: this.cfg.QUEUE_PREFIX };
    this.queue = new Queue<PostJob>(QUEUE, opts);
    this.worker = new Worker<PostJob>(QUEUE, (job) => this.post(job), { ...opts, concurrency: 4 });
    this.worker.on('error', (err) => this.logger.warn(`alert queue: ${String(err)}`));
    this.timer = setInterval(() => void this.poll(), this.cfg.ALERT_DISPATCH_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.polling;
    await this.worker?.close();
    await this.queue?.close();
    await this.http?.close();
    this.connection?.disconnect();
  }

  /** Queues the due deliveries (a repeat of a queued one is ignored by BullMQ). */
  poll(): Promise<void> {
    this.polling ??= this.queueDue()
      .catch((err: unknown) => this.logger.warn(`alert dispatch poll failed: ${String(err)}`))
      .finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async queueDue(): Promise<void> {
    const due = await queryRows<{ id: string }>(
      this.ds.manager,
      `SELECT id FROM alert_deliveries WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1`,
      [POLL_BATCH],
    );
    if (due.length === 0 || !this.queue) return;
    await this.queue.addBulk(
      due.map((d) => ({
        name: 'post',
        data: { deliveryId: d.id },
        opts: {
          jobId: d.id,
          attempts: this.cfg.ALERT_WEBHOOK_ATTEMPTS,
          backoff: { type: 'exponential', delay: this.cfg.ALERT_WEBHOOK_BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: { age: 7 * 86_400 },
        },
      })),
    );
  }

  /** One attempt; throwing hands the retry to BullMQ. */
  private async post(job: Job<PostJob>): Promise<void> {
    const post = await loadAlertPost(this.ds.manager, job.data.deliveryId);
    if (!post || post.status !== 'pending') return;
    const attempt = job.attemptsMade + 1;
    if (!post.endpoint.enabled) return this.record(post.deliveryId, attempt, { final: 'failed', error: 'the endpoint is disabled' });
    const secret = await this.store.read(this.ds.manager, post.workspaceId, post.endpoint.secretName);
    if (!secret) return this.record(post.deliveryId, attempt, { final: 'failed', error: 'the endpoint has no signing secret' });
    const body = alertPostBody(post);
    const ts = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string;
    try {
      const res = await this.http!.request({
        method: 'POST',
        url: post.endpoint.url,
        body,
        timeoutMs: 10_000,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tandem-Alerts/1',
          [ALERT_HEADERS.timestamp]: String(ts),
          [ALERT_HEADERS.signature]: signAlertBody(secret, ts, body),
          [ALERT_HEADERS.delivery]: post.deliveryId,
          [ALERT_HEADERS.event]: post.event,
        },
      });
      status = res.status;
      if (status >= 200 && status < 300) return this.record(post.deliveryId, attempt, { final: 'delivered', status });
      error = `the endpoint answered ${status}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const last = attempt >= (job.opts.attempts ?? 1);
    await this.record(post.deliveryId, attempt, {
      final: last ? 'failed' : undefined,
      status,
      error,
      retryInMs: last ? undefined : this.cfg.ALERT_WEBHOOK_BACKOFF_MS * 2 ** (attempt - 1),
    });
    if (!last) throw new Error(error);
  }

  private async record(
    deliveryId: string,
    attempts: number,
    outcome: { final?: 'delivered' | 'failed'; status?: number | null; error?: string; retryInMs?: number },
  ): Promise<void> {
    await this.ds.query(
      `UPDATE alert_deliveries SET attempts = $2, status = coalesce($3, status), response_status = $4, last_error = $5,
         delivered_at = CASE WHEN $3 = 'delivered' THEN now() END,
         next_attempt_at = CASE WHEN $6::int IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $6::int / 1000.0) END
       WHERE id = $1`,
      [deliveryId, attempts, outcome.final ?? null, outcome.status ?? null, outcome.error ?? null, outcome.retryInMs ?? null],
    );
  }
}
