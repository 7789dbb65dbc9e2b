/**
 * Normalized domain events produced by `parseWebhook` from Meta's WhatsApp webhook
 * payloads. Consumers switch on `kind`; every event is self-contained (no need to look
 * back at the envelope) and carries an idempotency key, because Meta redelivers.
 */

import type { ContactRef, MessageContent, MessageContext, Referral, WebhookError } from './message-content.types';

export type * from './message-content.types';

/** Fields shared by every event. */
export interface EventBase {
  /** `entry[].id` — the WhatsApp Business Account id. */
  wabaId: string;
  /** `value.metadata.phone_number_id`, present on message-type fields. */
  phoneNumberId?: string;
  /** `value.metadata.display_phone_number` (digits; equals `from` on echoes). */
  displayPhoneNumber?: string;
  /** Idempotency key, stable across Meta's redeliveries of the same update. */
  dedupKey: string;
  /** Unix epoch milliseconds of the update (message time, status time, or entry time). */
  timestamp: number;
}

/** A live message a customer sent to the number (opens/refreshes the service window). */
export interface MessageReceivedEvent extends EventBase, MessageContent {
  kind: 'message.received';
  wamid: string;
  contact: ContactRef;
  context?: MessageContext;
  referral?: Referral;
  /** Item-level errors (e.g. 131051 unsupported, 131052 media too big). */
  errors?: WebhookError[];
  raw: unknown;
}

/** A message the business sent from the WhatsApp Business app (coexistence echo). The customer is `to`. */
export interface MessageEchoEvent extends EventBase, MessageContent {
  kind: 'message.echo';
  wamid: string;
  /** The customer (echo `to` / `to_user_id`). */
  contact: ContactRef;
  /** Business display number (`from`). */
  from: string;
  context?: MessageContext;
  raw: unknown;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'played';

export interface Pricing {
  billable?: boolean;
  /** `PMP` (per-message) or legacy `CBP`. */
  pricingModel?: string;
  /** `regular`, `free_customer_service`, `free_entry_point`. */
  type?: string;
  category?: string;
}

export interface ConversationInfo {
  id?: string;
  /** Unix ms. */
  expiresAt?: number;
  originType?: string;
}

/** Delivery status of a message sent through the API. May arrive out of order or repeated. */
export interface MessageStatusEvent extends EventBase {
  kind: 'message.status';
  wamid: string;
  status: DeliveryStatus;
  recipient: ContactRef;
  errors?: WebhookError[];
  pricing?: Pricing;
  conversation?: ConversationInfo;
  bizOpaqueCallbackData?: string;
  raw: unknown;
}

/** A message from the history backfill. Context only: never opens the window or triggers journeys. */
export interface HistoryMessage extends MessageContent {
  wamid: string;
  /** Unix ms (device receive time). */
  timestamp: number;
  direction: 'inbound' | 'outbound';
  from: string;
  to?: string;
  /** `history_context.status`: SENT, DELIVERED, READ, PLAYED, PENDING, ERROR. */
  status?: string;
  raw: unknown;
}

export interface HistoryThread {
  contact: ContactRef;
  messages: HistoryMessage[];
}

/** One chunk of the history backfill. Chunks of a phase may arrive out of order. */
export interface HistoryMessagesEvent extends EventBase {
  kind: 'history.messages';
  /** 0 = day 0–1, 1 = day 1–90, 2 = day 90–180. */
  phase: number;
  chunkOrder: number;
  /** 0..100; 100 = whole sync done. */
  progress: number;
  threads: HistoryThread[];
}

/** Follow-up carrying downloadable media for a history `media_placeholder` (same wamid). */
export interface HistoryMediaEvent extends EventBase, MessageContent {
  kind: 'history.media';
  wamid: string;
  /** `inbound` from `value.messages` (customer-sent), `outbound` from `value.message_echoes`. */
  direction: 'inbound' | 'outbound';
  contact: ContactRef;
  raw: unknown;
}

/** The business declined or turned off history sharing (error 2593109). Nothing else will come. */
export interface HistoryDeclinedEvent extends EventBase {
  kind: 'history.declined';
  errors: WebhookError[];
}

/** A contact added/edited (`add`) or removed in the phone's address book. */
export interface ContactSyncedEvent extends EventBase {
  kind: 'contact.synced';
  action: 'add' | 'remove';
  contact: ContactRef;
  fullName?: string;
  firstName?: string;
}

/** Marketing opt-out/in from `user_preferences`. */
export interface UserPreferenceEvent extends EventBase {
  kind: 'user.preference';
  contact: ContactRef;
  /** e.g. `marketing_messages`. */
  category: string;
  /** `stop` or `resume`. */
  value: string;
  detail?: string;
}

/** Account lifecycle (`account_update`), routed by WABA. */
export interface AccountUpdatedEvent extends EventBase {
  kind: 'account.updated';
  /** e.g. PARTNER_ADDED, PARTNER_REMOVED, ACCOUNT_OFFBOARDED, ACCOUNT_RECONNECTED. */
  event: string;
  disconnectionInfo?: { reason?: string; initiatedBy?: string };
  wabaInfo?: { wabaId?: string; ownerBusinessId?: string; partnerAppId?: string };
  /** `phone_number` of the event when present. */
  phoneNumber?: string;
  raw: unknown;
}

/** `value.errors[]` of a `messages` change: a system/app/account-level problem. */
export interface AccountErrorsEvent extends EventBase {
  kind: 'account.errors';
  errors: WebhookError[];
}

/** `message_template_status_update`. */
export interface TemplateStatusEvent extends EventBase {
  kind: 'template.status';
  /** APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, REINSTATED, FLAGGED … */
  event: string;
  templateId: string;
  name: string;
  language: string;
  category?: string;
  reason?: string;
  otherInfo?: { title?: string; description?: string };
  raw: unknown;
}

/** `message_template_quality_update`. */
export interface TemplateQualityEvent extends EventBase {
  kind: 'template.quality';
  templateId: string;
  name: string;
  language: string;
  /** GREEN, YELLOW, RED or UNKNOWN. */
  qualityScore: string;
  previousQualityScore?: string;
  raw: unknown;
}

/**
 * `template_category_update`. With `newCategory` Meta has changed the category; with only
 * `correctCategory` it announces the category it will apply.
 */
export interface TemplateCategoryEvent extends EventBase {
  kind: 'template.category';
  templateId: string;
  name: string;
  language: string;
  previousCategory?: string;
  newCategory?: string;
  correctCategory?: string;
  raw: unknown;
}

export type UnknownReason = 'unknown_field' | 'group_message' | 'unknown_item' | 'invalid_change';

/** Anything this package does not model. Ignore (log once) and answer 200. */
export interface UnknownEvent extends EventBase {
  kind: 'unknown';
  field: string;
  reason: UnknownReason;
  value: unknown;
}

/** Every event `parseWebhook` can produce, discriminated on `kind`. */
export type NormalizedEvent =
  | MessageReceivedEvent
  | MessageEchoEvent
  | MessageStatusEvent
  | HistoryMessagesEvent
  | HistoryMediaEvent
  | HistoryDeclinedEvent
  | ContactSyncedEvent
  | UserPreferenceEvent
  | AccountUpdatedEvent
  | AccountErrorsEvent
  | TemplateStatusEvent
  | TemplateQualityEvent
  | TemplateCategoryEvent
  | UnknownEvent;

export type NormalizedEventKind = NormalizedEvent['kind'];
