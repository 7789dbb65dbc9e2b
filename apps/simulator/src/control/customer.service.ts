import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { webhookErrorItem } from '../common/error-catalogue';
import { newWamid, unixSeconds } from '../common/ids.util';
import { SimStateService } from '../state/sim-state.service';
import type { SimContact, SimConversation, SimNumber } from '../state/sim-state.types';
import { windowOpenUntil } from '../state/window.util';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';
import { identity, inboundContact } from '../webhooks/webhook-payload.util';
import type { CustomerContent, CustomerMessageInput } from './customer.schemas';
import { isInteractive, pickOption, pickQuickReply, replyTarget } from './reply-target.util';

export interface CustomerMessageResult {
  wamid: string;
  /** null when the number is disconnected: the phone app still gets the message, the API does not. */
  deliveryId: number | null;
  windowOpenUntil: string | null;
}

interface Built {
  type: string;
  content: Record<string, unknown>;
  preview: string;
  contextId?: string;
  errors?: Record<string, unknown>[];
}

/** A simulated customer writes to a number → `messages` webhook, refreshing the window. */
@Injectable()
export class CustomerService {
  constructor(
    private readonly state: SimStateService,
    private readonly emitter: WebhookEmitterService,
  ) {}

  receive(input: CustomerMessageInput): CustomerMessageResult {
    const number = this.state.numbers.get(input.phoneNumberId);
    if (!number) throw new NotFoundException(`unknown phoneNumberId ${input.phoneNumberId}`);
    const contact = this.state.upsertContact({ waId: input.waId, userId: input.userId, profileName: input.profileName });
    const conversation = this.state.conversation(number, contact);
    const built = this.build(conversation, input.message, input.contextMessageId);
    const at = input.timestamp !== undefined ? input.timestamp * 1000 : Date.now();
    const wamid = newWamid(contact.waId ?? contact.id);
    const context = built.contextId ? { from: this.authorOf(number, contact, built.contextId), id: built.contextId } : undefined;
    this.state.addMessage(conversation, {
      wamid,
      direction: 'inbound',
      source: 'live',
      type: built.type,
      content: built.content,
      preview: built.preview,
      at,
      context,
      statuses: [],
    });
    if (at >= number.onboardedAt) conversation.lastLiveInboundAt = Math.max(conversation.lastLiveInboundAt ?? 0, at);
    const item: Record<string, unknown> = {
      ...(context ? { context } : {}),
      ...identity(contact, 'from', 'from_user_id'),
      id: wamid,
      timestamp: unixSeconds(at),
      type: built.type,
      ...(built.errors ? { errors: built.errors } : {}),
      [built.type]: built.content,
    };
    const delivery = this.emitter.forNumber(number, contact.id, 'messages', { contacts: [inboundContact(contact)], messages: [item] });
    const until = windowOpenUntil(conversation.lastLiveInboundAt, number.onboardedAt);
    return { wamid, deliveryId: delivery?.id ?? null, windowOpenUntil: until === undefined ? null : new Date(until).toISOString() };
  }

  private authorOf(number: SimNumber, contact: SimContact, wamid: string): string {
    const target = this.state.findMessage(wamid)?.message;
    return target?.direction === 'inbound' ? (contact.waId ?? '') : number.displayPhoneNumber;
  }

  private build(conversation: SimConversation, message: CustomerContent, contextId: string | undefined): Built {
    switch (message.type) {
      case 'text':
        return { type: 'text', content: { body: message.text }, preview: message.text, contextId };
      case 'button_reply':
      case 'list_reply': {
        const kind = message.type === 'button_reply' ? 'button' : 'list';
        const target = replyTarget(conversation, contextId, isInteractive(kind), `interactive ${kind} message`);
        const option = pickOption(target, message.id, message.title);
        const reply = message.type === 'button_reply' ? { id: option.id, title: option.title } : option;
        return {
          type: 'interactive',
          content: { type: message.type, [message.type]: reply },
          preview: option.title,
          contextId: target.wamid,
        };
      }
      case 'quick_reply': {
        const target = replyTarget(
          conversation,
          contextId,
          (m) => (m.template?.quickReplies.length ?? 0) > 0,
          'template with quick-reply buttons',
        );
        const button = pickQuickReply(target, message);
        return { type: 'button', content: { payload: button.payload, text: button.text }, preview: button.text, contextId: target.wamid };
      }
      case 'location': {
        const { type: _type, ...location } = message;
        return {
          type: 'location',
          content: location,
          preview: `[location] ${message.name ?? `${message.latitude},${message.longitude}`}`,
          contextId,
        };
      }
      case 'reaction': {
        if (!conversation.messages.some((m) => m.wamid === message.messageId)) {
          throw new BadRequestException(`${message.messageId} is not a message of this conversation`);
        }
        return {
          type: 'reaction',
          content: { message_id: message.messageId, emoji: message.emoji },
          preview: message.emoji ? `reacted ${message.emoji}` : 'removed a reaction',
        };
      }
      case 'unsupported':
        return {
          type: 'unsupported',
          content: { type: message.unsupportedType },
          preview: `[unsupported ${message.unsupportedType}]`,
          errors: [webhookErrorItem(131051, { href: false })],
        };
      default:
        return this.buildMedia(message, contextId);
    }
  }

  private buildMedia(
    message: Extract<CustomerContent, { type: 'image' | 'video' | 'audio' | 'document' | 'sticker' }>,
    contextId: string | undefined,
  ): Built {
    const media = this.state.addMedia(message.type, message.mimeType);
    const content: Record<string, unknown> = {};
    if (message.caption && message.type !== 'audio' && message.type !== 'sticker') content.caption = message.caption;
    if (message.type === 'document') content.filename = message.filename ?? 'document.pdf';
    Object.assign(content, { mime_type: media.mimeType, sha256: media.sha256, id: media.id, url: this.state.mediaUrl(media.id) });
    if (message.type === 'audio') content.voice = message.voice ?? false;
    if (message.type === 'sticker') content.animated = false;
    return { type: message.type, content, preview: `[${message.type}]${message.caption ? ` ${message.caption}` : ''}`, contextId };
  }
}
