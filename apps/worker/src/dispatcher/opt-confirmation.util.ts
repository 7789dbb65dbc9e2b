import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { EngineEvent } from '@tandem/db';
import { optConfirmationWorkflow, optConfirmationWorkflowId } from '@tandem/workflows';

/**
 * Intake applied a STOP / START keyword and asks for its confirmation: start the
 * confirmation workflow, one per engine event (a redelivered event finds it started).
 */
export async function confirmOptKeyword(temporal: Client, taskQueue: string, event: EngineEvent): Promise<void> {
  if (event.kind !== 'message.received' || !event.payload.optKeyword?.confirm) return;
  const { numberId, contactId } = event.payload;
  try {
    await temporal.workflow.start(optConfirmationWorkflow, {
      taskQueue,
      workflowId: optConfirmationWorkflowId({ contactId, eventId: event.id }),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [{ eventId: event.id, workspaceId: event.workspaceId, numberId, contactId, kind: event.payload.optKeyword.kind }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
