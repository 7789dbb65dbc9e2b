import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { BehaviourService } from '../common/behaviour.service';
import { webhookErrorItem } from '../common/error-catalogue';
import { unixSeconds } from '../common/ids.util';
import { SchedulerService } from '../common/scheduler.service';
import { LedgerService } from '../state/ledger.service';
import type { DeliveryStatus, SimContact, SimMessage, SimNumber } from '../state/sim-state.types';
import { WINDOW_MS } from '../state/window.util';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';
import { identity } from '../webhooks/webhook-payload.util';
import { Pricing, pricingFor } from './pricing.util';
import { PlannedStatus, planStatuses } from './status-plan.util';

const RANK: Record<DeliveryStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export interface ProgressionInput {
  number: SimNumber;
  contact: SimContact;
  message: SimMessage;
  windowOpen: boolean;
}

/** Turns an accepted send into its `sent` → `delivered` → `read` (or `failed`) status webhooks. */
@Injectable()
export class StatusProgressionService {
  constructor(
    private readonly behaviour: BehaviourService,
    private readonly scheduler: SchedulerService,
    private readonly emitter: WebhookEmitterService,
    private readonly ledger: LedgerService,
  ) {}

  start(input: ProgressionInput): void {
    const b = this.behaviour.current;
    const plan = planStatuses({
      freeForm: input.message.template === undefined,
      windowOpen: input.windowOpen,
      onWhatsApp: input.contact.onWhatsApp,
      readReceipts: input.contact.readReceipts,
      delays: b.statusDelaysMs,
      failRate: b.failRate,
      failCode: b.failCode,
      readRate: b.readRate,
      outOfOrder: b.outOfOrder,
      random: Math.random,
    });
    const pricing = pricingFor(input.message.template?.category, input.windowOpen);
    for (const step of plan) this.scheduler.schedule(step.delayMs, () => this.emit(input, step, pricing));
  }

  private emit(input: ProgressionInput, step: PlannedStatus, pricing: Pricing): void {
    const { message, number, contact } = input;
    const now = Date.now();
    message.statuses.push({ status: step.status, at: now, errorCode: step.errorCode });
    const current = message.status ?? 'accepted';
    if (current !== 'failed' && RANK[step.status] > RANK[current]) message.status = step.status;
    if (step.status === 'failed' && step.errorCode !== undefined) this.ledger.markAsyncFailure(message.wamid, step.errorCode);
    this.emitter.forNumber(number, contact.id, 'messages', { statuses: [this.statusItem(input, step, pricing, now)] });
  }

  private statusItem(input: ProgressionInput, step: PlannedStatus, pricing: Pricing, now: number): Record<string, unknown> {
    const { message, number, contact } = input;
    const item: Record<string, unknown> = {
      id: message.wamid,
      status: step.status,
      timestamp: unixSeconds(now),
      ...identity(contact, 'recipient_id', 'recipient_user_id'),
    };
    if (message.bizOpaqueCallbackData !== undefined) item.biz_opaque_callback_data = message.bizOpaqueCallbackData;
    if (step.status === 'failed') {
      item.errors = [webhookErrorItem(step.errorCode ?? 131000)];
      return item;
    }
    const conversationId = createHash('md5').update(`${number.phoneNumberId}:${contact.id}:${pricing.category}`).digest('hex');
    item.conversation = {
      id: conversationId,
      ...(step.status === 'sent' ? { expiration_timestamp: unixSeconds(message.at + WINDOW_MS) } : {}),
      origin: { type: pricing.category },
    };
    item.pricing = pricing;
    return item;
  }
}
