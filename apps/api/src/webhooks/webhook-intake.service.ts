import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IngestQueue, type IngestLane } from '../ingest/ingest-queue.service';
import { StatusBatcher } from '../ingest/status-batcher';
import { queryRows } from '../common/sql.util';

export interface PersistedDelivery {
  id: string;
  /** True when this exact body was already stored (a redelivery). */
  duplicate: boolean;
  outcome: string;
  receivedAt: Date;
}

/** Durable first step of the webhook: the raw body is in PostgreSQL before Meta gets its 200. */
@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: IngestQueue,
    private readonly statusBatcher: StatusBatcher,
  ) {}

  async persist(body: Buffer, signature: string): Promise<PersistedDelivery> {
    const sha = createHash('sha256').update(body).digest('hex');
    const [inserted] = await queryRows<{ id: string; received_at: Date }>(
      this.dataSource.manager,
      `INSERT INTO webhook_deliveries (body, body_sha256, signature) VALUES ($1, $2, $3)
       ON CONFLICT (body_sha256) DO NOTHING RETURNING id, received_at`,
      [body, sha, signature],
    );
    if (inserted) return { id: inserted.id, duplicate: false, outcome: 'pending', receivedAt: new Date(inserted.received_at) };
    const [existing] = await queryRows<{ id: string; outcome: string; received_at: Date }>(
      this.dataSource.manager,
      'SELECT id, outcome, received_at FROM webhook_deliveries WHERE body_sha256 = $1',
      [sha],
    );
    return { id: existing.id, duplicate: true, outcome: existing.outcome, receivedAt: new Date(existing.received_at) };
  }

  /**
   * Starts processing without making Meta wait (see `IngestQueue.submit`): a failure to queue
   * is logged only, because the sweeper re-enqueues every delivery still pending.
   */
  enqueueSoon(delivery: PersistedDelivery, lane: IngestLane = 'conversation'): void {
    if (delivery.outcome !== 'pending') return;
    this.queue.submit(delivery.id, lane).catch((err: unknown) => {
      this.logger.warn(`delivery ${delivery.id} stored but not queued (sweeper will): ${String(err)}`);
    });
  }

  /**
   * A delivery of statuses only (`body`: as the controller parsed it): applied with others in
   * one transaction when batching is on, else (or when the batch cannot take it) queued on the
   * background lane like any other.
   */
  applyStatusesSoon(delivery: PersistedDelivery, body: Record<string, unknown>): void {
    if (delivery.outcome !== 'pending') return;
    void this.statusBatcher.submit({ id: delivery.id, body, receivedAt: delivery.receivedAt }).then((outcome) => {
      if (outcome === 'individually') this.enqueueSoon(delivery, 'background');
    });
  }
}
