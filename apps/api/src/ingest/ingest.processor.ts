import { Injectable, Logger } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { parseWebhook } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { NumberActivityWriter } from '../numbers/number-activity.writer';
import { applyDelivery } from './apply-delivery.util';
import { applyStatusDeliveries, asStatusDelivery, type StatusDelivery } from './apply-statuses.util';
import { claimForBatch, recordFailure, renewClaim } from './delivery-claims.util';
import { EventRouter } from './event-router.util';
import { NumberActivity } from './handlers/handler.types';

/** How a batch ended: the earliest retry time of its failed deliveries, if any failed. */
export interface BatchResult {
  retryAt?: Date;
}

/**
 * The one processor of stored webhook deliveries, whoever hands them over (the webhook as it
 * stores them, the sweeper for leftovers and retries, a dead letter's requeue). It takes a
 * batch of ids — one is the normal case — that `owner` claimed. Deliveries holding only
 * statuses are applied together in one transaction; every other delivery event by event
 * (`applyDelivery`), customer messages first. A delivery that fails is marked failed with
 * its retry time, or dead after WEBHOOK_INGEST_ATTEMPTS; the others of its batch are not held back.
 */
@Injectable()
export class IngestProcessor {
  private readonly logger = new Logger(IngestProcessor.name);
  private readonly cfg = loadConfig(['api']);

  constructor(
    private readonly dataSource: DataSource,
    private readonly activityWriter: NumberActivityWriter,
  ) {}

  /** Seconds a claim lasts without renewal; also how long a stored delivery waits before a sweeper may take it. */
  get leaseSeconds(): number {
    return this.cfg.INTAKE_SWEEP_AFTER_SECONDS;
  }

  async process(ids: readonly string[], owner: string): Promise<BatchResult> {
    const claimed = await claimForBatch(this.dataSource.manager, ids, owner, this.leaseSeconds);
    if (claimed.length === 0) return {};
    const router = new EventRouter(this.dataSource);
    const result: BatchResult = {};
    const statusOnly: { delivery: StatusDelivery; activity: NumberActivity }[] = [];
    for (const row of claimed) {
      const activity = new NumberActivity(row.receivedAt);
      // Reading and routing are guarded too: a throw here would fail the whole batch before it
      // started, leaving every delivery of it pending (no attempt counted) to be swept again forever.
      const read = await this.guard(row.id, result, async () => {
        const events = parseWebhook(row.body, { receivedAt: row.receivedAt.getTime() });
        return { events, statuses: await asStatusDelivery(row.id, events, router, activity) };
      });
      if (!read) continue;
      const { events, statuses } = read;
      if (statuses) {
        statusOnly.push({ delivery: statuses, activity });
        continue;
      }
      const beforeEvent = this.keepClaim(row.id, owner);
      const applied = await this.guard(row.id, result, () =>
        applyDelivery(this.dataSource, { id: row.id, events, router, activity, beforeEvent }),
      );
      if (applied !== undefined) this.activityWriter.record(activity);
    }
    await this.applyStatuses(statusOnly, result);
    return result;
  }

  /**
   * Status deliveries in one transaction; if it fails (a deadlock with another batch, a bad
   * row), each is tried alone, so only the delivery at fault is marked failed.
   */
  private async applyStatuses(list: { delivery: StatusDelivery; activity: NumberActivity }[], result: BatchResult): Promise<number> {
    if (list.length === 0) return 0;
    let applied: number | undefined;
    if (list.length > 1) {
      applied = await applyStatusDeliveries(
        this.dataSource,
        list.map((d) => d.delivery),
      ).catch((err: unknown) => {
        this.logger.warn(`a batch of ${list.length} status deliveries failed; each is tried alone: ${String(err)}`);
        return undefined;
      });
    }
    if (applied !== undefined) {
      list.forEach((d) => this.activityWriter.record(d.activity));
      return applied;
    }
    let total = 0;
    for (const { delivery, activity } of list) {
      const one = await this.guard(delivery.id, result, () => applyStatusDeliveries(this.dataSource, [delivery]));
      if (one !== undefined) this.activityWriter.record(activity);
      total += one ?? 0;
    }
    return total;
  }

  /** Runs one delivery's work; a failure is recorded on the delivery (retry time or dead letter), never thrown. */
  private async guard<T>(deliveryId: string, result: BatchResult, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      const policy = { maxAttempts: this.cfg.WEBHOOK_INGEST_ATTEMPTS, backoffMs: this.cfg.WEBHOOK_INGEST_BACKOFF_MS };
      const failed = await recordFailure(this.dataSource.manager, deliveryId, err, policy);
      if (failed?.outcome === 'dead') this.logger.error(`delivery ${deliveryId} dead-lettered: ${String(err)}`);
      else if (failed)
        this.logger.warn(`delivery ${deliveryId} failed, retried from ${failed.nextAttemptAt.toISOString()}: ${String(err)}`);
      if (failed?.outcome === 'failed' && (!result.retryAt || failed.nextAttemptAt < result.retryAt)) result.retryAt = failed.nextAttemptAt;
      return undefined;
    }
  }

  /** Renews the claim before an event once a quarter of the lease has passed (large history chunks). */
  private keepClaim(deliveryId: string, owner: string): () => Promise<void> {
    let renewedAt = Date.now();
    return async () => {
      if (Date.now() - renewedAt < (this.leaseSeconds * 1000) / 4) return;
      await renewClaim(this.dataSource.manager, deliveryId, owner, this.leaseSeconds);
      renewedAt = Date.now();
    };
  }
}
