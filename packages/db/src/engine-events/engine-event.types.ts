/**
 * Events the intake appends to `domain_events` (same transaction as the conversation
 * change) for the engine's consumers. Times are ISO-8601 strings; ids are uuids except
 * the event id (bigserial, as a string).
 */

/** A live customer message (never history, never an echo). */
export interface MessageReceivedPayload {
  numberId: string;
  contactId: string;
  messageId: string;
  wamid: string;
  type: string;
  /** Body, caption, tapped button/row title, or edited text. */
  text?: string;
  buttonId?: string;
  buttonPayload?: string;
  listRowId?: string;
  interactiveType?: string;
  contextWamid?: string;
  /** Click-to-WhatsApp ad/post referral, as normalized by @tandem/whatsapp. */
  referral?: Record<string, unknown>;
  /** Edit/revoke: the wamid of the message that changed. */
  originalWamid?: string;
  occurredAt: string;
  /** Whether this message opened or refreshed the 24 h window. */
  windowOpened: boolean;
  windowOpenUntil: string | null;
  /** Contacts folded into `contactId` because this message revealed both ids. */
  mergedContactIds?: string[];
  /**
   * The message was an opt-out / opt-in keyword of the workspace (already applied to the
   * contact by intake); `confirm`: send the workspace's confirmation.
   */
  optKeyword?: { kind: 'opt_out' | 'opt_in'; confirm: boolean };
}

/** A message a teammate sent from the WhatsApp Business app (coexistence echo). */
export interface MessageEchoPayload {
  numberId: string;
  contactId: string;
  messageId: string;
  wamid: string;
  type: string;
  text?: string;
  contextWamid?: string;
  originalWamid?: string;
  occurredAt: string;
}

/** A delivery status of a message sent through the API; `messageId` null = wamid unknown so far. */
export interface MessageStatusPayload {
  numberId: string;
  wamid: string;
  /** The status this webhook reported. */
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed';
  messageId: string | null;
  contactId: string | null;
  /** The message's status after folding every status received (forward-only). */
  messageStatus: string | null;
  occurredAt: string;
  errors?: { code: number; title?: string; details?: string }[];
  pricing?: { category?: string; type?: string; billable?: boolean };
  bizOpaqueCallbackData?: string;
}

export interface ContactSyncedPayload {
  numberId: string;
  contactId: string;
  action: 'add' | 'remove';
  addressBookName: string | null;
  occurredAt: string;
}

export interface NumberDisconnectedPayload {
  numberId: string;
  state: 'disconnected' | 'offboarded';
  /** Meta's event (PARTNER_REMOVED, ACCOUNT_OFFBOARDED). */
  event: string;
  reason: string | null;
  initiatedBy: string | null;
  occurredAt: string;
}

export interface NumberReconnectedPayload {
  numberId: string;
  event: string;
  occurredAt: string;
}

export interface HistorySyncedPayload {
  numberId: string;
  status: 'in_progress' | 'complete' | 'declined';
  phase?: number;
  chunkOrder?: number;
  progress?: number;
  /** Messages stored from this chunk. */
  messageCount: number;
  errorCodes?: number[];
}

export interface TemplateStatusPayload {
  wabaId: string;
  templateId: string;
  name: string;
  language: string;
  category: string | null;
  status: string;
  reason: string | null;
  occurredAt: string;
}

/** Payload shape per event kind. */
export interface EngineEventPayloads {
  'message.received': MessageReceivedPayload;
  'message.echo': MessageEchoPayload;
  'message.status': MessageStatusPayload;
  'contact.synced': ContactSyncedPayload;
  'number.disconnected': NumberDisconnectedPayload;
  'number.reconnected': NumberReconnectedPayload;
  'history.synced': HistorySyncedPayload;
  'template.status': TemplateStatusPayload;
}

export type EngineEventKind = keyof EngineEventPayloads;

/** An event to append to the outbox (before it has an id). */
export type NewEngineEvent = {
  [K in EngineEventKind]: { kind: K; contactKey: string; numberId: string | null; payload: EngineEventPayloads[K] };
}[EngineEventKind];

/**
 * What a consumer's handler receives. `contactKey` is the contact id for contact events,
 * `number:<numberId>` for number events and `waba:<wabaId>` for template events; events
 * with the same key are handled one at a time, in outbox order.
 */
export type EngineEvent = {
  [K in EngineEventKind]: {
    id: string;
    kind: K;
    workspaceId: string;
    numberId: string | null;
    contactKey: string;
    deliveryId: string | null;
    createdAt: string;
    payload: EngineEventPayloads[K];
  };
}[EngineEventKind];

/**
 * The run that sent a message, from its outbox key (`<runId>:<step>:<sendIndex>`) echoed in
 * a status's `biz_opaque_callback_data` — used when the status arrives before the message row exists.
 */
export function runIdFromCallback(callback: string | undefined): string | undefined {
  const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):\d+:\d+$/.exec(callback ?? '');
  return match?.[1];
}
