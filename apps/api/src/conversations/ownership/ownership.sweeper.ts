import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { DataSource } from 'typeorm';
import { queryRows } from '../../common/sql.util';
import { TemporalService } from '../../temporal/temporal.service';
import { pausedRuns, signalRuns } from './conversation-runs.util';
import { OwnershipService } from './ownership.service';

export interface OwnershipSweepReport {
  /** Conversations given back to the bot by the workspace's rule. */
  returned: number;
  /** Paused runs of conversations no human holds, signalled again (a give-back whose signal was lost). */
  repaired: number;
}

const BATCH = 500;
/** A give-back signals its runs at once; only runs still paused this long after are signalled again. */
const REPAIR_AFTER_SECONDS = 60;

/**
 * Gives human-held conversations back to the bot when the workspace's rule says so, every
 * OWNERSHIP_SWEEP_INTERVAL_SECONDS and at start-up. `sweep(now)` takes the instant to judge
 * against, so tests skip time instead of waiting. The scan only narrows the candidates; each
 * is judged by the shared rule (`botReturnDue`) under its row lock (`returnIfDue`).
 */
@Injectable()
export class OwnershipSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OwnershipSweeper.name);
  private readonly intervalMs = loadConfig(['api']).OWNERSHIP_SWEEP_INTERVAL_SECONDS * 1000;
  private timer?: NodeJS.Timeout;
  private running?: Promise<OwnershipSweepReport>;

  constructor(
    private readonly ds: DataSource,
    private readonly ownership: OwnershipService,
    private readonly temporal: TemporalService,
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
  sweep(now: number = Date.now()): Promise<OwnershipSweepReport> {
    this.running ??= this.pass(now)
      .catch((err: unknown) => {
        this.logger.error(`ownership sweep failed: ${String(err)}`);
        return { returned: 0, repaired: 0 };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(now: number): Promise<OwnershipSweepReport> {
    let returned = 0;
    for (const id of await this.candidates(new Date(now))) if (await this.ownership.returnIfDue(id, now)) returned++;
    return { returned, repaired: await this.repair(new Date(now)) };
  }

  /**
   * Human-held conversations whose quiet period or window is over: the rule's conditions in SQL,
   * so conversations that are not due never fill the batch; `returnIfDue` still decides.
   */
  private async candidates(now: Date): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.ds.manager,
      `SELECT c.id FROM contacts c JOIN workspaces w ON w.id = c.workspace_id
       WHERE c.ownership = 'human' AND (
         (w.bot_returns_after_hours IS NOT NULL
           AND greatest(c.human_owned_at, c.last_human_message_at) + make_interval(hours => w.bot_returns_after_hours) <= $1)
         OR (w.bot_returns_on_window_close AND c.window_open_until > c.human_owned_at AND c.window_open_until <= $1))
       LIMIT $2`,
      [now, BATCH],
    );
    return rows.map((r) => r.id);
  }

  /** Paused runs whose conversation was given back or closed a while ago: the signal was lost (Temporal down, a crash). */
  private async repair(now: Date): Promise<number> {
    const rows = await queryRows<{ contact_id: string; ownership: string }>(
      this.ds.manager,
      `SELECT DISTINCT r.contact_id, c.ownership FROM journey_runs r JOIN contacts c ON c.id = r.contact_id
       WHERE r.status = 'paused' AND c.ownership <> 'human' AND r.updated_at <= $1::timestamptz - make_interval(secs => $2)
       LIMIT $3`,
      [now, REPAIR_AFTER_SECONDS, BATCH],
    );
    if (rows.length === 0) return 0;
    const client = await this.temporal.client();
    let count = 0;
    for (const row of rows) {
      const runs = await pausedRuns(this.ds.manager, row.contact_id, row.ownership === 'closed');
      await signalRuns(client, runs, {
        who: 'the return-to-bot sweeper',
        why: 'the conversation is no longer held by a human',
        eventId: row.contact_id,
      });
      count += runs.length;
    }
    return count;
  }
}
