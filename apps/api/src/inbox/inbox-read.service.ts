import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  ConversationNoteDto,
  ConversationPageDto,
  ConversationSummaryDto,
  ConversationThreadDto,
  InboxQuery,
  ThreadMessageDto,
} from '@tandem/api-contract';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import { toIso } from '../common/sql.util';
import { CONVERSATION_COLUMNS, CONVERSATION_FROM, inboxWhere } from './inbox-query.util';
import { messageOrigin, messageText, windowState } from './message-view.util';

interface ConversationRow {
  contact_id: string;
  number_id: string;
  display_phone_number: string;
  name: string;
  wa_id: string | null;
  tags: string[];
  human_owned: boolean;
  ownership: 'bot' | 'human' | 'closed';
  assigned_user_id: string | null;
  assigned_name: string | null;
  window_open_until: Date | null;
  opted_out: boolean;
  last_at: Date | null;
  last_direction: string | null;
  last_type: string | null;
  last_payload: Record<string, unknown> | null;
  unread: number;
}

interface MessageRow {
  id: string;
  wamid: string;
  meta_timestamp: Date;
  direction: string;
  source: string;
  type: string;
  payload: Record<string, unknown>;
  status: string | null;
  error_code: number | null;
  error_title: string | null;
  edited_at: Date | null;
  edit: { text?: string | null } | null;
  revoked_at: Date | null;
  journey_run_id: string | null;
  journey_id: string | null;
  journey_node_id: string | null;
  reply_author: string | null;
}

/** The inbox's reads: conversations of the caller's workspace and one conversation's thread. */
@Injectable()
export class InboxReadService {
  constructor(private readonly ds: DataSource) {}

  /** Most recent activity first. */
  async list(caller: Caller, q: InboxQuery): Promise<ConversationPageDto> {
    const now = new Date();
    const { sql, params } = inboxWhere(q, caller.userId, now);
    params[0] = caller.workspaceId;
    const offset = (q.page - 1) * q.pageSize;
    const rows: (ConversationRow & { total: number })[] = await this.ds.query(
      `SELECT ${CONVERSATION_COLUMNS}, count(*) OVER ()::int AS total ${CONVERSATION_FROM}
       WHERE ${sql} ORDER BY lm.meta_timestamp DESC, c.id LIMIT ${q.pageSize} OFFSET ${offset}`,
      params,
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      const [count] = await this.ds.query(`SELECT count(*)::int AS n ${CONVERSATION_FROM} WHERE ${sql}`, params);
      total = count.n;
    }
    return { items: rows.map((r) => toSummary(r, now.getTime())), page: q.page, pageSize: q.pageSize, total };
  }

  /** One conversation; another workspace's contact answers 404 like a missing one. */
  async summary(caller: Caller, contactId: string): Promise<ConversationSummaryDto> {
    const rows: ConversationRow[] = await this.ds.query(
      `SELECT ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM} WHERE c.workspace_id = $1 AND c.id = $3`,
      [caller.workspaceId, caller.userId, contactId],
    );
    if (!rows[0]) throw new NotFoundException(`No conversation ${contactId}`);
    return toSummary(rows[0], Date.now());
  }

  /** The conversation, its last `limit` messages oldest first, and its notes. */
  async thread(caller: Caller, contactId: string, limit: number): Promise<ConversationThreadDto> {
    const conversation = await this.summary(caller, contactId);
    const rows: MessageRow[] = await this.ds.query(
      `SELECT m.id, m.wamid, m.meta_timestamp, m.direction, m.source, m.type, m.payload, m.status, m.error_code, m.error_title,
         m.edited_at, m.edit, m.revoked_at, m.journey_run_id, jr.journey_id, m.journey_node_id, r.author_label AS reply_author
       FROM messages m
       LEFT JOIN journey_runs jr ON jr.id = m.journey_run_id
       LEFT JOIN outbox_sends o ON m.direction = 'api' AND o.number_id = m.number_id AND o.wamid = m.wamid
       LEFT JOIN inbox_replies r ON o.idempotency_key = 'inbox:' || r.id::text
       WHERE m.contact_id = $1 AND m.workspace_id = $2 AND m.type NOT IN ('edit', 'revoke')
       ORDER BY m.meta_timestamp DESC, m.created_at DESC LIMIT $3`,
      [contactId, caller.workspaceId, limit + 1],
    );
    const notes: { id: string; created_at: Date; author_label: string; body: string }[] = await this.ds.query(
      `SELECT id, created_at, author_label, body FROM conversation_notes WHERE contact_id = $1 AND workspace_id = $2 ORDER BY created_at`,
      [contactId, caller.workspaceId],
    );
    return {
      conversation,
      messages: rows.slice(0, limit).reverse().map(toThreadMessage),
      notes: notes.map((n): ConversationNoteDto => ({ id: n.id, at: n.created_at.toISOString(), author: n.author_label, body: n.body })),
      truncated: rows.length > limit,
    };
  }
}

function toSummary(r: ConversationRow, now: number): ConversationSummaryDto {
  return {
    contactId: r.contact_id,
    numberId: r.number_id,
    displayPhoneNumber: r.display_phone_number,
    name: r.name,
    waId: r.wa_id,
    tags: r.tags,
    owner: r.ownership,
    assignedTo: r.assigned_user_id ? { id: r.assigned_user_id, name: r.assigned_name ?? '' } : null,
    window: windowState(r.window_open_until, now),
    windowOpenUntil: toIso(r.window_open_until),
    optedOut: r.opted_out,
    unread: r.unread,
    lastMessage:
      r.last_at && r.last_direction && r.last_type
        ? { at: r.last_at.toISOString(), direction: r.last_direction, preview: messageText(r.last_type, r.last_payload ?? {}) }
        : null,
  };
}

function toThreadMessage(m: MessageRow): ThreadMessageDto {
  const failed = m.status === 'failed' || m.error_code !== null;
  return {
    id: m.id,
    wamid: m.wamid,
    at: m.meta_timestamp.toISOString(),
    origin: messageOrigin({ direction: m.direction, source: m.source, journeyRunId: m.journey_run_id, fromInbox: m.reply_author !== null }),
    type: m.type,
    text: messageText(m.type, m.payload),
    payload: m.payload,
    status: m.status,
    error: failed ? { code: m.error_code, title: m.error_title } : null,
    editedAt: toIso(m.edited_at),
    editedText: m.edit?.text ?? null,
    revokedAt: toIso(m.revoked_at),
    run: m.journey_run_id && m.journey_id ? { id: m.journey_run_id, journeyId: m.journey_id, nodeId: m.journey_node_id } : null,
    author: m.reply_author,
  };
}
