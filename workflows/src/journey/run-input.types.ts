import type { EngineEvent, TriggerKind } from '@tandem/journey-model';

/**
 * The event that started a run, trimmed to the small fields conditions and nodes read
 * (`trigger.text`, `trigger.buttonId` …). `eventId` identifies it: an engine event id, an
 * API request id, or the campaign id.
 */
export type RunTrigger = EngineEvent & { kind: TriggerKind; eventId: string };

/** Where an interrupted run continues; carried through `continueAsNew`. */
export interface RunCursor {
  /** Node to execute next; `undefined` = the run reached a dead end and completes. */
  nodeId: string | undefined;
  /** Node visits so far; every visit gets the next number (idempotency key of its sends). */
  step: number;
  vars: Record<string, unknown>;
  /** The run's most recent send (what `core.wait-for-status@1` watches). */
  lastSend?: { status: 'accepted' | 'refused' | 'failed'; wamid?: string; errorCode?: number };
  /** Signals that arrived but were not consumed yet. */
  inbox: RunInbox;
  paused: boolean;
}

/** A reply received by the run. */
export interface BufferedReply {
  eventId: string;
  wamid: string;
  text?: string;
  buttonId?: string;
  listRowId?: string;
  buttonPayload?: string;
}

/** A delivery status received by the run. */
export interface BufferedStatus {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'played' | 'failed';
  errorCode?: number;
}

/** Replies and statuses received but not yet consumed by a wait. */
export interface RunInbox {
  replies: BufferedReply[];
  statuses: BufferedStatus[];
  /** Event ids of replies already consumed or dropped, so a re-sent signal is not taken again. */
  seen?: string[];
}

/**
 * Input of `journeyWorkflow`: ids, never payloads. The first activity loads the pinned
 * version's document and the contact. `cursor` is set only by `continueAsNew`.
 */
export interface JourneyRunInput {
  journeyId: string;
  /** The journey version the run is pinned to (never changes during the run). */
  version: number;
  contactId: string;
  numberId: string;
  trigger: RunTrigger;
  campaignId?: string;
  /** Variables the run starts with (`vars.*`), e.g. given to a start by API. Small and JSON-safe. */
  variables?: Record<string, unknown>;
  /** Continue as new after this many history events (default 2000); small in tests. */
  historyLimit?: number;
  cursor?: RunCursor;
}

/** Input of `campaignWorkflow`. */
export interface CampaignInput {
  campaignId: string;
  /** Contacts started per page (default 100). */
  pageSize?: number;
  /** Continue as new after this many history events (default 2000); small in tests. */
  historyLimit?: number;
  /** Set only by `continueAsNew`: where paging stopped and what it counted. */
  carry?: CampaignCarry;
}

/** Progress a campaign carries through `continueAsNew`. */
export interface CampaignCarry {
  /** Next page cursor; `null` once every page was started. */
  cursor: string | null;
  started: number;
  skipped: number;
}
