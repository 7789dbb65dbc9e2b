import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { recomputeMessageStatuses } from '@tandem/db';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import { takeDue } from './delivery-claims.util';
import { IngestScheduler } from './ingest.scheduler';

export interface SweepReport {
  /** Deliveries claimed and handed to the processor. */
  taken: number;
  reconciled: number;
}

const BATCH = 1000;

/**
 * Repairs what a crash can leave behind, at start-up and every INTAKE_SWEEP_INTERVAL_SECONDS,
 * and runs retries: deliveries whose holder let go or kept them past INTAKE_SWEEP_AFTER_SECONDS
 * (a crashed or stopped api's), failed deliveries whose retry time has come (it wakes for the
 * earliest one this process recorded), and statuses
 * that arrived before their message was written (e.g. by the engine). A young pending delivery
 * is left alone: the process that stored it is processing it.
 */
@Injectable()
export class IntakeSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IntakeSweeper.name);
  private readonly intervalMs = loadConfig(['api']).INTAKE_SWEEP_INTERVAL_SECONDS * 1000;
  private timer?: NodeJS.Timeout;
  private wake?: { at: number; timer: NodeJS.Timeout };
  private running?: Promise<SweepReport>;
  private stopped = false;
  /** The last pass took a full BATCH: more may be due, taken as soon as those have started. */
  private more = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: IngestScheduler,
  ) {
    scheduler.onRetryDue((at) => this.wakeAt(at));
    // A large backlog (a crashed replica's) is taken BATCH by BATCH as fast as it is processed,
    // not BATCH per interval; claims are taken only shortly before their rows run.
    scheduler.onDrained(() => {
      if (!this.more || this.stopped) return;
      this.more = false;
      // After the pass under way, if any.
      void Promise.resolve(this.running).then(() => {
        if (!this.stopped) void this.sweep();
      });
    });
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.wake?.timer);
    await this.running;
  }

  /** One pass; concurrent calls share it. Never rejects (problems are logged). */
  sweep(): Promise<SweepReport> {
    this.running ??= this.pass()
      .catch((err: unknown) => {
        this.logger.error(`sweep failed: ${String(err)}`);
        return { taken: 0, reconciled: 0 };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Sweeps once `at` has passed (a retry's due time), unless an earlier wake is set. */
  private wakeAt(at: Date): void {
    if (this.stopped || (this.wake && this.wake.at <= at.getTime())) return;
    clearTimeout(this.wake?.timer);
    const timer = setTimeout(
      async () => {
        this.wake = undefined;
        // A pass already under way may have read the rows before this one was due.
        await this.running;
        if (!this.stopped) void this.sweep();
      },
      Math.max(0, at.getTime() - Date.now()) + 10,
    );
    timer.unref();
    this.wake = { at: at.getTime(), timer };
  }

  private async pass(): Promise<SweepReport> {
    const due = await takeDue(this.dataSource.manager, this.scheduler.owner, this.scheduler.leaseSeconds, BATCH);
    for (const id of due) this.scheduler.submit(id);
    this.more = due.length === BATCH;
    const reconciled = await this.reconcileOrphanStatuses();
    return { taken: due.length, reconciled };
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
