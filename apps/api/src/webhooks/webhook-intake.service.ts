import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { WebhookBodyKind, WebhookBodySummary } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { IngestScheduler } from '../ingest/ingest.scheduler';

export interface PersistedDelivery {
  id: string;
  /** True when this exact body was already stored (a redelivery). */
  duplicate: boolean;
  outcome: string;
}

/**
 * Durable first step of the webhook: the raw body is in PostgreSQL before Meta gets its 200,
 * claimed by this process for INTAKE_SWEEP_AFTER_SECONDS, then handed to the ingest.
 */
@Injectable()
export class WebhookIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: IngestScheduler,
  ) {}

  /**
   * `names` (from `classifyWebhookBody`) are the numbers and WABAs the body names: they decide
   * which workspaces see the delivery over REST, before (and whether or not) it is routed.
   */
  async persist(
    body: Buffer,
    signature: string,
    names: Pick<WebhookBodySummary, 'phoneNumberIds' | 'wabaIds'>,
  ): Promise<PersistedDelivery> {
    const sha = createHash('sha256').update(body).digest('hex');
    const [inserted] = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `INSERT INTO webhook_deliveries (body, body_sha256, signature, claimed_by, next_attempt_at, phone_number_ids, waba_ids)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6::text[], $7::text[])
       ON CONFLICT (body_sha256) DO NOTHING RETURNING id`,
      [body, sha, signature, this.scheduler.owner, this.scheduler.leaseSeconds, names.phoneNumberIds, names.wabaIds],
    );
    if (inserted) return { id: inserted.id, duplicate: false, outcome: 'pending' };
    const [existing] = await queryRows<{ id: string; outcome: string }>(
      this.dataSource.manager,
      'SELECT id, outcome FROM webhook_deliveries WHERE body_sha256 = $1',
      [sha],
    );
    return { id: existing.id, duplicate: true, outcome: existing.outcome };
  }

  /**
   * Starts processing without making Meta wait. A redelivery of a delivery still pending is
   * submitted too: the processor takes it only if this process holds the claim (else its
   * holder, or a sweeper once the claim lapses, does). A delivery of statuses only waits a
   * moment for others (see `IngestScheduler`).
   */
  processSoon(delivery: PersistedDelivery, kind: WebhookBodyKind = 'other'): void {
    if (delivery.outcome === 'pending') this.scheduler.submit(delivery.id, kind === 'statuses');
  }
}
