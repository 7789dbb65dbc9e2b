import { Injectable } from '@nestjs/common';
import { newWamid } from '../common/ids.util';
import { RateLimiterService } from '../limits/rate-limiter.service';
import { LedgerService } from '../state/ledger.service';
import { SimStateService } from '../state/sim-state.service';
import type { SimContact, SimMessage, SimNumber, SimTemplate } from '../state/sim-state.types';
import { isWindowOpen } from '../state/window.util';
import { StatusProgressionService } from '../status/status-progression.service';
import { GraphError, unknownObjectError } from './graph-error';
import { previewOf } from './message-preview.util';
import { isMarkRead, parseMarkRead, parseSendRequest } from './send-request.parse';
import type { SendRequest, TemplateRequest } from './send-request.schema';
import { paramMismatch, quickReplies, renderTemplateText } from './template-rules.util';

export interface SendResponse {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id: string; user_id?: string }[];
  messages: { id: string; message_status?: 'accepted' }[];
}

const TEMPLATE_STATUS_ERRORS: Record<string, number> = { PAUSED: 132015, DISABLED: 132016 };

/**
 * `POST /{phone-number-id}/messages`. Check order: known number → connected (133010) →
 * throughput, counting every arrival (130429) → body (100/131008/131009) → template
 * (132001/132015/132016/132000) → pair rate (131056). Accepted sends get their statuses
 * asynchronously; the window is judged then, so free-form outside it is 200 + failed 131047.
 */
@Injectable()
export class SendService {
  constructor(
    private readonly state: SimStateService,
    private readonly ledger: LedgerService,
    private readonly limits: RateLimiterService,
    private readonly progression: StatusProgressionService,
  ) {}

  /** `now` is the request's arrival time, the instant Meta's throughput count uses. */
  handle(phoneNumberId: string, body: unknown, now = Date.now()): SendResponse | { success: true } {
    const number = this.state.numbers.get(phoneNumberId);
    if (!number) {
      this.refuse(phoneNumberId, body, now, unknownObjectError(phoneNumberId));
    }
    if (isMarkRead(body)) return this.markRead(number, body);
    try {
      return this.send(number, body, now);
    } catch (error) {
      if (error instanceof GraphError) this.refuse(phoneNumberId, body, now, error);
      throw error;
    }
  }

  private refuse(phoneNumberId: string, body: unknown, now: number, error: GraphError): never {
    const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const to = typeof raw.to === 'string' ? (this.state.findContact(raw.to.replace(/[\s+()-]/g, ''))?.id ?? raw.to) : undefined;
    const template = raw.template as { name?: unknown } | undefined;
    this.ledger.record({
      at: now,
      phoneNumberId,
      recipient: to,
      type: typeof raw.type === 'string' ? raw.type : undefined,
      templateName: typeof template?.name === 'string' ? template.name : undefined,
      outcome: 'refused',
      httpStatus: error.httpStatus,
      errorCode: error.code,
    });
    throw error;
  }

  private markRead(number: SimNumber, body: unknown): { success: true } {
    const request = parseMarkRead(body);
    const found = this.state.findMessage(request.message_id);
    if (!found || found.conversation.phoneNumberId !== number.phoneNumberId || found.message.direction !== 'inbound') {
      throw new GraphError(131009, `message_id ${request.message_id} is not an incoming message of this phone number.`);
    }
    found.message.readByBusiness = true;
    return { success: true };
  }

  private send(number: SimNumber, body: unknown, now: number): SendResponse {
    if (!number.connected)
      throw new GraphError(
        133010,
        `Phone number ${number.displayPhoneNumber} is not connected to the Cloud API (${number.disconnection?.event ?? 'disconnected'}).`,
      );
    if (!this.limits.hitThroughput(number, now)) {
      throw new GraphError(130429, `Throughput of ${number.capPerSecond} messages per second exceeded for this phone number.`);
    }
    const request = parseSendRequest(body);
    const template = request.type === 'template' ? this.checkTemplate(number, request.template) : undefined;
    const contact = this.state.resolveRecipient(request.to);
    const pair = this.limits.takePair(number, contact, now);
    if (!pair.allowed)
      throw new GraphError(131056, `Too many messages to this recipient; retry in ${Math.ceil(pair.retryAfterMs / 1000)} s.`);
    const message = this.accept(number, contact, request, template, now);
    this.ledger.record({
      at: now,
      phoneNumberId: number.phoneNumberId,
      recipient: contact.id,
      type: request.type,
      templateName: template?.name,
      outcome: 'accepted',
      httpStatus: 200,
      wamid: message.wamid,
    });
    const contactEntry: SendResponse['contacts'][number] = { input: request.to, wa_id: contact.waId ?? '' };
    if (contact.userId && !contact.waId) contactEntry.user_id = contact.userId;
    return {
      messaging_product: 'whatsapp',
      contacts: [contactEntry],
      messages: [template ? { id: message.wamid, message_status: 'accepted' } : { id: message.wamid }],
    };
  }

  private checkTemplate(number: SimNumber, request: TemplateRequest): SimTemplate {
    const template = this.state.templatesOf(number.wabaId).find((t) => t.name === request.name && t.language === request.language.code);
    if (!template) throw new GraphError(132001, `template name (${request.name}) does not exist in ${request.language.code}`);
    const statusError = TEMPLATE_STATUS_ERRORS[template.status];
    if (statusError) throw new GraphError(statusError, `Template ${template.name} (${template.language}) is ${template.status}.`);
    if (template.status !== 'APPROVED')
      throw new GraphError(132001, `template name (${request.name}) is ${template.status}, not APPROVED, in ${template.language}`);
    const mismatch = paramMismatch(template, request);
    if (mismatch) throw new GraphError(132000, mismatch);
    return template;
  }

  private accept(number: SimNumber, contact: SimContact, request: SendRequest, template: SimTemplate | undefined, now: number): SimMessage {
    const conversation = this.state.conversation(number, contact);
    const windowOpen = isWindowOpen(conversation.lastLiveInboundAt, number.onboardedAt, now);
    const content = (request as Record<string, unknown>)[request.type] as Record<string, unknown>;
    const contextTarget = request.context ? this.state.findMessage(request.context.message_id)?.message : undefined;
    const message = this.state.addMessage(conversation, {
      wamid: newWamid(contact.waId ?? contact.id),
      direction: 'outbound_api',
      source: 'live',
      type: request.type,
      content,
      preview: previewOf(request, template && request.type === 'template' ? renderTemplateText(template, request.template) : undefined),
      at: now,
      context: request.context
        ? {
            id: request.context.message_id,
            from: contextTarget?.direction === 'inbound' ? (contact.waId ?? '') : number.displayPhoneNumber,
          }
        : undefined,
      status: 'accepted',
      statuses: [{ status: 'accepted', at: now }],
      template:
        template && request.type === 'template'
          ? {
              name: template.name,
              language: template.language,
              category: template.category,
              quickReplies: quickReplies(template, request.template),
            }
          : undefined,
      bizOpaqueCallbackData: request.biz_opaque_callback_data,
    });
    this.progression.start({ number, contact, message, windowOpen });
    return message;
  }
}
