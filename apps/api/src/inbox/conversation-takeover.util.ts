import { changeOwnership, noteHumanMessage, OPEN_RUN_STATUSES } from '@tandem/db';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { teammateReplySignal } from '@tandem/workflows';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import { runsHearingTeammate } from '../conversations/ownership/conversation-runs.util';

/**
 * An agent's reply takes the conversation from the bot exactly as a teammate's phone-app
 * reply (echo) does: through the ownership lifecycle (`changeOwnership`: the agent becomes
 * the owner, the timeline records it, the return-to-bot clock restarts) and every open run of
 * the contact gets the `teammateReply` signal, so each reacts by its journey's setting (hand
 * off, pause or carry on).
 */
export async function takeOverForAgent(
  ds: DataSource,
  temporal: () => Promise<Client>,
  caller: Caller,
  contactId: string,
  reply: { id: string; wamid: string; authorLabel: string },
): Promise<void> {
  const workflowIds = await ds.transaction(async (m) => {
    const at = new Date();
    await noteHumanMessage(m, contactId, at);
    await changeOwnership(m, {
      contactId,
      to: 'human',
      ownerKind: 'agent',
      ownerUserId: caller.userId ?? null,
      actor: { kind: 'member', id: caller.userId ?? caller.tokenId },
      reason: `${reply.authorLabel} replied from the inbox`,
      runs: await runsHearingTeammate(m, contactId),
      at,
    });
    const rows: { workflow_id: string }[] = await m.query(
      'SELECT workflow_id FROM journey_runs WHERE contact_id = $1 AND status = ANY($2)',
      [contactId, [...OPEN_RUN_STATUSES]],
    );
    return rows.map((r) => r.workflow_id);
  });
  if (workflowIds.length === 0) return;
  const client = await temporal();
  for (const workflowId of workflowIds) {
    try {
      await client.workflow.getHandle(workflowId).signal(teammateReplySignal, { eventId: `inbox:${reply.id}`, wamid: reply.wamid });
    } catch (error) {
      // A run that ended between the query and the signal is not an error.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
