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
