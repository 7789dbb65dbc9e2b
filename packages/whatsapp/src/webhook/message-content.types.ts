/**
 * Building blocks of the normalized webhook events: identities, errors and the
 * type-specific content shared by inbound messages, echoes and history items.
 */

/**
 * Who the event is about. Meta identifies a person by phone (`wa_id`) and/or by a
 * business-scoped user id (BSUID); under the 2026 username rollout the phone may arrive
 * as an empty string, which is normalized to `undefined` here. At least one of
 * `waId`/`userId` is set whenever the payload identifies someone.
 */
export interface ContactRef {
  /** Phone number, digits only (no `+`). */
  waId?: string;
  /** Business-scoped user id (opaque, up to 256 chars). */
  userId?: string;
  /** Self-chosen display name; never an identity key. */
  profileName?: string;
  username?: string;
}

/** An error object as Meta puts it in webhooks (`errors[]`). `message` may contain a phone number: do not log it. */
export interface WebhookError {
  code: number;
  title?: string;
  message?: string;
  details?: string;
  href?: string;
}

/** Normalized message type. Types this package does not know become `unknown` (see `rawType`). */
export type MessageType =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'interactive'
  | 'button'
  | 'reaction'
  | 'order'
  | 'system'
  | 'request_welcome'
  | 'unsupported'
  | 'unknown'
  | 'edit'
  | 'revoke'
  | 'media_placeholder';

export type MediaKind = 'image' | 'video' | 'audio' | 'document' | 'sticker';

export interface MediaRef {
  kind: MediaKind;
  /** Media id for `GET /{media-id}`; absent on some echoes. */
  id?: string;
  /** Direct URL (rolling out on inbound webhooks, Nov 2025). Needs the Bearer token. */
  url?: string;
  mimeType?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
  /** Audio: push-to-talk voice note. */
  voice?: boolean;
  /** Sticker: animated. */
  animated?: boolean;
}

export interface LocationContent {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
  url?: string;
}

export interface SystemContent {
  /** e.g. `user_changed_number`, `user_changed_user_id`, `customer_identity_changed`. */
  type?: string;
  body?: string;
  /** New phone for `user_changed_number`. */
  newWaId?: string;
  /** New BSUID for `user_changed_user_id`. */
  newUserId?: string;
}

/**
 * Content of a message, shared by live inbound messages, echoes and history items.
 * `text` is the human-readable text when there is one: the body, a media caption, the
 * title of a tapped button or list row, a template quick-reply text, or the new text of an edit.
 */
export interface MessageContent {
  type: MessageType;
  /** `type` exactly as Meta sent it. */
  rawType: string;
  text?: string;
  media?: MediaRef;
  location?: LocationContent;
  /** Reaction to `messageId`; `emoji` undefined means the reaction was removed. */
  reaction?: { messageId: string; emoji?: string };
  /** `interactive.type`: `button_reply`, `list_reply`, `nfm_reply`. */
  interactiveType?: string;
  /** Id of the tapped interactive reply button. */
  buttonId?: string;
  /** Payload of a tapped template quick-reply button (`type: button`). */
  buttonPayload?: string;
  /** Id of the chosen list row. */
  listRowId?: string;
  /** Flow (`nfm_reply`) response: parsed `response_json` when it is valid JSON. */
  flowResponse?: unknown;
  system?: SystemContent;
  /** Edit/revoke: the wamid of the message that was edited or deleted. */
  originalWamid?: string;
  /** Edit: the new content. */
  edited?: MessageContent;
}

export interface MessageContext {
  /** wamid of the message being replied to (ours or theirs). */
  wamid?: string;
  /** Author of the replied-to message (our display number if it was ours). */
  from?: string;
  forwarded?: boolean;
  frequentlyForwarded?: boolean;
}

/** Click-to-WhatsApp ad / post referral. */
export interface Referral {
  sourceUrl?: string;
  sourceId?: string;
  sourceType?: string;
  headline?: string;
  body?: string;
  mediaType?: string;
  imageUrl?: string;
  videoUrl?: string;
  thumbnailUrl?: string;
  ctwaClid?: string;
}
