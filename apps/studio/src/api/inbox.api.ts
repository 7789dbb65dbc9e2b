import {
  conversationNoteSchema,
  conversationPageSchema,
  conversationThreadSchema,
  inboxReplyResultSchema,
  templateListSchema,
  type ConversationNoteDto,
  type ConversationPageDto,
  type ConversationThreadDto,
  type InboxReplyRequest,
  type InboxReplyResultDto,
  type TemplateDto,
} from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';
import type { QueryParams } from './http-client';

const assigneesSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) });
export type Assignee = z.infer<typeof assigneesSchema>['items'][number];

const conversation = (contactId: string) => `/api/inbox/conversations/${encodeURIComponent(contactId)}`;

/** The shared inbox (`/api/inbox/…`): reading needs `workspace.read`, acting `conversations.write`. */
export const inboxApi = {
  list: (query: QueryParams, signal?: AbortSignal): Promise<ConversationPageDto> =>
    request('/api/inbox/conversations', { query, schema: conversationPageSchema, signal }),
  thread: (contactId: string, signal?: AbortSignal): Promise<ConversationThreadDto> =>
    request(conversation(contactId), { schema: conversationThreadSchema, signal }),
  reply: (contactId: string, body: InboxReplyRequest): Promise<InboxReplyResultDto> =>
    request(`${conversation(contactId)}/replies`, { method: 'POST', body, schema: inboxReplyResultSchema }),
  assign: (contactId: string, userId: string | null): Promise<void> =>
    request(`${conversation(contactId)}/assignee`, { method: 'PUT', body: { userId } }),
  setTags: (contactId: string, tags: string[]): Promise<{ tags: string[] }> =>
    request(`${conversation(contactId)}/tags`, { method: 'PUT', body: { tags }, schema: z.object({ tags: z.array(z.string()) }) }),
  addNote: (contactId: string, body: string): Promise<ConversationNoteDto> =>
    request(`${conversation(contactId)}/notes`, { method: 'POST', body: { body }, schema: conversationNoteSchema }),
  setRead: (contactId: string, read: boolean): Promise<void> =>
    request(`${conversation(contactId)}/read`, { method: 'PUT', body: { read } }),
  assignees: (signal?: AbortSignal): Promise<Assignee[]> =>
    request('/api/inbox/assignees', { schema: assigneesSchema, signal }).then((r) => r.items),
  /** Ownership actions of the conversation lifecycle (`/api/conversations/:id/take|give-back|close`). */
  ownership: (contactId: string, action: 'take' | 'give-back' | 'close'): Promise<unknown> =>
    request(`/api/conversations/${encodeURIComponent(contactId)}/${action}`, { method: 'POST', body: {} }),
};

/** Approved-or-not templates of a number's account, for the composer's picker. */
export const templatesOf = (numberId: string, signal?: AbortSignal): Promise<TemplateDto[]> =>
  request('/api/templates', { query: { numberId }, schema: templateListSchema, signal }).then((r) => r.items);
