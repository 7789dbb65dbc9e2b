import { Injectable } from '@nestjs/common';
import { SimStateService } from '../state/sim-state.service';
import type { SimNumber, SimTemplate, TemplateStatus } from '../state/sim-state.types';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';

export const DISCONNECTION_REASONS = ['PRIMARY_INACTIVITY', 'COMPANION_INACTIVITY', 'BUSINESS_DOWNGRADE', 'ACCOUNT_DISCONNECTED'] as const;
export const TEMPLATE_EVENTS = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'REINSTATED'] as const;

export interface DisconnectInput {
  event: 'PARTNER_REMOVED' | 'ACCOUNT_OFFBOARDED';
  reason?: (typeof DISCONNECTION_REASONS)[number];
  initiatedBy?: 'USER' | 'SYSTEM';
  ownerBusinessId?: string;
}

export interface TemplateEventInput {
  event: (typeof TEMPLATE_EVENTS)[number];
  reason?: string;
  otherInfo?: { title: string; description: string };
}

const STATUS_AFTER: Record<TemplateEventInput['event'], TemplateStatus> = {
  APPROVED: 'APPROVED',
  PENDING: 'PENDING',
  REJECTED: 'REJECTED',
  PAUSED: 'PAUSED',
  DISABLED: 'DISABLED',
  REINSTATED: 'APPROVED',
};

/** Account-level lifecycle that Meta announces on `account_update` and template webhooks. */
@Injectable()
export class AccountEventsService {
  constructor(
    private readonly state: SimStateService,
    private readonly emitter: WebhookEmitterService,
  ) {}

  /**
   * The partner link is per WABA (the webhook names only the WABA), so every number of the
   * WABA stops: sends fail with 133010 and message webhooks stop.
   */
  disconnect(number: SimNumber, input: DisconnectInput, now = Date.now()): { deliveryId: number; numbers: string[] } {
    const affected = this.numbersOf(number.wabaId);
    for (const n of affected) {
      n.connected = false;
      n.disconnection = { event: input.event, reason: input.reason, initiatedBy: input.initiatedBy, at: now };
    }
    const value: Record<string, unknown> = { event: input.event };
    if (input.event === 'PARTNER_REMOVED') {
      value.waba_info = { waba_id: number.wabaId, owner_business_id: input.ownerBusinessId ?? '2329417887457253' };
      if (input.reason) value.disconnection_info = { reason: input.reason, initiated_by: input.initiatedBy ?? 'SYSTEM' };
    }
    const delivery = this.emitter.forAccount(number.wabaId, 'account_update', value, now);
    return { deliveryId: delivery.id, numbers: affected.map((n) => n.phoneNumberId) };
  }

  reconnect(number: SimNumber, now = Date.now()): { deliveryId: number; numbers: string[] } {
    const affected = this.numbersOf(number.wabaId);
    for (const n of affected) {
      n.connected = true;
      n.disconnection = undefined;
    }
    const delivery = this.emitter.forAccount(number.wabaId, 'account_update', { event: 'ACCOUNT_RECONNECTED' }, now);
    return { deliveryId: delivery.id, numbers: affected.map((n) => n.phoneNumberId) };
  }

  changeTemplateStatus(template: SimTemplate, input: TemplateEventInput, now = Date.now()): number {
    template.status = STATUS_AFTER[input.event];
    const value: Record<string, unknown> = {
      event: input.event,
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
      reason: input.reason ?? (input.event === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE'),
      message_template_category: template.category,
    };
    if (input.event === 'PAUSED') {
      value.other_info = input.otherInfo ?? {
        title: 'FIRST_PAUSE',
        description: 'Your WhatsApp message template has been paused for 3 hours because it had issues.',
      };
    } else if (input.otherInfo) value.other_info = input.otherInfo;
    if (input.event === 'DISABLED') value.disable_info = { disable_date: new Date(now).toISOString() };
    return this.emitter.forAccount(template.wabaId, 'message_template_status_update', value, now).id;
  }

  private numbersOf(wabaId: string): SimNumber[] {
    return [...this.state.numbers.values()].filter((n) => n.wabaId === wabaId);
  }
}
