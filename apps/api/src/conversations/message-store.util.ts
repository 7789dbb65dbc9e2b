import type { MessageDirection, MessageSource, MessageStatus } from '@tandem/db';
import type { MessageContent, MessageContext, Referral, WebhookError } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

export interface NewMessage {
  workspaceId: string;
  numberId: string;
  contactId: string;
  wamid: string;
  direction: MessageDirection;
  source: MessageSource;
  type: string;
  payload: Record<string, unknown>;
  contextWamid?: string | null;
  metaTimestamp: Date;
  status?: MessageStatus | null;
  mediaPlaceholder?: boolean;
}

/** Inserts a message unless its wamid is already stored for the number; returns the new id or null. */
export async function insertMessage(m: EntityManager, msg: NewMessage): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    m,
    `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload,
       context_wamid, meta_timestamp, status, media_placeholder)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (number_id, wamid) DO NOTHING RETURNING id`,
    [
      msg.workspaceId,
      msg.numberId,
      msg.contactId,
      msg.wamid,
      msg.direction,
      msg.source,
      msg.type,
      msg.payload,
      msg.contextWamid ?? null,
      msg.metaTimestamp,
      msg.status ?? null,
      msg.mediaPlaceholder ?? false,
    ],
  );
  return row?.id ?? null;
}

const CONTENT_KEYS = [
  'type',
  'rawType',
  'text',
  'media',
  'location',
  'reaction',
  'interactiveType',
  'buttonId',
  'buttonPayload',
  'listRowId',
  'flowResponse',
  'system',
  'originalWamid',
  'edited',
] as const;

/**
 * The stored payload: normalized content plus Meta's raw item, because some types (vCards,
 * orders, unknown echo types) are only in the raw object.
 */
export function contentPayload(
  content: MessageContent & { context?: MessageContext; referral?: Referral; errors?: WebhookError[]; raw?: unknown },
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const key of CONTENT_KEYS) if (content[key] !== undefined) payload[key] = content[key];
  if (content.context) payload.context = content.context;
  if (content.referral) payload.referral = content.referral;
  if (content.errors) payload.errors = content.errors.map(({ code, title, details }) => ({ code, title, details }));
  if (content.raw !== undefined) payload.raw = content.raw;
  return payload;
}

/**
 * Records an edit or a revoke against the message it changes (when that message is
 * known). The edit/revoke item itself is also stored as its own row by the caller.
 */
export async function annotateOriginal(
  m: EntityManager,
  numberId: string,
  content: MessageContent,
  wamid: string,
  at: Date,
): Promise<void> {
  if (!content.originalWamid) return;
  if (content.type === 'edit') {
    const edit = { wamid, at: at.toISOString(), content: content.edited ?? null, text: content.edited?.text ?? null };
    await m.query(
      `UPDATE messages SET edited_at = $3, edit = $4, updated_at = now()
       WHERE number_id = $1 AND wamid = $2 AND (edited_at IS NULL OR edited_at <= $3)`,
      [numberId, content.originalWamid, at, edit],
    );
  } else if (content.type === 'revoke') {
    await m.query(`UPDATE messages SET revoked_at = coalesce(revoked_at, $3), updated_at = now() WHERE number_id = $1 AND wamid = $2`, [
      numberId,
      content.originalWamid,
      at,
    ]);
  }
}
