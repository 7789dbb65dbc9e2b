import { BadRequestException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { ConversationNoteDto, InboxReplyRequest, InboxReplyResultDto } from '@tandem/api-contract';
import { inboxReplyStart, inboxReplyWorkflow } from '@tandem/workflows';
import { loadConfig } from '@tandem/config';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { TemporalService } from '../temporal/temporal.service';
import { takeOverForAgent } from './conversation-takeover.util';
import { notifyInbox } from './inbox-live.util';
import { replyMessage } from './inbox-reply.util';

interface ContactRow {
  id: string;
  number_id: string;
  tags: string[];
  assigned_user_id: string | null;
  label: string;
}

/** The inbox's writes: reply, assign, tag, note, read markers — all within the caller's workspace. */
@Injectable()
export class InboxActionsService {
  /** How long a reply request waits for the worker's outcome before answering `pending`. */
  private readonly replyWaitMs = loadConfig(['api']).INBOX_REPLY_WAIT_MS;

  constructor(
    private readonly ds: DataSource,
    private readonly temporal: TemporalService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Stores the reply and has the worker send it through the one send path (as the agent);
   * the rules' refusal (window closed, opted out, number disconnected …) comes back as the
   * answer. An accepted reply takes the conversation from the bot.
   */
  async reply(caller: Caller, contactId: string, body: InboxReplyRequest): Promise<InboxReplyResultDto> {
    const contact = await this.contact(this.ds.manager, caller, contactId);
    const authorLabel = await this.authorLabel(caller);
    const [reply]: { id: string }[] = await this.ds.query(
      `INSERT INTO inbox_replies (workspace_id, contact_id, number_id, user_id, author_label, message)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [caller.workspaceId, contactId, contact.number_id, caller.userId, authorLabel, replyMessage(body)],
    );
    const handle = await this.startReply(reply.id);
    const outcome = await Promise.race([handle.result(), delay(this.replyWaitMs)]);
    if (!outcome) return { status: 'pending', detail: 'the worker has not answered yet; the message appears when it is sent' };
    if (outcome.status === 'accepted') {
      await takeOverForAgent(this.ds, () => this.temporal.client(), caller, contactId, { id: reply.id, wamid: outcome.wamid, authorLabel });
      await this.ds.transaction(async (m) => {
        await this.markRead(m, caller, contactId, true);
        await notifyInbox(m, { workspaceId: caller.workspaceId, kind: 'message', contactId, messageId: null });
      });
    }
    return outcome;
  }

  /** Hands the reply to the worker; if Temporal cannot take it, the reply is forgotten and the caller told to retry. */
  private async startReply(replyId: string) {
    try {
      const client = await this.temporal.client();
      return await client.workflow.start(inboxReplyWorkflow, inboxReplyStart({ replyId, taskQueue: this.temporal.taskQueue }));
    } catch (error) {
      await this.ds.query('DELETE FROM inbox_replies WHERE id = $1', [replyId]);
      const why = error instanceof Error ? error.message : String(error);
      throw new ServiceUnavailableException(`The reply could not be queued for sending (${why}): try again`);
    }
  }

  /** Assigns the conversation to a member of the workspace (or to nobody). */
  async assign(caller: Caller, contactId: string, userId: string | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      const contact = await this.contact(m, caller, contactId, true);
      if (userId) {
        const [member] = await m.query("SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 AND role <> 'viewer'", [
          caller.workspaceId,
          userId,
        ]);
        if (!member) throw new BadRequestException(`${userId} is not a member of this workspace who may answer conversations`);
      }
      await m.query('UPDATE contacts SET assigned_user_id = $2, updated_at = now() WHERE id = $1', [contactId, userId]);
      await this.changed(
        m,
        caller,
        contact,
        'conversation.assigned',
        { assignedUserId: contact.assigned_user_id },
        { assignedUserId: userId },
      );
    });
  }

  /** Replaces the contact's tags (deduplicated, in the order given). */
  async setTags(caller: Caller, contactId: string, tags: string[]): Promise<string[]> {
    const unique = [...new Set(tags)];
    await this.ds.transaction(async (m) => {
      const contact = await this.contact(m, caller, contactId, true);
      await m.query('UPDATE contacts SET tags = $2, updated_at = now() WHERE id = $1', [contactId, unique]);
      await this.changed(m, caller, contact, 'conversation.tagged', { tags: contact.tags }, { tags: unique });
    });
    return unique;
  }

  /** An internal note: seen by the team, never sent to the customer. */
  async addNote(caller: Caller, contactId: string, body: string): Promise<ConversationNoteDto> {
    return this.ds.transaction(async (m) => {
      await this.contact(m, caller, contactId);
      const author = await this.authorLabel(caller);
      const [note]: { id: string; created_at: Date }[] = await m.query(
        `INSERT INTO conversation_notes (workspace_id, contact_id, author_id, author_label, body) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, created_at`,
        [caller.workspaceId, contactId, caller.userId, author, body],
      );
      await notifyInbox(m, { workspaceId: caller.workspaceId, kind: 'conversation', contactId, messageId: null });
      return { id: note.id, at: note.created_at.toISOString(), author, body };
    });
  }

  /** Marks the conversation read (up to now) or unread for the calling member. */
  async setRead(caller: Caller, contactId: string, read: boolean): Promise<void> {
    await this.contact(this.ds.manager, caller, contactId);
    if (!caller.userId) throw new BadRequestException('Read markers belong to members; an API token has none');
    await this.markRead(this.ds.manager, caller, contactId, read);
  }

  /** Audits a change of the conversation and tells the live inbox, in the change's transaction. */
  private async changed(
    m: EntityManager,
    caller: Caller,
    contact: ContactRow,
    action: string,
    before: object,
    after: object,
  ): Promise<void> {
    await this.audit.record(m, caller, { action, targetType: 'contact', targetId: contact.id, targetLabel: contact.label, before, after });
    await notifyInbox(m, { workspaceId: caller.workspaceId, kind: 'conversation', contactId: contact.id, messageId: null });
  }

  private async markRead(m: EntityManager, caller: Caller, contactId: string, read: boolean): Promise<void> {
    if (!caller.userId) return;
    if (!read) {
      await m.query('DELETE FROM conversation_reads WHERE contact_id = $1 AND user_id = $2', [contactId, caller.userId]);
      return;
    }
    await m.query(
      `INSERT INTO conversation_reads (contact_id, user_id, workspace_id, read_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (contact_id, user_id) DO UPDATE SET read_at = now()`,
      [contactId, caller.userId, caller.workspaceId],
    );
  }

  /** The contact, locked when it is about to change; another workspace's answers 404. */
  private async contact(m: EntityManager, caller: Caller, contactId: string, lock = false): Promise<ContactRow> {
    const [row]: ContactRow[] = await m.query(
      `SELECT id, number_id, tags, assigned_user_id, coalesce(address_book_name, profile_name, username, wa_id, user_id, '') AS label
       FROM contacts WHERE id = $1 AND workspace_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [contactId, caller.workspaceId],
    );
    if (!row) throw new NotFoundException(`No conversation ${contactId}`);
    return row;
  }

  private async authorLabel(caller: Caller): Promise<string> {
    if (!caller.userId) return caller.label;
    const [user]: { name: string; email: string }[] = await this.ds.query('SELECT name, email FROM users WHERE id = $1', [caller.userId]);
    return user?.name || user?.email || caller.label;
  }
}

const delay = (ms: number): Promise<undefined> => new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
