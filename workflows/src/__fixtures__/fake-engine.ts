import { ApplicationFailure } from '@temporalio/common';
import { RunDocumentError, toRunDocument, type JourneyDocument, type RunDocument } from '@tandem/journey-model';
import type {
  BeginRunInput,
  ContactSnapshot,
  ExecuteNodeInput,
  ExecuteNodeResult,
  FinishRunInput,
  JourneyActivities,
  LoadedRun,
  RecordStepInput,
  UpdateRunInput,
} from '../index';

/** How a fake action node behaves: its result, or a thrown error. */
export type FakeNode = (input: ExecuteNodeInput) => Promise<ExecuteNodeResult> | ExecuteNodeResult;

export const CONTACT: ContactSnapshot = {
  id: 'contact-1',
  profileName: 'Maria',
  attributes: { plan: 'pro' },
  tags: ['vip'],
  optedOut: false,
  humanOwned: false,
  windowOpenUntil: null,
};

/** The document a run walks, made as the worker's `beginRun` makes it (an invalid one fails the run's setup). */
function runDocumentOf(stored: unknown): RunDocument {
  try {
    return toRunDocument(stored);
  } catch (error) {
    if (error instanceof RunDocumentError) throw ApplicationFailure.nonRetryable(error.message, 'RunSetupError');
    throw error;
  }
}

/**
 * Activity stubs for interpreter tests (the workflow's process boundary): documents by
 * journey id, action nodes by type, and every call recorded for assertions.
 */
export class FakeEngine {
  readonly documents = new Map<string, JourneyDocument>();
  readonly nodes = new Map<string, FakeNode>();
  readonly executed: ExecuteNodeInput[] = [];
  readonly steps: RecordStepInput[] = [];
  readonly updates: UpdateRunInput[] = [];
  readonly finished: FinishRunInput[] = [];
  contact: ContactSnapshot = CONTACT;
  /** How long `beginRun` takes (a slow database). */
  beginDelayMs = 0;

  activities(): JourneyActivities {
    return {
      beginRun: async (input: BeginRunInput): Promise<LoadedRun> => {
        if (this.beginDelayMs > 0) await new Promise((r) => setTimeout(r, this.beginDelayMs));
        const stored = this.documents.get(input.run.journeyId);
        if (!stored) throw new Error(`no document for ${input.run.journeyId}`);
        const document = runDocumentOf(stored);
        return { runId: `run-${input.workflowId}`, workspaceId: 'ws-1', document, contact: { ...this.contact, id: input.run.contactId } };
      },
      executeNode: async (input: ExecuteNodeInput): Promise<ExecuteNodeResult> => {
        this.executed.push(input);
        const node = this.nodes.get(input.node.type);
        if (!node) throw new Error(`no fake for ${input.node.type}`);
        return node(input);
      },
      recordStep: async (input: RecordStepInput) => {
        this.steps.push(input);
      },
      updateRun: async (input: UpdateRunInput) => {
        this.updates.push(input);
      },
      finishRun: async (input: FinishRunInput) => {
        this.finished.push(input);
      },
    };
  }

  /** Ports a run took at each recorded flow step, in order (`null` = a step still waiting). */
  portsOf(runId: string): [string, string | null][] {
    return this.steps.filter((s) => s.runId === runId && s.endedAt !== null).map((s) => [s.nodeId, s.port]);
  }

  finishedOf(workflowId: string): FinishRunInput | undefined {
    return this.finished.find((f) => f.workflowId === workflowId);
  }
}
