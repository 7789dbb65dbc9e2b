import { apiTokenSchema, createdApiTokenSchema, type ApiTokenDto, type CreateApiTokenRequest } from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

/** API tokens of the current workspace (`/api/api-tokens…`, `tokens.manage`). */
export const apiTokensApi = {
  list: (signal?: AbortSignal): Promise<ApiTokenDto[]> =>
    request('/api/api-tokens', { schema: z.object({ items: z.array(apiTokenSchema) }), signal }).then((r) => r.items),
  /** The answer is the only time the token itself is shown. */
  create: (body: CreateApiTokenRequest) => request('/api/api-tokens', { method: 'POST', body, schema: createdApiTokenSchema }),
  revoke: (id: string): Promise<ApiTokenDto> =>
    request(`/api/api-tokens/${encodeURIComponent(id)}`, { method: 'DELETE', schema: apiTokenSchema }),
};
