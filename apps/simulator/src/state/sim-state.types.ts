import type { TemplateComponent, TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from './template.schema';

export type NumberMode = 'coexistence' | 'cloud';
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export interface DisconnectionInfo {
  event: 'PARTNER_REMOVED' | 'ACCOUNT_OFFBOARDED';
  reason?: string;
  initiatedBy?: 'USER' | 'SYSTEM';
  at: number;
}

export type HistoryMediaType = 'image' | 'video' | 'audio' | 'document' | 'sticker';

/** A message waiting in the phone app for a history sync (times in ms). */
export interface StagedHistoryMessage {
  direction: 'inbound' | 'outbound';
  type: 'text' | HistoryMediaType;
  text?: string;
  caption?: string;
  at: number;
  status: 'SENT' | 'DELIVERED' | 'READ' | 'PLAYED' | 'PENDING' | 'ERROR';
}

export interface StagedThread {
  waId: string;
  userId?: string;
  messages: StagedHistoryMessage[];
}

export interface AddressBookEntry {
  phoneNumber: string;
  fullName?: string;
  firstName?: string;
  userId?: string;
}

export interface SimNumber {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  mode: NumberMode;
  capPerSecond: number;
  onboardedAt: number;
  connected: boolean;
  disconnection?: DisconnectionInfo;
  /** false = the business declined history sharing at onboarding. */
  historyShared: boolean;
  historySyncRequestedAt?: number;
  contactSyncRequestedAt?: number;
  stagedHistory: StagedThread[];
  addressBook: AddressBookEntry[];
}

export interface SimContact {
  /** wa_id when known, else the BSUID. */
  id: string;
  waId?: string;
  userId?: string;
  profileName?: string;
  /** false → sends fail with 131026. */
  onWhatsApp: boolean;
  /** false → statuses stop at `delivered`. */
  readReceipts: boolean;
}

export interface SimTemplate {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
}

/** inbound = customer; outbound_api = sent through Graph; outbound_app = echo from the phone app. */
export type MessageDirection = 'inbound' | 'outbound_api' | 'outbound_app';
export type DeliveryStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusEvent {
  status: DeliveryStatus;
  at: number;
  errorCode?: number;
}

export interface SimMessage {
  wamid: string;
  direction: MessageDirection;
  source: 'live' | 'history';
  type: string;
  /** The type object as it appears on the wire (`text`, `image`, `interactive` …). */
  content: Record<string, unknown>;
  /** Plain-text rendering for the try-it chat. */
  preview: string;
  at: number;
  context?: { id: string; from: string };
  status?: DeliveryStatus;
  statuses: StatusEvent[];
  template?: { name: string; language: string; category: TemplateCategory; quickReplies: { text: string; payload: string }[] };
  bizOpaqueCallbackData?: string;
  readByBusiness?: boolean;
  editedText?: string;
  revoked?: boolean;
}

export interface SimConversation {
  key: string;
  phoneNumberId: string;
  contactId: string;
  lastLiveInboundAt?: number;
  messages: SimMessage[];
}

export interface SimMedia {
  id: string;
  mimeType: string;
  sha256: string;
  bytes: Buffer;
  /** Set for a file a business uploaded (`POST /{phone-number-id}/media`). */
  upload?: { phoneNumberId: string; filename?: string; at: number };
  /** Past its id lifetime (7 days for received, 30 for uploaded): the id and every URL are gone. */
  expired?: boolean;
  /** Serve other bytes than the announced sha256 (a broken transfer), for tests. */
  corrupt?: boolean;
}

/** A code Embedded Signup handed to the partner's page: exchanged once, before it expires. */
export interface SignupCode {
  appId: string;
  wabaId: string;
  phoneNumberId: string;
  businessId: string;
  expiresAt: number;
  used: boolean;
  /** The token the exchange issues (control API, for canary tests); random otherwise. */
  businessToken?: string;
}

/** A business token from the code exchange: it opens only its own WABA's objects. */
export interface BusinessToken {
  appId: string;
  wabaId: string;
  issuedAt: number;
}
