import { z } from 'zod';

/** Who owns a conversation now: the bot, or a person (an agent here or a teammate in the phone app). */
export const conversationOwnerSchema = z.enum(['bot', 'human', 'closed']);

/** The coexistence window: `closing` = open but ending within the hour. */
export const windowStateSchema = z.enum(['open', 'closing', 'closed']);
/** `open`, `closing` (ends within the hour) or `closed`. */
export type WindowState = z.infer<typeof windowStateSchema>;

/** Filters of the inbox list; all optional, combined with AND. */
export const inboxQuerySchema = z.object({
  /** `mine` = assigned to the caller, `unassigned` = assigned to nobody. */
  assigned: z.enum(['mine', 'unassigned']).optional(),
  owner: conversationOwnerSchema.optional(),
  window: windowStateSchema.optional(),
  /** `true`: only conversations with customer messages the caller has not read. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  tag: z.string().trim().min(1).max(64).optional(),
  /** Name, phone number or message text. */
  search: z.string().trim().min(1).max(100).optional(),
  numberId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
/** A parsed inbox list query. */
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

/** One conversation (a contact on a number) as the inbox lists it. */
export const conversationSummarySchema = z.object({
  contactId: z.uuid(),
  numberId: z.uuid(),
  displayPhoneNumber: z.string(),
  name: z.string(),
  waId: z.string().nullable(),
  tags: z.array(z.string()),
  owner: conversationOwnerSchema,
  assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  window: windowStateSchema,
  windowOpenUntil: z.string().nullable(),
  optedOut: z.boolean(),
  unread: z.number().int(),
  lastMessage: z.object({ at: z.string(), direction: z.string(), preview: z.string() }).nullable(),
});
/** One conversation as the inbox lists it. */
export type ConversationSummaryDto = z.infer<typeof conversationSummarySchema>;

/** `GET /api/inbox/conversations`: a page of conversations (`total` = all matches). */
export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
/** A page of conversations. */
export type ConversationPageDto = z.infer<typeof conversationPageSchema>;

/**
 * Where a message came from: the customer (live, or imported by the history sync), a
 * journey run, an agent in Tandem, or a teammate in the WhatsApp Business app.
 */
export const messageOriginSchema = z.enum(['customer', 'customer_history', 'journey', 'agent', 'phone_app', 'api']);
export type MessageOrigin = z.infer<typeof messageOriginSchema>;

/** One message of a thread. */
export const threadMessageSchema = z.object({
  id: z.uuid(),
  wamid: z.string(),
  at: z.string(),
  origin: messageOriginSchema,
  type: z.string(),
  /** Text, caption or a short description of non-text content. */
  text: z.string(),
  payload: z.record(z.string(), z.unknown()),
  status: z.string().nullable(),
  error: z.object({ code: z.number().int().nullable(), title: z.string().nullable() }).nullable(),
  editedAt: z.string().nullable(),
  editedText: z.string().nullable(),
  revokedAt: z.string().nullable(),
  run: z.object({ id: z.uuid(), journeyId: z.uuid(), nodeId: z.string().nullable() }).nullable(),
  /** The agent who sent it (origin `agent`). */
  author: z.string().nullable(),
});
/** One message of a thread. */
export type ThreadMessageDto = z.infer<typeof threadMessageSchema>;

/** An internal note: seen by the team, never sent to the customer. */
export const conversationNoteSchema = z.object({ id: z.uuid(), at: z.string(), author: z.string(), body: z.string() });
/** An internal note. */
export type ConversationNoteDto = z.infer<typeof conversationNoteSchema>;

/** A conversation opened: its summary, every message oldest first, and the internal notes. */
export const conversationThreadSchema = z.object({
  conversation: conversationSummarySchema,
  messages: z.array(threadMessageSchema),
  notes: z.array(conversationNoteSchema),
  /** True when older messages exist beyond the `limit` asked for. */
  truncated: z.boolean(),
});
/** An opened conversation. */
export type ConversationThreadDto = z.infer<typeof conversationThreadSchema>;

/** `GET /api/inbox/conversations/:contactId?limit=`: how many of the latest messages (default 300). */
export const threadQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(300) });

const templateParamSchema = z.string().max(1024);

/** A reply: free-form text (needs an open window) or a template with its body parameters. */
export const inboxReplyRequestSchema = z.union([
  z.object({ text: z.string().trim().min(1).max(4096) }).strict(),
  z
    .object({
      template: z
        .object({
          name: z.string().min(1).max(512),
          language: z.string().min(1).max(15),
          bodyParams: z.array(templateParamSchema).max(20).default([]),
        })
        .strict(),
    })
    .strict(),
]);
/** A reply: `{ text }` or `{ template }`. */
export type InboxReplyRequest = z.infer<typeof inboxReplyRequestSchema>;

/** What became of a reply; a refusal names the rule (`window_closed`, `opted_out`, `number_disconnected` …). */
export const inboxReplyResultSchema = z.object({
  /** `pending`: the worker has not answered in time; the message appears live once sent. */
  status: z.enum(['accepted', 'refused', 'failed', 'pending']),
  wamid: z.string().optional(),
  reason: z.string().optional(),
  detail: z.string().optional(),
  code: z.number().int().optional(),
});
/** What became of a reply. */
export type InboxReplyResultDto = z.infer<typeof inboxReplyResultSchema>;

/** `PUT …/assignee`: a member who may answer, or `null` for nobody. */
export const assignRequestSchema = z.object({ userId: z.uuid().nullable() }).strict();
/** An assignment. */
export type AssignRequest = z.infer<typeof assignRequestSchema>;

const tagSchema = z.string().trim().min(1).max(64);
/** `PUT …/tags`: the contact's tags, replacing the old ones. */
export const tagsRequestSchema = z.object({ tags: z.array(tagSchema).max(50) }).strict();
/** Tags to set. */
export type TagsRequest = z.infer<typeof tagsRequestSchema>;

/** `POST …/notes`: the note text. */
export const noteRequestSchema = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
/** A note to add. */
export type NoteRequest = z.infer<typeof noteRequestSchema>;

/** `PUT …/read`: mark read (up to now) or unread for the calling member. */
export const readRequestSchema = z.object({ read: z.boolean() }).strict();
/** A read marker change. */
export type ReadRequest = z.infer<typeof readRequestSchema>;

/** A live inbox event (server-sent): which conversation changed and how; the studio refetches it. */
export const inboxEventSchema = z.object({
  kind: z.enum(['message', 'status', 'conversation']),
  contactId: z.uuid(),
  messageId: z.string().nullable(),
});
/** A live inbox event. */
export type InboxEventDto = z.infer<typeof inboxEventSchema>;
