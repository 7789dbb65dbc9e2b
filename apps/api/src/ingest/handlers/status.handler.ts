import { applyContactEffect, type NewEngineEvent, type RecomputedStatus, statusesListenedTo } from '@tandem/db';
import { contactEffectOfError, type MessageStatusEvent } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { notifyInboxMany } from '../../inbox/inbox-live.util';
import {
  claimStatuses,
  foldStatuses,
  groupBy,
  lockStatusContacts,
  messageKey,
  type RoutedStatus,
  storeStatuses,
} from './status-store.util';

export type { RoutedStatus } from './status-store.util';

/** A status that becomes an engine event, with the delivery and workspace it belongs to. */
export interface StatusEngineEvent {
  status: RoutedStatus;
  engineEvent: NewEngineEvent;
}

/**
 * Delivery statuses — one, or many from many deliveries — in the caller's transaction. Each
 * is claimed once in the ledger (a repeat, in the same or another body, changes nothing),
 * recorded once per (wamid, status), then folded into its message after its contact is
 * locked (the fold is order-independent: forward-only, `failed` terminal). A status for a
 * wamid we do not know is kept and applied when the message appears; it never fails the
 * delivery. It becomes a `message.status` engine event only when something acts on it
 * (`statusesListenedTo` in @tandem/db): statuses are three of every four webhooks of a
 * conversation, and most travel no further than their message. Resolves with the engine
 * events in the order the statuses were given. Every stored status also notifies the live
 * inbox (one hint per conversation), committed with the fold.
 */
export async function handleMessageStatuses(m: EntityManager, statuses: readonly RoutedStatus[]): Promise<StatusEngineEvent[]> {
  const stored = await storeStatuses(m, await claimStatuses(m, statuses));
  if (stored.length === 0) return [];
  const contacts = await lockStatusContacts(m, stored);
  const folded = await foldStatuses(m, stored);
  // Ticks in the open inbox move live, whether or not a run listens to the status.
  await notifyInboxMany(
    m,
    stored.flatMap((s) => {
      const contactId = contacts.get(messageKey(s));
      return contactId
        ? [{ workspaceId: s.workspaceId, kind: 'status' as const, contactId, messageId: folded.get(messageKey(s))?.id ?? null }]
        : [];
    }),
  );
  await applyFailureEffects(m, stored, contacts);
  const listened = new Set<RoutedStatus>();
  for (const [workspaceId, list] of groupBy(stored, (s) => s.workspaceId)) {
    const refs = list.map((s) => ({ messageId: folded.get(messageKey(s))?.id ?? null, callback: s.event.bizOpaqueCallbackData }));
    const flags = await statusesListenedTo(m, workspaceId, refs);
    list.forEach((s, n) => flags[n] && listened.add(s));
  }
  return stored
    .filter((s) => listened.has(s))
    .map((s) => ({
      status: s,
      engineEvent: statusEngineEvent(s.numberId, s.event, contacts.get(messageKey(s)) ?? null, folded.get(messageKey(s))),
    }));
}

/**
 * A `failed` status carries the same codes as a synchronous error and has the same effect on
 * its contact (the opt-out rule's `contactEffectOfError`): 131049 holds marketing, 131050
 * stops it, 131047 closes the window. Runs under the contact locks taken above.
 */
async function applyFailureEffects(m: EntityManager, stored: readonly RoutedStatus[], contacts: Map<string, string | null>): Promise<void> {
  for (const s of stored) {
    const contactId = contacts.get(messageKey(s));
    if (s.event.status !== 'failed' || !contactId) continue;
    for (const error of s.event.errors ?? []) {
      const effect = contactEffectOfError(error.code);
      if (!effect) continue;
      await applyContactEffect(m, { workspaceId: s.workspaceId, contactId, effect, at: new Date(s.event.timestamp), wamid: s.event.wamid });
    }
  }
}

/** The `message.status` engine event of a status; `folded` is its message after the fold. */
export function statusEngineEvent(
  numberId: string,
  event: MessageStatusEvent,
  contactId: string | null,
  folded: Pick<RecomputedStatus, 'id' | 'status'> | undefined,
): NewEngineEvent {
  return {
    kind: 'message.status',
    contactKey: contactId ?? `number:${numberId}`,
    numberId,
    payload: {
      numberId,
      wamid: event.wamid,
      status: event.status,
      messageId: folded?.id ?? null,
      contactId,
      messageStatus: folded?.status ?? null,
      occurredAt: new Date(event.timestamp).toISOString(),
      errors: event.errors?.map(({ code, title, details }) => ({ code, title, details })),
      pricing: event.pricing ? { category: event.pricing.category, type: event.pricing.type, billable: event.pricing.billable } : undefined,
      bizOpaqueCallbackData: event.bizOpaqueCallbackData,
    },
  };
}
