import type { NewEngineEvent } from '@tandem/db';
import type { ContactSyncedEvent, UserPreferenceEvent } from '@tandem/whatsapp';
import { lockContact } from '../../conversations/contact-store.util';
import { queryRows } from '../../common/sql.util';
import { lockNumberBackfill } from './backfill-lock.util';
import type { HandlerContext, HandlerResult } from './handler.types';

/**
 * Address-book change on the phone. `add` (added or edited) upserts the name; `remove`
 * only marks the contact as out of the address book — conversation data is never deleted.
 */
export async function handleContactSynced(ctx: HandlerContext, event: ContactSyncedEvent): Promise<HandlerResult> {
  const add = event.action === 'add';
  await lockNumberBackfill(ctx);
  const resolved = await lockContact(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, event.contact, add);
  ctx.activity.contactSync(ctx.number.id, new Date(event.timestamp));
  if (!resolved) {
    return { engineEvents: [], notes: [{ kind: event.kind, reason: `${event.action} for an unknown contact`, dedupKey: event.dedupKey }] };
  }
  const name = event.fullName ?? event.firstName ?? null;
  const [row] = await queryRows<{ address_book_name: string | null }>(
    ctx.m,
    `UPDATE contacts SET in_address_book = $2,
       address_book_name = CASE WHEN $2 THEN coalesce($3, address_book_name) ELSE address_book_name END, updated_at = now()
     WHERE id = $1 RETURNING address_book_name`,
    [resolved.contact.id, add, name],
  );
  const engineEvent: NewEngineEvent = {
    kind: 'contact.synced',
    contactKey: resolved.contact.id,
    numberId: ctx.number.id,
    payload: {
      numberId: ctx.number.id,
      contactId: resolved.contact.id,
      action: event.action,
      addressBookName: row.address_book_name,
      occurredAt: new Date(event.timestamp).toISOString(),
    },
  };
  return { engineEvents: [engineEvent] };
}

/** `user_preferences`: the user stopped or resumed marketing messages. */
export async function handleUserPreference(ctx: HandlerContext, event: UserPreferenceEvent): Promise<HandlerResult> {
  const resolved = await lockContact(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, event.contact, true);
  if (!resolved || event.category !== 'marketing_messages' || !['stop', 'resume'].includes(event.value)) {
    return {
      engineEvents: [],
      notes: [{ kind: event.kind, reason: `preference ${event.category}=${event.value} not applied`, dedupKey: event.dedupKey }],
    };
  }
  await ctx.m.query('UPDATE contacts SET marketing_opted_out = $2, updated_at = now() WHERE id = $1', [
    resolved.contact.id,
    event.value === 'stop',
  ]);
  return { engineEvents: [] };
}
