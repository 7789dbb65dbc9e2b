import {
  journeyDetailSchema,
  journeyDiffSchema,
  journeySummarySchema,
  journeyVersionDetailSchema,
  journeyVersionSchema,
  publishResponseSchema,
  validateResponseSchema,
  versionStatsSchema,
  type JourneyDetailDto,
  type JourneyDiffDto,
  type JourneySummaryDto,
  type JourneyVersionDto,
  type ValidateResponseDto,
  type VersionStatsDto,
} from '@tandem/api-contract';
import type { JourneyDocument, JourneyDocumentInput } from '@tandem/journey-model';
import { z } from 'zod';
import { request } from './client';
import { listOf } from './list-response.util';

const base = (id: string) => `/api/journeys/${encodeURIComponent(id)}`;

/** A published version with its frozen document. */
export type JourneyVersionDetail = z.infer<typeof journeyVersionDetailSchema>;
/** Answer of a publish or a rollback. */
export type PublishResult = z.infer<typeof publishResponseSchema>;

/** Journey REST calls (`/api/journeys…`). */
export const journeysApi = {
  list: (): Promise<JourneySummaryDto[]> => request('/api/journeys', { schema: listOf(journeySummarySchema) }),
  get: (id: string): Promise<JourneyDetailDto> => request(base(id), { schema: journeyDetailSchema }),
  create: (name: string, document?: JourneyDocumentInput): Promise<JourneyDetailDto> =>
    request('/api/journeys', { method: 'POST', body: { name, document }, schema: journeyDetailSchema }),
  rename: (id: string, name: string): Promise<unknown> => request(base(id), { method: 'PATCH', body: { name } }),
  saveDraft: (id: string, document: JourneyDocument): Promise<ValidateResponseDto> =>
    request(`${base(id)}/draft`, { method: 'PUT', body: { document }, schema: validateResponseSchema }),
  validate: (document: JourneyDocument): Promise<ValidateResponseDto> =>
    request('/api/journeys/validate', { method: 'POST', body: { document }, schema: validateResponseSchema }),
  publish: (id: string, notes?: string): Promise<PublishResult> =>
    request(`${base(id)}/publish`, { method: 'POST', body: { notes }, schema: publishResponseSchema }),
  versions: (id: string): Promise<JourneyVersionDto[]> => request(`${base(id)}/versions`, { schema: listOf(journeyVersionSchema) }),
  version: (id: string, version: number): Promise<JourneyVersionDetail> =>
    request(`${base(id)}/versions/${version}`, { schema: journeyVersionDetailSchema }),
  diff: (id: string): Promise<JourneyDiffDto> => request(`${base(id)}/diff`, { schema: journeyDiffSchema }),
  /** Publishes an earlier version's document as a new version and makes it the draft. */
  rollback: (id: string, version: number): Promise<PublishResult> =>
    request(`${base(id)}/rollback`, { method: 'POST', body: { version }, schema: publishResponseSchema }),
  setStatus: (id: string, action: 'pause' | 'resume' | 'archive'): Promise<unknown> => request(`${base(id)}/${action}`, { method: 'POST' }),
  stats: (id: string, version: number): Promise<VersionStatsDto> =>
    request(`${base(id)}/versions/${version}/stats`, { schema: versionStatsSchema }),
  startRun: (id: string, body: { contactId?: string; waId?: string; variables?: Record<string, unknown> }): Promise<unknown> =>
    request(`${base(id)}/runs`, { method: 'POST', body }),
};
