import { OPEN_RUN_STATUSES } from '@tandem/db';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { teammateReplySignal } from '@tandem/workflows';
import type { DataSource } from 'typeorm';

/**
 * An agent's reply takes the conversation from the bot exactly as a teammate's phone-app
 * reply (echo) does: the contact becomes human-owned (automated sends are then refused) and
 * every open run of the contact gets the `teammateReply` signal, so each reacts by its
 * journey's setting (hand off, pause or carry on).
 *
 * TODO(#14 ownership): replace with the ownership lifecycle's take-over (bot/human/closed, by whom).
 */
export async function takeOverForAgent(
  ds: DataSource,
  temporal: () => Promise<Client>,
  contactId: string,
  reply: { id: string; wamid: string },
): Promise<void> {
  const rows: { workflow_id: string }[] = await ds.query(
    `WITH owned AS (
       UPDATE contacts SET human_owned = true, human_owned_at = coalesce(human_owned_at, now()), updated_at = now() WHERE id = $1)
     SELECT workflow_id FROM journey_runs WHERE contact_id = $1 AND status = ANY($2)`,
    [contactId, [...OPEN_RUN_STATUSES]],
  );
  if (rows.length === 0) return;
  const client = await temporal();
  for (const { workflow_id } of rows) {
    try {
      await client.workflow.getHandle(workflow_id).signal(teammateReplySignal, { eventId: `inbox:${reply.id}`, wamid: reply.wamid });
    } catch (error) {
      // A run that ended between the query and the signal is not an error.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
