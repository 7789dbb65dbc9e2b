import { type EngineEvent, type EngineEventConsumerOptions, startEngineEventConsumer } from '@tandem/db';
import type { DataSource } from 'typeorm';

/** Engine events taken from `domain_events` by a real consumer, in the order it handled them. */
export interface EngineEventLog {
  events: EngineEvent[];
  close(): Promise<void>;
}

/**
 * Consumes the engine events of a test database the way a worker replica does (per-contact
 * order, marked dispatched) and keeps them for assertions. Its safety poll is short, so
 * rows a test inserts directly (without NOTIFY) show up quickly too.
 * @example
 * const log = await collectEngineEvents(db.dataSource);
 * await until(() => log.events.find((e) => e.kind === 'message.received'));
 */
export async function collectEngineEvents(dataSource: DataSource, options: EngineEventConsumerOptions = {}): Promise<EngineEventLog> {
  const events: EngineEvent[] = [];
  const consumer = await startEngineEventConsumer(dataSource, async (event) => void events.push(event), {
    pollIntervalMs: 200,
    ...options,
  });
  return { events, close: () => consumer.close() };
}
