import { BadRequestException } from '@nestjs/common';
import type { ListRunsQuery } from '@tandem/api-contract';

/** Position after the last run of a page: keyset on (started_at DESC, id DESC). */
export interface RunCursor {
  /** `started_at` with microseconds, UTC ISO (PostgreSQL keeps more than a JS Date). */
  startedAt: string;
  id: string;
}

const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque cursor for the next page. */
export function encodeCursor(cursor: RunCursor): string {
  return Buffer.from(`${cursor.startedAt}|${cursor.id}`, 'utf8').toString('base64url');
}

/** @throws BadRequestException when the cursor was not made by {@link encodeCursor}. */
export function decodeCursor(raw: string): RunCursor {
  const [startedAt, id, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !ISO_US.test(startedAt ?? '') || !UUID.test(id ?? '')) throw new BadRequestException('Invalid cursor');
  return { startedAt, id };
}

/** A WHERE clause over `journey_runs r` and its parameters. */
export interface RunFilterSql {
  where: string;
  params: unknown[];
}

/**
 * SQL conditions of the run filters, always within one workspace. `wamid` matches a message the run sent (its steps or
 * its messages) or the message that started it; `errorCode` the run's error or a step's.
 */
export function runFilterSql(workspaceId: string, query: Omit<ListRunsQuery, 'limit' | 'cursor'>, cursor?: RunCursor): RunFilterSql {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const conditions: string[] = [`r.workspace_id = ${p(workspaceId)}`];
  if (query.journeyId) conditions.push(`r.journey_id = ${p(query.journeyId)}`);
  if (query.version !== undefined) conditions.push(`r.version = ${p(query.version)}`);
  if (query.status) conditions.push(`r.status = ${p(query.status)}`);
  if (query.contactId) conditions.push(`r.contact_id = ${p(query.contactId)}`);
  if (query.wamid) {
    const w = p(query.wamid);
    conditions.push(
      `(r.id IN (SELECT run_id FROM run_steps WHERE wamid = ${w}) OR r.id IN (SELECT journey_run_id FROM messages WHERE wamid = ${w} AND journey_run_id IS NOT NULL) OR r.trigger_event->>'wamid' = ${w})`,
    );
  }
  if (query.errorCode) {
    const c = p(query.errorCode);
    conditions.push(`(r.error->>'code' = ${c} OR r.id IN (SELECT run_id FROM run_steps WHERE error_code = ${c}))`);
  }
  if (query.from) conditions.push(`r.started_at >= ${p(query.from)}::timestamptz`);
  if (query.to) conditions.push(`r.started_at < ${p(query.to)}::timestamptz`);
  if (cursor) conditions.push(`(r.started_at, r.id) < (${p(cursor.startedAt)}::timestamptz, ${p(cursor.id)}::uuid)`);
  return { where: `WHERE ${conditions.join(' AND ')}`, params };
}
