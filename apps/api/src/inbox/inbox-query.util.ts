import type { InboxQuery } from '@tandem/api-contract';

const HOUR = "interval '1 hour'";

/** `%…%` for ILIKE with the pattern characters of `text` escaped. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The WHERE clause of the inbox list for one caller: `$1` workspace, `$2` caller's user id
 * (may be null), `$3` now; each filter adds its parameter after those. A conversation is a
 * contact with at least one message.
 */
export function inboxWhere(q: InboxQuery, userId: string | null, now: Date): { sql: string; params: unknown[] } {
  const params: unknown[] = [null, userId, now];
  // `$3::timestamptz IS NOT NULL` types `now` for the filters that do not use it.
  const where = ['c.workspace_id = $1', 'lm.meta_timestamp IS NOT NULL', '$3::timestamptz IS NOT NULL'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (q.assigned === 'mine') where.push(userId ? 'c.assigned_user_id = $2' : 'false');
  if (q.assigned === 'unassigned') where.push('c.assigned_user_id IS NULL');
  if (q.owner) where.push(`c.ownership = '${q.owner === 'human' ? 'human' : q.owner === 'closed' ? 'closed' : 'bot'}'`);
  if (q.window === 'closed') where.push('(c.window_open_until IS NULL OR c.window_open_until <= $3)');
  if (q.window === 'closing') where.push(`c.window_open_until > $3 AND c.window_open_until <= $3::timestamptz + ${HOUR}`);
  if (q.window === 'open') where.push(`c.window_open_until > $3::timestamptz + ${HOUR}`);
  if (q.unread === true) where.push('unread.n > 0');
  if (q.unread === false) where.push('unread.n = 0');
  if (q.tag) add('? = ANY(c.tags)', q.tag);
  if (q.numberId) add('c.number_id = ?', q.numberId);
  if (q.search) {
    add(
      `(c.profile_name ILIKE ? OR c.address_book_name ILIKE ? OR c.username ILIKE ? OR c.wa_id ILIKE ? OR EXISTS (
         SELECT 1 FROM messages sm WHERE sm.contact_id = c.id AND (sm.payload->>'text' ILIKE ? OR sm.payload->'text'->>'body' ILIKE ?)))`,
      likePattern(q.search),
    );
  }
  return { sql: where.join(' AND '), params };
}

/**
 * The FROM part shared by the list and a single conversation: the contact, its number, the
 * assignee, the last message and the caller's unread count (live customer messages after
 * their read marker; `$2` the caller's user id).
 */
export const CONVERSATION_FROM = `
  FROM contacts c
  JOIN business_numbers n ON n.id = c.number_id
  LEFT JOIN users u ON u.id = c.assigned_user_id
  LEFT JOIN LATERAL (
    SELECT m.meta_timestamp, m.direction, m.type, m.payload FROM messages m
    WHERE m.contact_id = c.id AND m.type NOT IN ('edit', 'revoke')
    ORDER BY m.meta_timestamp DESC, m.created_at DESC LIMIT 1) lm ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS n FROM messages m
    WHERE m.contact_id = c.id AND m.direction = 'inbound' AND m.source = 'live' AND m.type NOT IN ('edit', 'revoke')
      AND m.meta_timestamp > coalesce(
        (SELECT r.read_at FROM conversation_reads r WHERE r.contact_id = c.id AND r.user_id = $2), '-infinity')) unread ON true`;

export const CONVERSATION_COLUMNS = `c.id AS contact_id, c.number_id, n.display_phone_number,
  coalesce(c.address_book_name, c.profile_name, c.username, c.wa_id, c.user_id, '') AS name,
  c.wa_id, c.tags, c.human_owned, c.ownership, c.assigned_user_id, nullif(coalesce(nullif(u.name, ''), u.email), '') AS assigned_name,
  c.window_open_until, c.opted_out, lm.meta_timestamp AS last_at, lm.direction AS last_direction, lm.type AS last_type,
  lm.payload AS last_payload, unread.n AS unread`;
