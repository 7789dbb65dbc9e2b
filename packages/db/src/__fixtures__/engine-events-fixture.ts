import type { DataSource } from 'typeorm';
import { appendEngineEvents } from '../engine-events/engine-events.append';
import type { EngineEvent } from '../engine-events/engine-event.types';
import { createMigratedDatabase, type MigratedDatabase } from './migrated-database';

/** The queue state of one `domain_events` row. */
export interface EventRow {
  id: string;
  dispatched: boolean;
  dead: boolean;
  attempts: number;
  lease_owner: string | null;
  last_error: string | null;
}

/** A migrated database with one number, and helpers to append events and read their rows. */
export interface EngineEventsFixture {
  db: MigratedDatabase;
  ds: DataSource;
  /** Appends one `message.received` event for `contactKey` (its own transaction); returns its id. */
  append(contactKey: string, label: string): Promise<string>;
  row(id: string): Promise<EventRow>;
  close(): Promise<void>;
}

export async function createEngineEventsFixture(name: string): Promise<EngineEventsFixture> {
  const db = await createMigratedDatabase(name);
  const { workspaceId, numberId } = await db.seedNumber();
  return {
    db,
    ds: db.ds,
    async append(contactKey, label) {
      return db.ds.transaction(async (m) => {
        const payload = { label } as unknown as Extract<EngineEvent, { kind: 'message.received' }>['payload'];
        await appendEngineEvents(m, { workspaceId, deliveryId: null }, [{ kind: 'message.received', contactKey, numberId, payload }]);
        const [{ id }] = await m.query(`SELECT currval(pg_get_serial_sequence('domain_events', 'id'))::text AS id`);
        return id as string;
      });
    },
    async row(id) {
      const [row] = await db.ds.query(
        `SELECT id::text AS id, dispatched_at IS NOT NULL AS dispatched, dead_at IS NOT NULL AS dead, attempts, lease_owner, last_error
         FROM domain_events WHERE id = $1`,
        [id],
      );
      return row;
    },
    close: () => db.close(),
  };
}

/** The label an event was appended with. */
export const labelOf = (event: EngineEvent): string => (event.payload as unknown as { label: string }).label;

/** Polls `probe` until it returns a value (not undefined/false); fails after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  private ms = Date.parse('2026-12-03T10:00:00.000Z');
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}
