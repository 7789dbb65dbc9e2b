import type { Ownership, OwnerKind } from '@tandem/db';
import type { HumanHold } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql.util';

/** A conversation's ownership facts with its workspace's return-to-bot setting. */
export interface ConversationRow {
  id: string;
  label: string;
  ownership: Ownership;
  owner_kind: OwnerKind | null;
  owner_user_id: string | null;
  owner_label: string | null;
  human_owned_at: Date | null;
  last_human_message_at: Date | null;
  window_open_until: Date | null;
  bot_returns_after_hours: number | null;
  bot_returns_on_window_close: boolean;
}

/**
 * Reads (and by default locks) the contact's row; with `workspaceId`, only within that
 * workspace (a foreign id reads as missing). The lock orders a change after a concurrent
 * echo's intake, which locks the same row.
 */
export async function lockConversation(
  m: EntityManager,
  key: { contactId: string; workspaceId?: string },
  forUpdate = true,
): Promise<ConversationRow | undefined> {
  const [row] = await queryRows<ConversationRow>(
    m,
    `SELECT c.id, coalesce(c.profile_name, c.address_book_name, c.wa_id, c.username, c.user_id, c.id::text) AS label,
       c.ownership, c.owner_kind, c.owner_user_id, nullif(coalesce(nullif(u.name, ''), u.email), '') AS owner_label,
       c.human_owned_at, c.last_human_message_at, c.window_open_until,
       w.bot_returns_after_hours, w.bot_returns_on_window_close
     FROM contacts c JOIN workspaces w ON w.id = c.workspace_id LEFT JOIN users u ON u.id = c.owner_user_id
     WHERE c.id = $1 AND ($2::uuid IS NULL OR c.workspace_id = $2)
     ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [key.contactId, key.workspaceId ?? null],
  );
  return row;
}

/** The facts the return-to-bot rule reads. */
export function holdOf(row: ConversationRow): HumanHold {
  return {
    humanOwnedAt: (row.human_owned_at ?? new Date(0)).getTime(),
    lastHumanMessageAt: row.last_human_message_at?.getTime() ?? null,
    windowOpenUntil: row.window_open_until?.getTime() ?? null,
  };
}
