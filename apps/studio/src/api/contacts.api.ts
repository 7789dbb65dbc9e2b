import {
  contactErasureSchema,
  contactImportReportSchema,
  optHistorySchema,
  optOutSettingsSchema,
  type ContactErasureDto,
  type ContactImportReportDto,
  type OptHistoryDto,
  type OptInRequest,
  type OptOutRequest,
  type OptOutSettingsDto,
  type UpdateContactRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';
import { contactSchema, type ContactDto } from './intake.api';

const contactWithHoldSchema = contactSchema.extend({
  marketingOptedOut: z.boolean().optional(),
  marketingHeldUntil: z.string().nullable().optional(),
});
export type ContactDetailDto = z.infer<typeof contactWithHoldSchema>;
const pageSchema = z.object({ items: z.array(contactSchema), total: z.number() });

/** Contacts: list, edit, import/export, erase, and their opt-outs (`/api/contacts…`, `/api/settings/opt-out`). */
export const contactsApi = {
  list: (query: { search?: string; page?: number }, signal?: AbortSignal): Promise<{ items: ContactDto[]; total: number }> =>
    request('/api/contacts', { query: { ...query, pageSize: 50 }, schema: pageSchema, signal }),
  get: (id: string, signal?: AbortSignal): Promise<ContactDetailDto> =>
    request(`/api/contacts/${id}`, { schema: contactWithHoldSchema, signal }),
  update: (id: string, body: UpdateContactRequest): Promise<ContactDetailDto> =>
    request(`/api/contacts/${id}`, { method: 'PATCH', body, schema: contactWithHoldSchema }),
  erase: (id: string): Promise<ContactErasureDto> => request(`/api/contacts/${id}`, { method: 'DELETE', schema: contactErasureSchema }),
  importCsv: (csv: string, numberId?: string): Promise<ContactImportReportDto> =>
    request('/api/contacts/import', {
      method: 'POST',
      body: csv,
      contentType: 'text/csv',
      query: { numberId },
      schema: contactImportReportSchema,
    }),
  exportCsv: (): Promise<string> => request<string>('/api/contacts/export'),
  optHistory: (id: string, signal?: AbortSignal): Promise<OptHistoryDto> =>
    request(`/api/contacts/${id}/opt-history`, { schema: optHistorySchema, signal }),
  optIn: (id: string, body: OptInRequest): Promise<OptHistoryDto> =>
    request(`/api/contacts/${id}/opt-in`, { method: 'POST', body, schema: optHistorySchema }),
  optOut: (id: string, body: OptOutRequest): Promise<OptHistoryDto> =>
    request(`/api/contacts/${id}/opt-out`, { method: 'POST', body, schema: optHistorySchema }),
  optOutSettings: (signal?: AbortSignal): Promise<OptOutSettingsDto> =>
    request('/api/settings/opt-out', { schema: optOutSettingsSchema, signal }),
  saveOptOutSettings: (body: OptOutSettingsDto): Promise<OptOutSettingsDto> =>
    request('/api/settings/opt-out', { method: 'PUT', body, schema: optOutSettingsSchema }),
};
