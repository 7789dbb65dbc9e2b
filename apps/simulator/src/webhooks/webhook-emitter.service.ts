import { Injectable } from '@nestjs/common';
import type { SimNumber } from '../state/sim-state.types';
import type { Delivery } from './delivery.types';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { accountEnvelope, numberEnvelope } from './webhook-payload.util';

/** Wraps payloads in Meta's envelopes and picks the ordering key. */
@Injectable()
export class WebhookEmitterService {
  constructor(private readonly dispatcher: WebhookDispatcherService) {}

  /**
   * A message-type webhook of a number. Meta stops sending them once the partner link is
   * removed, so a disconnected number emits nothing (returns undefined).
   */
  forNumber(number: SimNumber, orderKey: string, field: string, value: Record<string, unknown>): Delivery | undefined {
    if (!number.connected) return undefined;
    return this.dispatcher.enqueue(`${number.phoneNumberId}:${orderKey}`, field, numberEnvelope(number, field, value));
  }

  /** An account-level webhook (`account_update`, `message_template_status_update`). */
  forAccount(wabaId: string, field: string, value: Record<string, unknown>, at = Date.now()): Delivery {
    return this.dispatcher.enqueue(`waba:${wabaId}`, field, accountEnvelope(wabaId, field, value, at));
  }
}
