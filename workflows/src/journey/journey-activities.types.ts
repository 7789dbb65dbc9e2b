import type { RunDocument, WaitForReplyConfig } from '@tandem/journey-model';
import type { RunStatus } from './journey.signals';
import type { JourneyRunInput, RunCursor } from './run-input.types';

/** The contact as conditions and nodes see it (`contact.*`). */
export interface ContactSnapshot {
  id: string;
  waId?: string;
  userId?: string;
  profileName?: string;
  attributes: Record<string, unknown>;
  tags: string[];
  optedOut: boolean;
  humanOwned: boolean;
  /** End of the 24 h window, epoch ms; `null` when closed or never opened. */
  windowOpenUntil: number | null;
}

/** Input of `beginRun`. */
export interface BeginRunInput {
  workflowId: string;
  /** `workflowInfo().firstExecutionRunId`: stable across continue-as-new, new for a re-entry. */
  temporalRunId: string;
  run: Omit<JourneyRunInput, 'cursor'>;
  /** True after continue-as-new: the row exists and keeps its status and start time. */
  resumed: boolean;
}

/** What a run needs to walk its graph. */
export interface LoadedRun {
  /** `journey_runs.id`. */
  runId: string;
  workspaceId: string;
  /** The pinned version, parsed and defaulted by the worker (`toRunDocument`): the workflow uses it as is. */
  document: RunDocument;
  contact: ContactSnapshot;
}

/** Input of `executeNode`: one visit of one action node. */
export interface ExecuteNodeInput {
  runId: string;
  workspaceId: string;
  journeyId: string;
  version: number;
  numberId: string;
  contactId: string;
  node: { id: string; type: string; config: Record<string, unknown> };
  /** Visit number: with `runId` it keys the step row and the idempotency of its sends. */
  step: number;
  vars: Record<string, unknown>;
  trigger: JourneyRunInput['trigger'];
}

/** What the last send of a step did (what `core.wait-for-status@1` watches). */
export type StepSend = NonNullable<RunCursor['lastSend']>;

/** Result of `executeNode`. Output is stored on the step row, not returned to the workflow. */
export type ExecuteNodeResult = ({ kind: 'port'; port: string } | { kind: 'await_reply'; reply: WaitForReplyConfig }) & {
  variables: Record<string, unknown>;
  /** Fresh snapshot when the node changed the contact. */
  contact?: ContactSnapshot;
  lastSend?: StepSend;
};

/** A step of a flow-control node (or the reply of an action node that awaited one). */
export interface RecordStepInput {
  runId: string;
  workspaceId: string;
  journeyId: string;
  version: number;
  step: number;
  nodeId: string;
  nodeType: string;
  /** `null` while the step waits. */
  port: string | null;
  output?: unknown;
  startedAt: number;
  endedAt: number | null;
  /** Run status and current node to store with the step. */
  runStatus: RunStatus;
}

/** Input of `updateRun`. */
export interface UpdateRunInput {
  runId: string;
  status: RunStatus;
  currentNodeId: string | null;
}

/** Input of `finishRun`. */
export interface FinishRunInput {
  runId: string | undefined;
  workflowId: string;
  temporalRunId: string;
  run: Omit<JourneyRunInput, 'cursor'>;
  status: Extract<RunStatus, 'completed' | 'failed' | 'cancelled' | 'handed_off' | 'exited'>;
  currentNodeId: string | null;
  error?: { code: string; message: string; nodeId?: string };
}

/** Activities of `journeyWorkflow`, implemented by the worker's `createActivities`. */
export interface JourneyActivities {
  beginRun(input: BeginRunInput): Promise<LoadedRun>;
  executeNode(input: ExecuteNodeInput): Promise<ExecuteNodeResult>;
  recordStep(input: RecordStepInput): Promise<void>;
  updateRun(input: UpdateRunInput): Promise<void>;
  finishRun(input: FinishRunInput): Promise<void>;
}
