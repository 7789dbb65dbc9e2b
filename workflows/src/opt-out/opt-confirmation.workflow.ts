import { proxyActivities } from '@temporalio/workflow';
import type { OptOutActivities, OptConfirmationInput, OptConfirmationOutcome } from './opt-out-activities.types';

// Transient trouble (Meta, the governor) is retried for a few minutes; after that the
// customer's window may be closing and a late confirmation would be refused anyway.
const { sendOptConfirmation } = proxyActivities<OptOutActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 12 },
});

/**
 * Confirms a customer's STOP / START with the workspace's text, through the one send path
 * (outbox, rules, throughput governor). Started by the dispatcher with the id
 * `optConfirmationWorkflowId` (contact and engine event), so a redelivered event never confirms twice.
 */
export async function optConfirmationWorkflow(input: OptConfirmationInput): Promise<OptConfirmationOutcome> {
  return sendOptConfirmation(input);
}
