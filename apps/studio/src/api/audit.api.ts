import { auditPageSchema, type AuditEntryDto } from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';
import type { QueryParams } from './http-client';

/** The audit log of the current workspace (`/api/audit…`, `audit.read`), newest first. */
export const auditApi = {
  page: (query: QueryParams, signal?: AbortSignal): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> =>
    request('/api/audit', { query, schema: auditPageSchema, signal }),
  actions: (signal?: AbortSignal): Promise<string[]> =>
    request('/api/audit/actions', { schema: z.object({ items: z.array(z.string()) }), signal }).then((r) => r.items),
};
