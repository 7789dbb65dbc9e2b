import { alertListSchema, type AlertListDto } from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

/** The notification centre (`/api/alerts`): the workspace's alerts with the caller's read marks. */
export const alertsApi = {
  list: (signal?: AbortSignal): Promise<AlertListDto> => request('/api/alerts?limit=30', { schema: alertListSchema, signal }),
  markRead: (ids: string[] | 'all'): Promise<{ marked: number }> =>
    request('/api/alerts/read', {
      method: 'POST',
      body: ids === 'all' ? { all: true } : { ids },
      schema: z.object({ marked: z.number() }),
    }),
};
