import { proxyActivities, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { InboxActivities, InboxReplyOutcome } from './inbox-activities.types';

// Graph errors worth retrying are retried inside the send path's own back-off; the activity
// retries on top of that cover a worker that died mid-send (the outbox key keeps it single).
const { sendInboxReply } = proxyActivities<InboxActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

/**
 * One reply an agent wrote in the inbox, sent by the worker through the one send path
 * (rules, outbox, throughput governor). The api waits for the outcome to show it in the composer.
 */
export async function inboxReplyWorkflow(input: { replyId: string }): Promise<InboxReplyOutcome> {
  return sendInboxReply(input);
}

/**
 * Deterministic start options: the workflow id is the reply's, so a repeated start of the
 * same reply joins the first instead of sending twice.
 * @example await client.workflow.execute(inboxReplyWorkflow, inboxReplyStart({ replyId, taskQueue }));
 */
export function inboxReplyStart(params: { replyId: string; taskQueue: string }): {
  taskQueue: string;
  workflowId: string;
  workflowIdReusePolicy: WorkflowIdReusePolicy;
  workflowExecutionTimeout: string;
  args: [{ replyId: string }];
} {
  return {
    taskQueue: params.taskQueue,
    workflowId: `inbox-reply:${params.replyId}`,
    workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    // A reply the workers could not take up within minutes is stale: it is given up (the outbox row keeps what did happen).
    workflowExecutionTimeout: '5 minutes',
    args: [{ replyId: params.replyId }],
  };
}
