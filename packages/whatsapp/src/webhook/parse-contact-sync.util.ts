import type { ContactSyncedEvent, NormalizedEvent, UserPreferenceEvent } from './events.types';
import {
  asArray,
  type ChangeContext,
  compactContact,
  eventBase,
  nonEmpty,
  phoneDigits,
  pick,
  toMs,
  unknownEvent,
} from './webhook-common.util';
import { stateSyncItemSchema, userPreferenceItemSchema } from './webhook-payload.schema';

/** `smb_app_state_sync`: address-book changes on the phone. `add` means added or edited. */
export function parseStateSyncValue(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  return asArray(value.state_sync).map((raw): NormalizedEvent => {
    const item = pick(stateSyncItemSchema, raw);
    if (!item) return unknownEvent(ctx, 'unknown_item', raw);
    const contact = compactContact({
      waId: phoneDigits(item.contact.phone_number),
      userId: nonEmpty(item.contact.user_id),
    });
    const seconds = item.metadata?.timestamp;
    const who = contact.waId ?? contact.userId ?? '';
    const event: ContactSyncedEvent = {
      ...eventBase(ctx, `state_sync:${ctx.phoneNumberId}:${who}:${item.action}:${seconds ?? ''}`, toMs(seconds, ctx.receivedAt)),
      kind: 'contact.synced',
      action: item.action,
      contact,
    };
    if (item.contact.full_name) event.fullName = item.contact.full_name;
    if (item.contact.first_name) event.firstName = item.contact.first_name;
    return event;
  });
}

/** `user_preferences`: a user stopped or resumed marketing messages. */
export function parseUserPreferencesValue(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  return asArray(value.user_preferences).map((raw): NormalizedEvent => {
    const item = pick(userPreferenceItemSchema, raw);
    if (!item) return unknownEvent(ctx, 'unknown_item', raw);
    const contact = compactContact({ waId: phoneDigits(item.wa_id), userId: nonEmpty(item.user_id) });
    const who = contact.waId ?? contact.userId ?? '';
    const event: UserPreferenceEvent = {
      ...eventBase(
        ctx,
        `user_preferences:${ctx.phoneNumberId}:${who}:${item.category}:${item.value}:${item.timestamp ?? ''}`,
        toMs(item.timestamp, ctx.receivedAt),
      ),
      kind: 'user.preference',
      contact,
      category: item.category,
      value: item.value,
    };
    if (item.detail) event.detail = item.detail;
    return event;
  });
}
