import type { InboxEventDto } from '@tandem/api-contract';
import type { EntityManager } from 'typeorm';

/** Channel of the inbox's own changes (replies, assignment, tags, notes, read markers). */
export const INBOX_CHANNEL = 'tandem_inbox';

/** What travels on {@link INBOX_CHANNEL}: the event plus the workspace it belongs to. */
export interface InboxNotification extends InboxEventDto {
  workspaceId: string;
}

/**
 * Tells every api replica's live inbox streams that a conversation changed. Sent with the
 * change's transaction (NOTIFY is transactional), so nobody refetches before it commits.
 */
export async function notifyInbox(m: EntityManager, note: InboxNotification): Promise<void> {
  await m.query(`SELECT pg_notify('${INBOX_CHANNEL}', $1)`, [JSON.stringify(note)]);
}

/**
 * One notification per conversation among `notes` (a batch of statuses of one contact
 * becomes one "status" hint), in one round trip.
 */
export async function notifyInboxMany(m: EntityManager, notes: readonly InboxNotification[]): Promise<void> {
  const byContact = new Map(notes.map((n) => [`${n.kind} ${n.contactId}`, n]));
  if (byContact.size === 0) return;
  await m.query(`SELECT pg_notify('${INBOX_CHANNEL}', x) FROM unnest($1::text[]) AS x`, [
    [...byContact.values()].map((n) => JSON.stringify(n)),
  ]);
}
