import { mediaFileSchema } from '@tandem/api-contract';
import { z } from 'zod';
import { isoDate, isoOrNull, pageOf, pageQuery } from '../common/common.dto';

export const listContactsQuery = z.object({
  numberId: z.uuid().optional(),
  /** Matches profile name, address-book name, username, phone or BSUID (substring, case-insensitive). */
  search: z.string().trim().min(1).max(100).optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  /** Filter on the 24 h window, evaluated at request time. */
  windowOpen: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type ListContactsQuery = z.infer<typeof listContactsQuery>;

export const contactSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  numberId: z.uuid(),
  waId: z.string().nullable(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  profileName: z.string().nullable(),
  addressBookName: z.string().nullable(),
  inAddressBook: z.boolean(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  optedOut: z.boolean(),
  marketingOptedOut: z.boolean(),
  /** Held from MARKETING templates by Meta's per-user limit (131049) until then; null = not held. */
  marketingHeldUntil: isoOrNull,
  humanOwned: z.boolean(),
  humanOwnedAt: isoOrNull,
  /** Who holds the conversation: bot, human or closed (see GET /api/conversations/:contactId/ownership). */
  ownership: z.enum(['bot', 'human', 'closed']),
  ownerKind: z.enum(['teammate', 'agent', 'journey']).nullable(),
  ownerUserId: z.uuid().nullable(),
  lastHumanMessageAt: isoOrNull,
  lastInboundAt: isoOrNull,
  firstInboundAt: isoOrNull,
  windowOpenUntil: isoOrNull,
  /** Computed at request time from windowOpenUntil. */
  windowOpen: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type ContactDto = z.infer<typeof contactSchema>;
export const contactPageSchema = pageOf(contactSchema);

export const listMessagesQuery = z.object({ ...pageQuery });

export const messageSchema = z.object({
  id: z.uuid(),
  wamid: z.string(),
  direction: z.enum(['inbound', 'api', 'app_echo']),
  source: z.enum(['live', 'history']),
  type: z.string(),
  payload: z.record(z.string(), z.unknown()),
  contextWamid: z.string().nullable(),
  metaTimestamp: isoDate,
  status: z.enum(['accepted', 'sent', 'delivered', 'read', 'played', 'failed']).nullable(),
  statusTimeline: z.array(z.object({ status: z.string(), at: z.string(), receivedAt: z.string() })),
  error: z.object({ code: z.int().nullable(), title: z.string().nullable() }).nullable(),
  pricing: z.object({ category: z.string().nullable(), type: z.string().nullable() }).nullable(),
  editedAt: isoOrNull,
  edit: z.record(z.string(), z.unknown()).nullable(),
  revokedAt: isoOrNull,
  mediaPlaceholder: z.boolean(),
  /** The media it carried: state, type, `url` (`/api/media/{id}`) once downloaded; null for other messages (docs/media.md). */
  media: mediaFileSchema.nullable(),
  journeyRunId: z.uuid().nullable(),
  journeyNodeId: z.string().nullable(),
  createdAt: isoDate,
});
export type MessageDto = z.infer<typeof messageSchema>;
export const messagePageSchema = pageOf(messageSchema);
