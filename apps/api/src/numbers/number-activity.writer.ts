import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ActivityEntry, NumberActivity } from '../ingest/handlers/handler.types';

/** Writes the latest activity of some numbers; rows are sorted by number id. */
export type ActivityWrite = (rows: [string, ActivityEntry][]) => Promise<void>;

/**
 * Number activity (last webhook, inbound, echo, contact sync) is written off the delivery
 * transactions. Every delivery of a number would otherwise update the same `business_numbers`
 * row inside its transaction, so concurrent deliveries queue behind that row lock until each
 * commits. Deliveries {@link record} their activity here instead; the latest value of each
 * field per number is written in one statement at most every {@link FLUSH_MS} and when the
 * api stops. A crash loses at most that last second of activity: derived display and health
 * data (health asks about the last hour and the last 14 days), never an event.
 */
export class NumberActivityWriter {
  static readonly FLUSH_MS = 1_000;
  private readonly logger = new Logger(NumberActivityWriter.name);
  private pending = new Map<string, ActivityEntry>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly write: ActivityWrite) {}

  /** Keeps `activity` for the next flush (latest value per field and number). */
  record(activity: NumberActivity): void {
    for (const [numberId, entry] of activity.entries()) merge(this.pending, numberId, entry);
    if (this.pending.size > 0) this.schedule();
  }

  /** Writes what is pending now; resolves once written. A failed write is kept for the next flush. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flush(), NumberActivityWriter.FLUSH_MS).unref();
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.write([...batch].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    } catch (err) {
      for (const [numberId, entry] of batch) merge(this.pending, numberId, entry);
      this.logger.warn(`number activity not written yet (retrying): ${String(err)}`);
      this.schedule();
    }
  }
}

/** The statement behind {@link NumberActivityWriter}: only ever moves each field forward. */
export function writeNumberActivity(dataSource: DataSource): ActivityWrite {
  return async (rows) => {
    const col = (f: (e: ActivityEntry) => Date | undefined) => rows.map(([, e]) => f(e)?.toISOString() ?? null);
    await dataSource.query(
      `UPDATE business_numbers n SET last_webhook_at = greatest(n.last_webhook_at, a.webhook_at),
         last_inbound_at = greatest(n.last_inbound_at, a.inbound_at), last_echo_at = greatest(n.last_echo_at, a.echo_at),
         contact_sync_at = greatest(n.contact_sync_at, a.contact_sync_at)
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
         AS a(id, webhook_at, inbound_at, echo_at, contact_sync_at)
       WHERE n.id = a.id`,
      [rows.map(([id]) => id), col((e) => e.webhookAt), col((e) => e.inboundAt), col((e) => e.echoAt), col((e) => e.contactSyncAt)],
    );
  };
}

function merge(into: Map<string, ActivityEntry>, numberId: string, entry: ActivityEntry): void {
  const cur = into.get(numberId);
  if (!cur) {
    into.set(numberId, { ...entry });
    return;
  }
  cur.webhookAt = later(cur.webhookAt, entry.webhookAt) ?? cur.webhookAt;
  cur.inboundAt = later(cur.inboundAt, entry.inboundAt);
  cur.echoAt = later(cur.echoAt, entry.echoAt);
  cur.contactSyncAt = later(cur.contactSyncAt, entry.contactSyncAt);
}

function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a >= b ? a : b;
}
