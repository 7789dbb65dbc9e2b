import { credentialSchema, type CredentialDto } from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

/** Node credentials of the current workspace (`/api/credentials…`, `credentials.manage`); write-only. */
export const credentialsApi = {
  list: (signal?: AbortSignal): Promise<CredentialDto[]> =>
    request('/api/credentials', { schema: z.object({ items: z.array(credentialSchema) }), signal }).then((r) => r.items),
  put: (name: string, value: Record<string, string>): Promise<CredentialDto> =>
    request(`/api/credentials/${encodeURIComponent(name)}`, { method: 'PUT', body: { value }, schema: credentialSchema }),
  remove: (name: string): Promise<void> => request(`/api/credentials/${encodeURIComponent(name)}`, { method: 'DELETE' }),
};
