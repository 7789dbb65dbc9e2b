import { z } from 'zod';
import { request } from './client';
import { listOf } from './list-response.util';

/*
 * Intake REST (`/api/numbers`, `/api/contacts`). These shapes live in the api app
 * (apps/api/src/intake/*.dto.ts), not in @tandem/api-contract, so the studio keeps narrow
 * local schemas of the fields it shows; unknown fields are ignored.
 */

const iso = z.string().nullable();

export const numberSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhoneNumber: z.string(),
  verifiedName: z.string().nullable().optional(),
  mode: z.enum(['coexistence', 'cloud']),
  throughputCap: z.number(),
  /** Messages per second right now, when the api reports it. */
  currentRatePerSec: z.number().nullable().optional(),
  onboardedAt: iso,
  connection: z.object({
    state: z.string(),
    reason: z.string().nullable(),
    initiatedBy: z.string().nullable().optional(),
    changedAt: iso.optional(),
  }),
  lastWebhookAt: iso,
  lastInboundAt: iso,
  lastEchoAt: iso,
  /** Latest sign the phone app is in use (echo, address-book sync, history upload). */
  lastAppActivityAt: iso.optional(),
  historySync: z.object({
    status: z.enum(['none', 'in_progress', 'complete', 'declined']),
    phase: z.number().optional(),
    /** 0–100 as Meta reports it. */
    progress: z.number().optional(),
    messageCount: z.number().optional(),
    updatedAt: z.string().optional(),
    /** `"<phase>:<chunk_order>"` of every chunk imported. */
    chunks: z.array(z.string()).optional(),
  }),
  /** Name given in Tandem (settings). */
  name: z.string().nullable().optional(),
  /** The contacts and history sync request: its 24-hour deadline until made, then when. */
  syncRequest: z
    .object({
      state: z.enum(['not_applicable', 'open', 'requested', 'window_closed']),
      deadline: iso,
      contactsRequestedAt: iso,
      historyRequestedAt: iso,
      error: z.string().nullable(),
    })
    .optional(),
  /** Whether the WABA's Meta token is stored (never its value). */
  metaToken: z.object({ stored: z.boolean(), updatedAt: iso }).optional(),
  createdAt: z.string(),
  health: z.object({
    status: z.enum(['connected', 'at_risk', 'send_blocked', 'disconnected', 'offboarded']),
    reason: z.string().nullable(),
    issues: z.array(z.object({ code: z.string(), message: z.string(), since: iso, deadline: z.string().optional() })),
    checkedAt: z.string(),
  }),
});
export type NumberDto = z.infer<typeof numberSchema>;

export const contactSchema = z.object({
  id: z.string(),
  numberId: z.string(),
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable().optional(),
  profileName: z.string().nullable(),
  addressBookName: z.string().nullable().optional(),
  tags: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  optedOut: z.boolean().optional(),
  humanOwned: z.boolean().optional(),
  lastInboundAt: iso.optional(),
  windowOpenUntil: iso.optional(),
  windowOpen: z.boolean().optional(),
});
export type ContactDto = z.infer<typeof contactSchema>;

const contactPageSchema = z.object({ items: z.array(contactSchema), total: z.number().optional() });

/** A display name for a contact: profile, address book, username, then the number. */
export function contactName(contact: Pick<ContactDto, 'profileName' | 'addressBookName' | 'username' | 'waId' | 'userId'>): string {
  return (
    contact.profileName ||
    contact.addressBookName ||
    contact.username ||
    (contact.waId ? `+${contact.waId}` : (contact.userId ?? 'unknown'))
  );
}

/** What the fallback picker needs of a template (the engine's `templateSchema` has more). */
const templateChoiceSchema = z.object({
  name: z.string(),
  language: z.string(),
  status: z.string().optional(),
  category: z.string().nullable().optional(),
});
export type TemplateChoice = z.infer<typeof templateChoiceSchema>;

/** `{ items }` from the engine, `{ templates }` from the simulator. */
const templateListSchema = z.union([
  listOf(templateChoiceSchema),
  z.object({ templates: z.array(templateChoiceSchema) }).transform((v) => v.templates),
]);

/** `POST /api/numbers`: what registering a number takes (it joins the current workspace). */
export interface RegisterNumberInput {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  mode: 'coexistence' | 'cloud';
  throughputCap?: number;
}

export const intakeApi = {
  numbers: (signal?: AbortSignal): Promise<NumberDto[]> => request('/api/numbers', { schema: listOf(numberSchema), signal }),
  register: (body: RegisterNumberInput): Promise<NumberDto> => request('/api/numbers', { method: 'POST', body, schema: numberSchema }),
  update: (id: string, body: { throughputCap: number }): Promise<NumberDto> =>
    request(`/api/numbers/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: numberSchema }),
  contacts: (query: { numberId?: string; search?: string; pageSize?: number }, signal?: AbortSignal): Promise<ContactDto[]> =>
    request('/api/contacts', { query, schema: contactPageSchema, signal }).then((p) => p.items),
  /**
   * Templates of a number's WhatsApp Business Account (`GET /api/templates?numberId=`).
   * Without a number, the simulator's list stands in (local development).
   */
  templates(numberId: string | undefined): Promise<TemplateChoice[]> {
    if (numberId) return request('/api/templates', { query: { numberId }, schema: templateListSchema });
    return request('/_sim/templates', { auth: false, schema: templateListSchema });
  },
};

/** `POST /api/templates/sync?numberId=`: pulls the account's templates from the Graph API. */
export async function syncTemplates(numberId: string): Promise<{ created: number; updated: number; removed: number; total: number }> {
  const answer = await request('/api/templates/sync', {
    method: 'POST',
    query: { numberId },
    schema: z.object({ created: z.number(), updated: z.number(), removed: z.number(), items: z.array(z.unknown()) }),
  });
  return { created: answer.created, updated: answer.updated, removed: answer.removed, total: answer.items.length };
}
