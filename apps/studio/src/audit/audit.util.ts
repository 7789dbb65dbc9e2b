import type { QueryParams } from '../api/http-client';
import { localInputToIso } from '../editor/forms/date-input.util';

/** The audit page's filters as typed (`since`/`until` are `datetime-local` values). */
export interface AuditFilters {
  action?: string;
  actor?: string;
  since?: string;
  until?: string;
}

/** The `/api/audit` query of the filters and a page cursor; empty filters are left out. */
export function auditQuery(filters: AuditFilters, cursor?: string | null): QueryParams {
  return {
    action: filters.action || undefined,
    actor: filters.actor?.trim() || undefined,
    since: filters.since ? localInputToIso(filters.since) : undefined,
    until: filters.until ? localInputToIso(filters.until) : undefined,
    cursor: cursor ?? undefined,
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A value in one short line: strings bare, the rest as JSON, cut at 80 characters. */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * An entry's before → after as lines, one per field that changed:
 * `{ role: 'viewer' }` → `{ role: 'admin' }` gives `['role: viewer → admin']`; a field only
 * after (created) gives `status: active`; one only before (removed) gives `role: admin → —`.
 */
export function describeChange(before: unknown, after: unknown): string[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null || before === undefined) return after === null || after === undefined ? [] : [shortValue(after)];
    return [`${shortValue(before)} → ${shortValue(after)}`];
  }
  const from = isRecord(before) ? before : {};
  const to = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((key) => {
    if (JSON.stringify(from[key]) === JSON.stringify(to[key])) return [];
    if (!(key in from)) return [`${key}: ${shortValue(to[key])}`];
    return [`${key}: ${shortValue(from[key])} → ${shortValue(to[key])}`];
  });
}
