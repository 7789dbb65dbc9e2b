import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { newWamid, unixSeconds } from '../common/ids.util';
import { SimStateService } from '../state/sim-state.service';
import type { SimContact, SimConversation, SimMessage, SimNumber } from '../state/sim-state.types';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';
import type { BusinessMessageInput } from './customer.schemas';

export interface EchoResult {
  wamid: string;
  deliveryId: number | null;
}

/**
 * A teammate using the WhatsApp Business app on the phone. Everything it sends is mirrored
 * as `smb_message_echoes`; echoes are free, ignore the window and never open it.
 */
@Injectable()
export class BusinessAppService {
  constructor(
    private readonly state: SimStateService,
    private readonly emitter: WebhookEmitterService,
  ) {}

  send(input: BusinessMessageInput): EchoResult {
    const number = this.state.numbers.get(input.phoneNumberId);
    if (!number) throw new NotFoundException(`unknown phoneNumberId ${input.phoneNumberId}`);
    const contact = this.state.resolveRecipient(input.to);
    const conversation = this.state.conversation(number, contact);
    const { message } = input;
    let content: Record<string, unknown>;
    if (message.type === 'text') content = { body: message.text };
    else {
      const media = this.state.addMedia('image', 'image/jpeg');
      content = { mime_type: media.mimeType, sha256: media.sha256, id: media.id, ...(message.caption ? { caption: message.caption } : {}) };
    }
    const preview = message.type === 'text' ? message.text : `[image]${message.caption ? ` ${message.caption}` : ''}`;
    const stored = this.store(conversation, message.type, content, preview);
    return { wamid: stored.wamid, deliveryId: this.echo(number, contact, stored) };
  }

  /** Edit of an earlier text echo: a new echo item of type `edit` naming the original. */
  edit(originalWamid: string, text: string): EchoResult {
    const { number, contact, conversation, original } = this.original(originalWamid);
    if (original.type !== 'text') throw new BadRequestException('only text messages can be edited');
    original.editedText = text;
    const stored = this.store(
      conversation,
      'edit',
      { original_message_id: original.wamid, message: { type: 'text', text: { body: text } } },
      `edited: ${text}`,
    );
    return { wamid: stored.wamid, deliveryId: this.echo(number, contact, stored) };
  }

  /** Deletion for everyone of an earlier echo: an echo item of type `revoke`. */
  revoke(originalWamid: string): EchoResult {
    const { number, contact, conversation, original } = this.original(originalWamid);
    original.revoked = true;
    const stored = this.store(conversation, 'revoke', { original_message_id: original.wamid }, 'message deleted');
    return { wamid: stored.wamid, deliveryId: this.echo(number, contact, stored) };
  }

  private original(wamid: string): { number: SimNumber; contact: SimContact; conversation: SimConversation; original: SimMessage } {
    const found = this.state.findMessage(wamid);
    if (!found || found.message.direction !== 'outbound_app' || found.message.source !== 'live') {
      throw new NotFoundException(`${wamid} is not a message sent from the business app`);
    }
    if (found.message.revoked) throw new BadRequestException(`${wamid} was already deleted`);
    const number = this.state.numbers.get(found.conversation.phoneNumberId);
    const contact = this.state.contacts.get(found.conversation.contactId);
    if (!number || !contact) throw new NotFoundException(`${wamid} belongs to a number or contact that no longer exists`);
    return { number, contact, conversation: found.conversation, original: found.message };
  }

  private store(conversation: SimConversation, type: string, content: Record<string, unknown>, preview: string): SimMessage {
    const now = Date.now();
    return this.state.addMessage(conversation, {
      wamid: newWamid(conversation.contactId),
      direction: 'outbound_app',
      source: 'live',
      type,
      content,
      preview,
      at: now,
      statuses: [],
    });
  }

  private echo(number: SimNumber, contact: SimContact, message: SimMessage): number | null {
    const item: Record<string, unknown> = { from: number.displayPhoneNumber, to: contact.waId ?? '' };
    if (contact.userId) item.to_user_id = contact.userId;
    Object.assign(item, { id: message.wamid, timestamp: unixSeconds(message.at), type: message.type, [message.type]: message.content });
    const value: Record<string, unknown> = contact.userId ? { contacts: [{ wa_id: contact.waId ?? '', user_id: contact.userId }] } : {};
    value.message_echoes = [item];
    return this.emitter.forNumber(number, contact.id, 'smb_message_echoes', value)?.id ?? null;
  }
}
