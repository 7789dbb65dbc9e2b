import { z } from 'zod';

/** Opt-out keywords and confirmations of a workspace: `GET/PUT /api/settings/opt-out`. */
const keyword = z.string().trim().min(1).max(40);
export const optOutSettingsSchema = z.object({
  /** Whole-message keywords (case- and accent-insensitive) that opt a contact out, whoever owns the chat. */
  optOutKeywords: z.array(keyword).min(1).max(100),
  /** Keywords that opt a contact back in. */
  optInKeywords: z.array(keyword).max(100),
  /** Sent after an opt-out (free-form: the customer just wrote); empty = none. */
  optOutConfirmation: z.string().trim().max(1000),
  optInConfirmation: z.string().trim().max(1000),
});
export type OptOutSettingsDto = z.infer<typeof optOutSettingsSchema>;

/** One line of a contact's opt history. */
export const optEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['opt_out', 'opt_in', 'held', 'undo']),
  /** `marketing`: only marketing templates (131050, 131049); `all`: every message. */
  scope: z.enum(['all', 'marketing']),
  source: z.enum(['keyword', 'admin', 'api', 'meta_code', 'journey']),
  /** The keyword, Meta's code, the hold's end, what was undone or the reason given. */
  detail: z.record(z.string(), z.unknown()),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  at: z.string(),
});
export type OptEventDto = z.infer<typeof optEventSchema>;

/** `GET /api/contacts/:id/opt-history`: the contact's opt state now, and its history, newest first. */
export const optHistorySchema = z.object({
  optedOut: z.boolean(),
  marketingOptedOut: z.boolean(),
  /** Held from MARKETING templates by Meta's per-user limit (131049) until then; null = not held. */
  marketingHeldUntil: z.string().nullable(),
  items: z.array(optEventSchema),
});
export type OptHistoryDto = z.infer<typeof optHistorySchema>;

/**
 * `POST /api/contacts/:id/opt-in` (admins): undo an opt-out — `all` (STOP or an admin's
 * opt-out), `marketing` (a marketing stop) or `hold` (Meta's 131049 hold, ended now).
 */
export const optInRequestSchema = z.object({
  scope: z.enum(['all', 'marketing', 'hold']),
  reason: z.string().trim().min(1).max(500),
});
export type OptInRequest = z.infer<typeof optInRequestSchema>;

/** `POST /api/contacts/:id/opt-out`: opt a contact out on their request (told by phone, mail…). */
export const optOutRequestSchema = z.object({
  scope: z.enum(['all', 'marketing']).default('all'),
  reason: z.string().trim().min(1).max(500),
});
export type OptOutRequest = z.infer<typeof optOutRequestSchema>;

const tagSchema = z.string().trim().min(1).max(100);
const attributeKey = z.string().regex(/^[A-Za-z_][\w.-]{0,63}$/, 'letters, digits, _ . -; starting with a letter or _');

/**
 * `PATCH /api/contacts/:id`: `tags` replaces the tag list (agents and up); `attributes` is
 * merged key by key, `null` removing a key (marketers and up).
 */
export const updateContactRequestSchema = z
  .object({
    tags: z.array(tagSchema).max(100).optional(),
    attributes: z
      .record(attributeKey, z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes at once')
      .optional(),
  })
  .strict()
  .refine((b) => b.tags !== undefined || b.attributes !== undefined, 'nothing to change: give tags or attributes');
export type UpdateContactRequest = z.infer<typeof updateContactRequestSchema>;

/** `POST /api/contacts/import`: what was imported and why each bad row was not. */
export const contactImportReportSchema = z.object({
  numberId: z.uuid(),
  /** Data rows read (the header excluded). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  /** Each bad row with its line in the file (the header is line 1) and the reason. */
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});
export type ContactImportReportDto = z.infer<typeof contactImportReportSchema>;

/** `DELETE /api/contacts/:id`: the erasure, in counts only. */
export const contactErasureSchema = z.object({
  id: z.uuid(),
  erasedAt: z.string(),
  redacted: z.object({ messages: z.number().int(), runs: z.number().int(), steps: z.number().int(), deliveries: z.number().int() }),
});
export type ContactErasureDto = z.infer<typeof contactErasureSchema>;
