/** A STOP / START to confirm (ids only; the text is read from the workspace's settings). */
export interface OptConfirmationInput {
  eventId: string;
  workspaceId: string;
  numberId: string;
  contactId: string;
  kind: 'opt_out' | 'opt_in';
}

/** The send path's outcome in short (`accepted`, `refused`, `failed`) with its reason or code. */
export interface OptConfirmationOutcome {
  status: 'accepted' | 'refused' | 'failed' | 'skipped';
  detail?: string;
}

/** Activities of `optConfirmationWorkflow`, implemented by the worker. */
export interface OptOutActivities {
  sendOptConfirmation(input: OptConfirmationInput): Promise<OptConfirmationOutcome>;
}

/** Deterministic workflow id of a confirmation: one per engine event. */
export const optConfirmationWorkflowId = (eventId: string): string => `opt-confirmation:${eventId}`;
