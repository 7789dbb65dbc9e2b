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

/**
 * Deterministic id of a confirmation — its workflow id and its outbox key: one per engine
 * event. The contact's uuid is part of it because event ids are a per-database sequence: a
 * database started afresh must not find the confirmations of the last one in Temporal.
 */
export const optConfirmationWorkflowId = (input: Pick<OptConfirmationInput, 'contactId' | 'eventId'>): string =>
  `opt-confirmation:${input.contactId}:${input.eventId}`;
