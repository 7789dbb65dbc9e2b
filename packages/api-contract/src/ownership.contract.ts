import { z } from 'zod';

/*
 * Conversation ownership (#14): who holds a conversation (a contact on a number), its
 * timeline of changes, and the workspace's return-to-bot setting.
 */
const isoOrNull = z.iso.datetime().nullable();
const isoDate = z.iso.datetime();

const ownership = z.enum(['bot', 'human', 'closed']);
const ownerKind = z.enum(['teammate', 'agent', 'journey']);

/** An optional note a person gives with a give-back or a close; shown on the timeline. */
export const ownershipActionBody = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).optional();
export type OwnershipActionBody = z.infer<typeof ownershipActionBody>;

/** Who holds a conversation now, and when it returns to the bot on its own. */
export const ownershipStateSchema = z.object({
  contactId: z.uuid(),
  ownership,
  /** While `human`: a teammate in the phone app, an agent in Tandem, or nobody yet (a journey handed it off). */
  ownerKind: ownerKind.nullable(),
  ownerUserId: z.uuid().nullable(),
  /** The agent's name or email. */
  ownerLabel: z.string().nullable(),
  humanOwnedAt: isoOrNull,
  lastHumanMessageAt: isoOrNull,
  /** When the workspace's rule gives it back to the bot (null: not human-held, or only by hand). */
  botReturnsAt: isoOrNull,
  botReturnReason: z.enum(['quiet', 'window_closed']).nullable(),
});
export type OwnershipStateDto = z.infer<typeof ownershipStateSchema>;

export const conversationEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['taken', 'given_back', 'closed']),
  from: ownership,
  to: ownership,
  ownerKind: ownerKind.nullable(),
  ownerUserId: z.uuid().nullable(),
  actor: z.object({
    kind: z.enum(['teammate', 'member', 'journey', 'system']),
    /** A member's user id, a run id or an echo's wamid. */
    id: z.string().nullable(),
    /** A member's name or email. */
    label: z.string().nullable(),
  }),
  reason: z.string(),
  /** The runs the change affected and what it did to each (`null`: up to the run's journey setting). */
  runs: z.array(z.object({ runId: z.uuid(), effect: z.enum(['paused', 'stopped', 'resumed', 'ended']).nullable() })),
  at: isoDate,
});
export type ConversationEventDto = z.infer<typeof conversationEventSchema>;
/** The latest 500 changes, oldest first. */
export const conversationTimelineSchema = z.object({ items: z.array(conversationEventSchema) });

/** When human-held conversations return to the bot, per workspace. */
export const conversationSettingsSchema = z.strictObject({
  /** Hours without a human message (1–720); null: never by time. */
  botReturnsAfterHours: z.int().min(1).max(720).nullable(),
  /** Also when the customer-service window closes. */
  botReturnsOnWindowClose: z.boolean(),
});
export type ConversationSettingsDto = z.infer<typeof conversationSettingsSchema>;
export const updateConversationSettingsBody = conversationSettingsSchema.partial();
