import type { Contact } from '@tandem/db';
import type { ContactRef } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/** Contact columns as selected by the helpers below (camelCase). */
const CONTACT_COLUMNS = `id, workspace_id AS "workspaceId", number_id AS "numberId", wa_id AS "waId", user_id AS "userId",
  profile_name AS "profileName", address_book_name AS "addressBookName", last_inbound_at AS "lastInboundAt",
  window_open_until AS "windowOpenUntil", first_inbound_at AS "firstInboundAt", created_at AS "createdAt"`;

export type ContactRow = Pick<
  Contact,
  | 'id'
  | 'workspaceId'
  | 'numberId'
  | 'waId'
  | 'userId'
  | 'profileName'
  | 'addressBookName'
  | 'lastInboundAt'
  | 'windowOpenUntil'
  | 'firstInboundAt'
  | 'createdAt'
>;

export interface ResolvedContact {
  contact: ContactRow;
  /** Ids of contacts folded into `contact` (a message revealed they were the same person). */
  mergedIds: string[];
}

interface NumberScope {
  workspaceId: string;
  numberId: string;
}

/**
 * Finds the contact a message is about — by phone and/or BSUID — locking its row for the
 * rest of the transaction (that lock is what keeps a contact's engine events in order).
 * Creates it when `create`; merges two rows when the message shows both ids belong together.
 * Returns null when the ref identifies nobody, or nobody exists and `create` is false.
 */
export async function lockContact(m: EntityManager, scope: NumberScope, ref: ContactRef, create: boolean): Promise<ResolvedContact | null> {
  const waId = ref.waId ?? null;
  const userId = ref.userId ?? null;
  if (!waId && !userId) return null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await queryRows<ContactRow>(
      m,
      `SELECT ${CONTACT_COLUMNS} FROM contacts
       WHERE number_id = $1 AND (wa_id = $2::text OR user_id = $3::text)
       ORDER BY created_at, id FOR UPDATE`,
      [scope.numberId, waId, userId],
    );
    if (found.length > 0) return adopt(m, found, waId, userId, ref);
    if (!create) return null;
    const [inserted] = await queryRows<ContactRow>(
      m,
      `INSERT INTO contacts (workspace_id, number_id, wa_id, user_id, username, profile_name)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ${CONTACT_COLUMNS}`,
      [scope.workspaceId, scope.numberId, waId, userId, ref.username ?? null, ref.profileName ?? null],
    );
    if (inserted) return { contact: inserted, mergedIds: [] };
    // Another transaction created it between our SELECT and INSERT: look again.
  }
  throw new Error('contact upsert kept conflicting; giving up for this attempt');
}

async function adopt(
  m: EntityManager,
  found: ContactRow[],
  waId: string | null,
  userId: string | null,
  ref: ContactRef,
): Promise<ResolvedContact> {
  const [winner, ...losers] = found;
  for (const loser of losers) await mergeInto(m, winner.id, loser.id);
  // The newest message is the best evidence of the current ids and names.
  const [contact] = await queryRows<ContactRow>(
    m,
    `UPDATE contacts SET wa_id = coalesce($2, wa_id), user_id = coalesce($3, user_id),
       username = coalesce($4, username), profile_name = coalesce($5, profile_name), updated_at = now()
     WHERE id = $1 RETURNING ${CONTACT_COLUMNS}`,
    [winner.id, waId, userId, ref.username ?? null, ref.profileName ?? null],
  );
  return { contact, mergedIds: losers.map((l) => l.id) };
}

/** Moves everything of `loserId` onto `winnerId`, combines their fields and deletes the loser. */
async function mergeInto(m: EntityManager, winnerId: string, loserId: string): Promise<void> {
  await m.query(
    `UPDATE contacts w SET
       attributes = l.attributes || w.attributes,
       tags = ARRAY(SELECT DISTINCT t FROM unnest(w.tags || l.tags) AS t ORDER BY t),
       username = coalesce(w.username, l.username),
       profile_name = coalesce(w.profile_name, l.profile_name),
       address_book_name = coalesce(w.address_book_name, l.address_book_name),
       in_address_book = w.in_address_book OR l.in_address_book,
       opted_out = w.opted_out OR l.opted_out,
       marketing_opted_out = w.marketing_opted_out OR l.marketing_opted_out,
       -- A human holding either half holds the merged conversation (the winner's owner first).
       ownership = CASE WHEN w.ownership = 'human' OR l.ownership <> 'human' THEN w.ownership ELSE l.ownership END,
       owner_kind = CASE WHEN w.ownership = 'human' OR l.ownership <> 'human' THEN w.owner_kind ELSE l.owner_kind END,
       owner_user_id = CASE WHEN w.ownership = 'human' OR l.ownership <> 'human' THEN w.owner_user_id ELSE l.owner_user_id END,
       human_owned_at = CASE WHEN w.ownership = 'human' OR l.ownership <> 'human' THEN w.human_owned_at ELSE l.human_owned_at END,
       last_human_message_at = greatest(w.last_human_message_at, l.last_human_message_at),
       marketing_held_until = greatest(w.marketing_held_until, l.marketing_held_until),
       last_inbound_at = greatest(w.last_inbound_at, l.last_inbound_at),
       window_open_until = greatest(w.window_open_until, l.window_open_until),
       first_inbound_at = least(w.first_inbound_at, l.first_inbound_at),
       assigned_user_id = coalesce(w.assigned_user_id, l.assigned_user_id)
     FROM contacts l WHERE w.id = $1 AND l.id = $2`,
    [winnerId, loserId],
  );
  for (const table of [
    'messages',
    'journey_runs',
    'outbox_sends',
    'conversation_events',
    'conversation_notes',
    'inbox_replies',
    'contact_opt_events',
  ]) {
    await m.query(`UPDATE ${table} SET contact_id = $1 WHERE contact_id = $2`, [winnerId, loserId]);
  }
  // Each member's read marker: the later of the two.
  await m.query(
    `INSERT INTO conversation_reads (contact_id, user_id, workspace_id, read_at) SELECT $1, user_id, workspace_id, read_at
     FROM conversation_reads WHERE contact_id = $2
     ON CONFLICT (contact_id, user_id) DO UPDATE SET read_at = greatest(conversation_reads.read_at, EXCLUDED.read_at)`,
    [winnerId, loserId],
  );
  // A campaign that skipped both keeps one line (the winner's).
  await m.query(
    `UPDATE campaign_skips s SET contact_id = $1 WHERE contact_id = $2
     AND NOT EXISTS (SELECT 1 FROM campaign_skips o WHERE o.campaign_id = s.campaign_id AND o.contact_id = $1)`,
    [winnerId, loserId],
  );
  await m.query('DELETE FROM contacts WHERE id = $1', [loserId]);
}
