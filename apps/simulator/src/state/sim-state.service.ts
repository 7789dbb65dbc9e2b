import { Inject, Injectable } from '@nestjs/common';
import { generateMediaBytes, MIME_BY_MEDIA_TYPE, sha256Base64 } from '../common/media-bytes.util';
import { newNumericId } from '../common/ids.util';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import type {
  NumberMode,
  SimContact,
  SimConversation,
  SimMedia,
  SimMessage,
  SimNumber,
  SimTemplate,
  AddressBookEntry,
  BusinessToken,
  SignupCode,
  StagedThread,
} from './sim-state.types';

/** Meta's media URLs expire after 5 minutes; a fresh one comes from `GET /{media-id}`. */
export const MEDIA_URL_LIFETIME_MS = 5 * 60 * 1000;

export interface NumberInput {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName?: string;
  mode: NumberMode;
  capPerSecond?: number;
  onboardedAt?: number;
  historyShared?: boolean;
  stagedHistory?: StagedThread[];
  addressBook?: AddressBookEntry[];
}

export interface ContactInput {
  waId?: string;
  userId?: string;
  profileName?: string;
  onWhatsApp?: boolean;
  readReceipts?: boolean;
}

/** The whole simulated Meta, in memory. Services mutate it; `reset()` empties it. */
@Injectable()
export class SimStateService {
  readonly numbers = new Map<string, SimNumber>();
  readonly contacts = new Map<string, SimContact>();
  readonly templates = new Map<string, SimTemplate>();
  readonly conversations = new Map<string, SimConversation>();
  readonly media = new Map<string, SimMedia>();
  /** Embedded Signup: codes not yet exchanged, business tokens issued, apps subscribed per WABA. */
  readonly signupCodes = new Map<string, SignupCode>();
  readonly businessTokens = new Map<string, BusinessToken>();
  readonly subscribedApps = new Map<string, Set<string>>();
  private readonly messageIndex = new Map<string, { conversation: SimConversation; message: SimMessage }>();

  constructor(@Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions) {}

  reset(): void {
    for (const map of [this.numbers, this.contacts, this.templates, this.conversations, this.media, this.messageIndex]) map.clear();
    for (const map of [this.signupCodes, this.businessTokens, this.subscribedApps]) map.clear();
  }

  addNumber(input: NumberInput, now = Date.now()): SimNumber {
    const number: SimNumber = {
      verifiedName: input.verifiedName ?? `Business ${input.displayPhoneNumber}`,
      capPerSecond: input.capPerSecond ?? this.options.defaultCaps[input.mode],
      onboardedAt: input.onboardedAt ?? now,
      connected: true,
      historyShared: input.historyShared ?? true,
      stagedHistory: input.stagedHistory ?? [],
      addressBook: input.addressBook ?? [],
      phoneNumberId: input.phoneNumberId,
      wabaId: input.wabaId,
      displayPhoneNumber: input.displayPhoneNumber,
      mode: input.mode,
    };
    this.numbers.set(number.phoneNumberId, number);
    return number;
  }

  wabaExists(wabaId: string): boolean {
    return [...this.numbers.values()].some((n) => n.wabaId === wabaId) || [...this.templates.values()].some((t) => t.wabaId === wabaId);
  }

  /** Finds a contact by wa_id or BSUID, creating it when new; fills in missing identifiers. */
  upsertContact(input: ContactInput): SimContact {
    const existing = (input.waId && this.findContact(input.waId)) || (input.userId && this.findContact(input.userId)) || undefined;
    if (existing) {
      existing.waId ??= input.waId;
      existing.userId ??= input.userId;
      if (input.profileName !== undefined) existing.profileName = input.profileName;
      if (input.onWhatsApp !== undefined) existing.onWhatsApp = input.onWhatsApp;
      if (input.readReceipts !== undefined) existing.readReceipts = input.readReceipts;
      return existing;
    }
    const id = input.waId ?? input.userId;
    if (!id) throw new Error('a contact needs a wa_id or a user_id');
    const contact: SimContact = {
      id,
      waId: input.waId,
      userId: input.userId,
      profileName: input.profileName,
      onWhatsApp: input.onWhatsApp ?? true,
      readReceipts: input.readReceipts ?? true,
    };
    this.contacts.set(id, contact);
    return contact;
  }

  findContact(waIdOrUserId: string): SimContact | undefined {
    return this.contacts.get(waIdOrUserId) ?? [...this.contacts.values()].find((c) => c.waId === waIdOrUserId || c.userId === waIdOrUserId);
  }

  /** `to` of a send: phone digits (a leading `+` and separators allowed) or a BSUID. */
  resolveRecipient(to: string): SimContact {
    const digits = to.replace(/[\s+()-]/g, '');
    if (/^\d+$/.test(digits)) return this.upsertContact({ waId: digits });
    return this.upsertContact({ userId: to });
  }

  addTemplate(template: SimTemplate): SimTemplate {
    this.templates.set(template.id, template);
    return template;
  }

  templatesOf(wabaId: string): SimTemplate[] {
    return [...this.templates.values()].filter((t) => t.wabaId === wabaId);
  }

  conversation(number: SimNumber, contact: SimContact): SimConversation {
    const key = `${number.phoneNumberId}:${contact.id}`;
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = { key, phoneNumberId: number.phoneNumberId, contactId: contact.id, messages: [] };
      this.conversations.set(key, conversation);
    }
    return conversation;
  }

  addMessage(conversation: SimConversation, message: SimMessage): SimMessage {
    conversation.messages.push(message);
    this.messageIndex.set(message.wamid, { conversation, message });
    return message;
  }

  findMessage(wamid: string): { conversation: SimConversation; message: SimMessage } | undefined {
    return this.messageIndex.get(wamid);
  }

  /** Registers a downloadable media object with generated bytes. */
  addMedia(mediaType: string, mimeType?: string): SimMedia {
    const id = newNumericId(16);
    const bytes = generateMediaBytes(mediaType, id);
    const media: SimMedia = {
      id,
      mimeType: mimeType ?? MIME_BY_MEDIA_TYPE[mediaType] ?? 'application/octet-stream',
      sha256: sha256Base64(bytes),
      bytes,
    };
    this.media.set(id, media);
    return media;
  }

  /** Registers uploaded bytes as a media object of the number. */
  addUploadedMedia(phoneNumberId: string, bytes: Buffer, mimeType: string, filename: string | undefined, now = Date.now()): SimMedia {
    const id = newNumericId(16);
    const media: SimMedia = { id, mimeType, sha256: sha256Base64(bytes), bytes, upload: { phoneNumberId, filename, at: now } };
    this.media.set(id, media);
    return media;
  }

  /** A download URL valid for MEDIA_URL_LIFETIME_MS from `now`, like Meta's signed CDN links. */
  mediaUrl(id: string, now = Date.now()): string {
    return `${this.options.publicUrl}/_sim/media/${id}/bytes?expires=${now + MEDIA_URL_LIFETIME_MS}`;
  }
}
