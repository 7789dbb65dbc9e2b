import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { type DeliveryOutcome, WebhookDelivery } from '@tandem/db';
import { DataSource } from 'typeorm';
import type { Page } from '../conversations/contacts.service';
import type { DeliveryDetailDto, DeliveryDto } from './deliveries.dto';
import { IngestScheduler } from '../ingest/ingest.scheduler';
import { queryRows, toIso } from '../common/sql.util';

/** Columns of a delivery without its (up to several MB) body. */
const LIST_COLUMNS = {
  id: true,
  receivedAt: true,
  bodySha256: true,
  processedAt: true,
  outcome: true,
  attempts: true,
  lastError: true,
  eventCount: true,
  notes: true,
} as const;

@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: IngestScheduler,
  ) {}

  /** Newest first. */
  async list(outcome: DeliveryOutcome | undefined, page: number, pageSize: number): Promise<Page<DeliveryDto>> {
    const repo = this.dataSource.getRepository(WebhookDelivery);
    const [rows, total] = await repo.findAndCount({
      select: LIST_COLUMNS,
      where: outcome ? { outcome } : {},
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const sizes = await this.bodySizes(rows.map((r) => r.id));
    return { items: rows.map((r) => toDto(r, sizes.get(r.id) ?? 0)), page, pageSize, total };
  }

  async get(id: string): Promise<DeliveryDetailDto> {
    const row = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
    if (!row) throw new NotFoundException(`No webhook delivery ${id}`);
    return { ...toDto(row, row.body.length), body: row.body.toString('utf8'), signature: row.signature };
  }

  /**
   * Gives a dead-lettered delivery a fresh set of attempts (the count starts again), claimed by
   * this process and processed like a new one. Events it already applied stay applied.
   */
  async retry(id: string): Promise<DeliveryDto> {
    const [row] = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE webhook_deliveries SET outcome = 'pending', attempts = 0, claimed_by = $2,
         next_attempt_at = now() + make_interval(secs => $3)
       WHERE id = $1 AND outcome = 'dead' RETURNING id`,
      [id, this.scheduler.owner, this.scheduler.leaseSeconds],
    );
    if (!row) {
      const exists = await this.dataSource.getRepository(WebhookDelivery).existsBy({ id });
      if (!exists) throw new NotFoundException(`No webhook delivery ${id}`);
      throw new ConflictException(`Delivery ${id} is not dead-lettered`);
    }
    // Read before it starts: the answer says it was queued again (pending), whatever comes next.
    const { body: _body, signature: _signature, ...summary } = await this.get(id);
    this.scheduler.submit(id);
    return summary;
  }

  private async bodySizes(ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; size: number }>(
      this.dataSource.manager,
      'SELECT id, octet_length(body) AS size FROM webhook_deliveries WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, Number(r.size)]));
  }
}

function toDto(r: WebhookDelivery, bodyBytes: number): DeliveryDto {
  return {
    id: r.id,
    receivedAt: r.receivedAt.toISOString(),
    bodySha256: r.bodySha256,
    bodyBytes,
    processedAt: toIso(r.processedAt),
    outcome: r.outcome,
    attempts: r.attempts,
    lastError: r.lastError,
    eventCount: r.eventCount,
    notes: r.notes.map((n) => ({ ...n })),
  };
}
