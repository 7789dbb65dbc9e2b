import {
  conversationSettingsSchema,
  conversationTimelineSchema,
  ownershipStateSchema,
  type ConversationEventDto,
  type ConversationSettingsDto,
  type OwnershipStateDto,
} from '@tandem/api-contract';
import { request } from './client';

const path = (contactId: string, tail: string) => `/api/conversations/${encodeURIComponent(contactId)}/${tail}`;

/** Who holds a conversation, its timeline, and the actions on it (`/api/conversations/:contactId/…`). */
export const ownershipApi = {
  state: (contactId: string, signal?: AbortSignal): Promise<OwnershipStateDto> =>
    request(path(contactId, 'ownership'), { schema: ownershipStateSchema, signal }),
  timeline: (contactId: string, signal?: AbortSignal): Promise<ConversationEventDto[]> =>
    request(path(contactId, 'timeline'), { schema: conversationTimelineSchema, signal }).then((r) => r.items),
  take: (contactId: string): Promise<OwnershipStateDto> =>
    request(path(contactId, 'take'), { method: 'POST', schema: ownershipStateSchema }),
  giveBack: (contactId: string, reason?: string): Promise<OwnershipStateDto> =>
    request(path(contactId, 'give-back'), { method: 'POST', body: reason ? { reason } : {}, schema: ownershipStateSchema }),
  close: (contactId: string, reason?: string): Promise<OwnershipStateDto> =>
    request(path(contactId, 'close'), { method: 'POST', body: reason ? { reason } : {}, schema: ownershipStateSchema }),
  settings: (signal?: AbortSignal): Promise<ConversationSettingsDto> =>
    request('/api/workspace/conversation-settings', { schema: conversationSettingsSchema, signal }),
  saveSettings: (settings: ConversationSettingsDto): Promise<ConversationSettingsDto> =>
    request('/api/workspace/conversation-settings', { method: 'PUT', body: settings, schema: conversationSettingsSchema }),
};
