import { ApplicationFailure, Context } from '@temporalio/activity';
import type { OutboundMessage } from '@tandem/whatsapp';
import type { InboxActivities, InboxReplyOutcome } from '@tandem/workflows';
import { SendPath } from '../send/send-path.service';
import type { ActivityDeps } from './activity-deps.types';

interface ReplyRow {
  workspace_id: string;
  contact_id: string;
  number_id: string;
  message: OutboundMessage;
}

/**
 * `sendInboxReply`: an agent's reply goes out through the same {@link SendPath} as every
 * journey send — same rules (as `sender: 'agent'`, so a human-owned chat does not stop a
 * person), same outbox idempotency (`inbox:<reply id>`), same throughput governor.
 */
export function inboxReplyActivity(deps: ActivityDeps): InboxActivities {
  const sendPath = new SendPath(deps);
  return {
    async sendInboxReply({ replyId }): Promise<InboxReplyOutcome> {
      const rows: ReplyRow[] = await deps.dataSource.query(
        'SELECT workspace_id, contact_id, number_id, message FROM inbox_replies WHERE id = $1',
        [replyId],
      );
      const reply = rows[0];
      if (!reply) throw ApplicationFailure.nonRetryable(`inbox reply ${replyId} does not exist`, 'InboxReplyMissing');
      const outcome = await sendPath.send({
        key: `inbox:${replyId}`,
        workspaceId: reply.workspace_id,
        numberId: reply.number_id,
        contactId: reply.contact_id,
        runId: null,
        nodeId: null,
        message: reply.message,
        attempt: Context.current().info.attempt,
        sender: 'agent',
      });
      if (outcome.status === 'accepted') return { status: 'accepted', wamid: outcome.wamid };
      if (outcome.status === 'refused') return { status: 'refused', reason: outcome.reason, detail: outcome.detail };
      return { status: 'failed', code: outcome.code, detail: outcome.detail };
    },
  };
}
