import { botReturnsAt } from '@tandem/whatsapp';
import { toIso } from '../../common/sql.util';
import { holdOf, type ConversationRow } from './conversation-row.util';
import type { OwnershipStateDto } from '@tandem/api-contract';

/** The REST view of a conversation's ownership; when it returns to the bot is judged by the shared rule. */
export function ownershipState(row: ConversationRow): OwnershipStateDto {
  const ret =
    row.ownership === 'human'
      ? botReturnsAt(holdOf(row), { afterHours: row.bot_returns_after_hours, onWindowClose: row.bot_returns_on_window_close })
      : null;
  return {
    contactId: row.id,
    ownership: row.ownership,
    ownerKind: row.owner_kind,
    ownerUserId: row.owner_user_id,
    ownerLabel: row.owner_label,
    humanOwnedAt: toIso(row.human_owned_at),
    lastHumanMessageAt: toIso(row.last_human_message_at),
    botReturnsAt: ret ? new Date(ret.at).toISOString() : null,
    botReturnReason: ret?.reason ?? null,
  };
}
