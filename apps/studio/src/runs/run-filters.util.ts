import { runStatusSchema, type RunStatus } from '@tandem/api-contract';
import type { QueryParams } from '../api/http-client';

/** Run list filters as they live in the URL (`#/runs?status=failed&journeyId=…`). */
export interface RunFilters {
  status?: RunStatus;
  journeyId?: string;
  version?: string;
  contactId?: string;
  wamid?: string;
  errorCode?: string;
  /** ISO instants. */
  from?: string;
  to?: string;
}

export const RUN_FILTER_KEYS = ['status', 'journeyId', 'version', 'contactId', 'wamid', 'errorCode', 'from', 'to'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Filters from a URL query: unknown keys dropped, values trimmed, and values the API
 * would refuse (bad status, non-uuid ids, non-integer version, bad dates) left out, so a
 * hand-edited URL never turns the list into an error.
 */
export function filtersFromQuery(query: Readonly<Record<string, string>>): RunFilters {
  const f: RunFilters = {};
  const value = (key: (typeof RUN_FILTER_KEYS)[number]) => query[key]?.trim() || undefined;
  const status = runStatusSchema.safeParse(value('status'));
  if (status.success) f.status = status.data;
  for (const key of ['journeyId', 'contactId'] as const) {
    const v = value(key);
    if (v && UUID.test(v)) f[key] = v;
  }
  const version = value('version');
  if (version && /^\d+$/.test(version)) f.version = version;
  const wamid = value('wamid');
  if (wamid) f.wamid = wamid.slice(0, 128);
  const errorCode = value('errorCode');
  if (errorCode) f.errorCode = errorCode.slice(0, 20);
  for (const key of ['from', 'to'] as const) {
    const v = value(key);
    if (v && !Number.isNaN(Date.parse(v))) f[key] = new Date(v).toISOString();
  }
  return f;
}

/** The `GET /api/runs` query for filters and a page cursor. */
export function runsQuery(filters: RunFilters, cursor?: string | null, limit = 50): QueryParams {
  return { ...filters, version: filters.version ? Number(filters.version) : undefined, cursor: cursor ?? undefined, limit };
}

/** True when any filter is set. */
export function hasFilters(filters: RunFilters): boolean {
  return RUN_FILTER_KEYS.some((k) => filters[k] !== undefined);
}
