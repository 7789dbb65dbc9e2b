import { templateListSchema, templateSchema, type CreateTemplateRequest, type TemplateDto } from '@tandem/api-contract';
import { request } from './client';

/** Message templates of a number's account (`/api/templates`). */
export const templatesApi = {
  list: (numberId: string, signal?: AbortSignal): Promise<TemplateDto[]> =>
    request(`/api/templates?numberId=${encodeURIComponent(numberId)}`, { schema: templateListSchema, signal }).then((r) => r.items),
  sync: (numberId: string): Promise<unknown> => request(`/api/templates/sync?numberId=${encodeURIComponent(numberId)}`, { method: 'POST' }),
  create: (body: CreateTemplateRequest): Promise<TemplateDto> =>
    request('/api/templates', { method: 'POST', body, schema: templateSchema }),
};
