import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { DeliveryNote, DeliveryOutcome } from '@tandem/db';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import type { Page } from '../conversations/contacts.service';
import type { DeliveryDetailDto, DeliveryDto } from './deliveries.dto';
import { IngestScheduler } from '../ingest/ingest.scheduler';
import { queryRows, toIso } from '../common/sql.util';
import { VISIBLE_DELIVERY_SQL } from './delivery-scope.util';

/** Columns of a delivery without its (up to several MB) body, which is only measured. */
const LIST_COLUMNS = `d.id, d.received_at, d.body_sha256, octet_length(d.body)::int AS body_bytes, d.processed_at, d.outcome,
  d.attempts, d.last_error, d.event_count, d.notes`;

interface DeliveryRow {
  id: string;
  received_at: Date;
  body_sha256: string;
  body_bytes: number;
  processed_at: Date | null;
  outcome: DeliveryOutcome;
  attempts: number;
  last_error: string | null;
  event_count: number | null;
  notes: DeliveryNote[];
}

/**
 * Stored webhook deliveries and dead letters, as far as the caller's workspace may see them
 * (see {@link VISIBLE_DELIVERY_SQL}); any other delivery answers 404 like a missing one.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: IngestScheduler,
  ) {}

  /** Newest first. */
  async list(caller: Caller, outcome: DeliveryOutcome | undefined, page: number, pageSize: number): Promise<Page<DeliveryDto>> {
    const where = `${VISIBLE_DELIVERY_SQL} AND ($2::text IS NULL OR d.outcome = $2)`;
    const params = [caller.workspaceId, outcome ?? null];
    const m = this.dataSource.manager;
    const [rows, [{ total }]] = await Promise.all([
      queryRows<DeliveryRow>(
        m,
        `SELECT ${LIST_COLUMNS} FROM webhook_deliveries d WHERE ${where} ORDER BY d.received_at DESC, d.id LIMIT $3 OFFSET $4`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      queryRows<{ total: number }>(m, `SELECT count(*)::int AS total FROM webhook_deliveries d WHERE ${where}`, params),
    ]);
    return { items: rows.map(toDto), page, pageSize, total };
  }

  async get(caller: Caller, id: string): Promise<DeliveryDetailDto> {
    const [row] = await queryRows<DeliveryRow & { body: Buffer; signature: string }>(
      this.dataSource.manager,
      `SELECT ${LIST_COLUMNS}, d.body, d.signature FROM webhook_deliveries d WHERE ${VISIBLE_DELIVERY_SQL} AND d.id = $2`,
      [caller.workspaceId, id],
    );
    if (!row) throw new NotFoundException(`No webhook delivery ${id}`);
    return { ...toDto(row), body: row.body.toString('utf8'), signature: row.signature };
  }

  /**
   * Gives a dead-lettered delivery a fresh set of attempts (the count starts again), claimed by
   * this process and processed like a new one. Events it already applied stay applied.
   */
  async retry(caller: Caller, id: string): Promise<DeliveryDto> {
    const [row] = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `UPDATE webhook_deliveries d SET outcome = 'pending', attempts = 0, claimed_by = $3,
         next_attempt_at = now() + make_interval(secs => $4)
       WHERE d.id = $2 AND d.outcome = 'dead' AND ${VISIBLE_DELIVERY_SQL} RETURNING d.id`,
      [caller.workspaceId, id, this.scheduler.owner, this.scheduler.leaseSeconds],
    );
    // Read before it starts: the answer says it was queued again (pending), whatever comes next.
    const { body: _body, signature: _signature, ...summary } = await this.get(caller, id);
    if (!row) throw new ConflictException(`Delivery ${id} is not dead-lettered`);
    this.scheduler.submit(id);
    return summary;
  }
}

function toDto(r: DeliveryRow): DeliveryDto {
  return {
    id: r.id,
    receivedAt: r.received_at.toISOString(),
    bodySha256: r.body_sha256,
    bodyBytes: Number(r.body_bytes),
    processedAt: toIso(r.processed_at),
    outcome: r.outcome,
    attempts: r.attempts,
    lastError: r.last_error,
    eventCount: r.event_count,
    notes: r.notes.map((n) => ({ ...n })),
  };
}
