import { unwrapUpdate } from '@tandem/db';
import type { EntityManager } from 'typeorm';

/** Runs SQL and returns its rows, whatever the statement (TypeORM wraps UPDATE results). */
export async function queryRows<T>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return unwrapUpdate<T>(await m.query(sql, params));
}

/** Epoch ms → Date, keeping null. */
export function toDate(ms: number | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(ms);
}

/** Date or driver timestamp → epoch ms, keeping null. */
export function toMs(value: Date | string | null | undefined): number | null {
  return value === null || value === undefined ? null : new Date(value).getTime();
}

export function toIso(value: Date | string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}
