import { pageOf, runDetailSchema, runSummarySchema, type RunDetailDto, type RunSummaryDto } from '@tandem/api-contract';
import { request } from './client';
import type { QueryParams } from './http-client';

const runsPageSchema = pageOf(runSummarySchema);

/** A page of runs with the cursor of the next one. */
export interface RunsPage {
  items: RunSummaryDto[];
  nextCursor: string | null;
  total?: number;
}

/** Run REST calls (`/api/runs…`). */
export const runsApi = {
  list: (query: QueryParams, signal?: AbortSignal): Promise<RunsPage> => request('/api/runs', { query, schema: runsPageSchema, signal }),
  get: (id: string, signal?: AbortSignal): Promise<RunDetailDto> =>
    request(`/api/runs/${encodeURIComponent(id)}`, { schema: runDetailSchema, signal }),
  cancel: (id: string): Promise<unknown> => request(`/api/runs/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
};
