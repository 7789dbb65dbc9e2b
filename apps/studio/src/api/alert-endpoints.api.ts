import {
  alertDeliverySchema,
  alertEndpointSchema,
  alertEndpointWithSecretSchema,
  type AlertDeliveryDto,
  type AlertEndpointDto,
  type AlertEndpointWithSecretDto,
  type AlertKindDto,
} from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

const path = (id: string) => `/api/alert-endpoints/${encodeURIComponent(id)}`;

/** URLs alerts are posted to (`/api/alert-endpoints`, admins). Secrets come back only on create and rotate. */
export const alertEndpointsApi = {
  list: (signal?: AbortSignal): Promise<AlertEndpointDto[]> =>
    request('/api/alert-endpoints', { schema: z.object({ items: z.array(alertEndpointSchema) }), signal }).then((r) => r.items),
  create: (body: { url: string; description?: string; kinds: AlertKindDto[] }): Promise<AlertEndpointWithSecretDto> =>
    request('/api/alert-endpoints', { method: 'POST', body, schema: alertEndpointWithSecretSchema }),
  setEnabled: (id: string, enabled: boolean): Promise<AlertEndpointDto> =>
    request(path(id), { method: 'PATCH', body: { enabled }, schema: alertEndpointSchema }),
  rotate: (id: string): Promise<AlertEndpointWithSecretDto> =>
    request(`${path(id)}/rotate-secret`, { method: 'POST', schema: alertEndpointWithSecretSchema }),
  remove: (id: string): Promise<void> => request(path(id), { method: 'DELETE' }),
  deliveries: (id: string): Promise<AlertDeliveryDto[]> =>
    request(`${path(id)}/deliveries`, { schema: z.object({ items: z.array(alertDeliverySchema) }) }).then((r) => r.items),
};
