import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { recomputeMessageStatuses } from '@tandem/db';
import { DataSource } from 'typeorm';
import { EngineEventsPublisher } from './engine-events.publisher';
import { IngestQueue } from './ingest-queue.service';
import { queryRows } from '../common/sql.util';

export interface SweepReport {
  requeued: number;
  published: number;
  reconciled: number;
}

const BATCH = 1000;

/**
 * Repairs what a crash can leave behind, at start-up and every INTAKE_SWEEP_INTERVAL_SECONDS:
 * deliveries stored but never queued (or whose jobs Redis lost), outbox rows committed but
 * not published, and statuses that arrived before their message was written (e.g. by the engine).
 */
@Injectable()
export class IntakeSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntakeSweeper.name);
  private readonly intervalMs = loadConfig(['api']).INTAKE_SWEEP_INTERVAL_SECONDS * 1000;
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepReport>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: IngestQueue,
    private readonly publisher: EngineEventsPublisher,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; concurrent calls share it. Never rejects (problems are logged). */
  sweep(): Promise<SweepReport> {
    this.running ??= this.pass()
      .catch((err: unknown) => {
        this.logger.error(`sweep failed: ${String(err)}`);
        return { requeued: 0, published: 0, reconciled: 0 };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<SweepReport> {
    const stranded = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM webhook_deliveries WHERE outcome IN ('pending', 'failed') ORDER BY received_at LIMIT $1`,
      [BATCH],
    );
    for (const { id } of stranded) await this.queue.enqueue(id);
    const published = await this.publisher.publishPending();
    const reconciled = await this.reconcileOrphanStatuses();
    return { requeued: stranded.length, published, reconciled };
  }

  private async reconcileOrphanStatuses(): Promise<number> {
    const orphans = await queryRows<{ number_id: string; wamids: string[] }>(
      this.dataSource.manager,
      `SELECT e.number_id, array_agg(DISTINCT e.wamid) AS wamids FROM message_status_events e
       WHERE e.applied_at IS NULL AND EXISTS (SELECT 1 FROM messages m WHERE m.number_id = e.number_id AND m.wamid = e.wamid)
       GROUP BY e.number_id LIMIT $1`,
      [BATCH],
    );
    let count = 0;
    for (const { number_id: numberId, wamids } of orphans) {
      count += (await this.dataSource.transaction((m) => recomputeMessageStatuses(m, numberId, wamids))).length;
    }
    return count;
  }
}
