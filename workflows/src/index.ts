/**
 * @tandem/workflows — Temporal workflow code (deterministic): the journey interpreter,
 * campaigns, their signals/queries and the pure helpers both sides of the wire share.
 * The worker bundles this module; other processes import it for types, signal
 * definitions and `journeyRunStart`.
 */
export * from './ping.workflow';
export type * from './activities.types';

export { journeyWorkflow, MAX_STEPS, type RunOutcome } from './journey/journey.workflow';
export { campaignWorkflow, type CampaignOutcome } from './campaign/campaign.workflow';
export * from './journey/journey.signals';
export * from './journey/run-start.util';
export { RUN_FAILURE_TYPES, classifyRunError, runStatusForError, type RunError, type RunErrorCode } from './journey/run-error.util';
export type * from './journey/run-input.types';
export type * from './journey/journey-activities.types';
export type * from './campaign/campaign-activities.types';
export { inboxReplyWorkflow, inboxReplyStart } from './inbox/inbox-reply.workflow';
export type * from './inbox/inbox-activities.types';
export { optConfirmationWorkflow } from './opt-out/opt-confirmation.workflow';
export {
  optConfirmationWorkflowId,
  type OptConfirmationInput,
  type OptConfirmationOutcome,
  type OptOutActivities,
} from './opt-out/opt-out-activities.types';
