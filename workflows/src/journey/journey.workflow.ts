import { CancellationScope, continueAsNew, workflowInfo } from '@temporalio/workflow';
import type { RunNode } from '@tandem/journey-model';
import { nextNodeId } from '@tandem/journey-model/runtime';
import { bookkeeping } from './run-activities';
import type { FinishRunInput, LoadedRun } from './journey-activities.types';
import { runActionNode, runFlowNode, type StepEnv } from './node-steps';
import { classifyRunError, InvalidGraphError, runStatusForError, type RunError } from './run-error.util';
import type { JourneyRunInput } from './run-input.types';
import { RunSession } from './run-session';
import { startCursor } from './run-state.util';

/** Node visits after which a run is considered stuck in a loop. */
export const MAX_STEPS = 5_000;
const DEFAULT_HISTORY_LIMIT = 2_000;

/** How a run ended. */
export interface RunOutcome {
  status: FinishRunInput['status'];
  error?: RunError;
}

function findNode(loaded: LoadedRun, nodeId: string): RunNode {
  const node = loaded.document.nodes.find((n) => n.id === nodeId);
  if (!node) throw new InvalidGraphError(`node "${nodeId}" does not exist in this journey version`);
  return node;
}

function historyIsLong(input: JourneyRunInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT);
}

/** Walks the graph from the cursor until an end, a stop, or a long history (→ continue as new). */
async function walk(env: StepEnv): Promise<RunOutcome | 'continue_as_new'> {
  const { session, loaded } = env;
  const { cursor } = session;
  while (cursor.nodeId !== undefined) {
    await session.holdWhilePaused(cursor.nodeId, (status) =>
      bookkeeping.updateRun({ runId: loaded.runId, status, currentNodeId: cursor.nodeId ?? null }),
    );
    if (session.stop) return { status: session.stop };
    if (historyIsLong(env.input)) return 'continue_as_new';
    if (cursor.step >= MAX_STEPS) throw new InvalidGraphError(`more than ${MAX_STEPS} steps: the journey loops without end`);
    const node = findNode(loaded, cursor.nodeId);
    cursor.step += 1;
    const result = node.kind === 'flow' ? await runFlowNode(env, node) : await runActionNode(env, node);
    if ('end' in result) return { status: result.end };
    if (session.stop) return { status: session.stop };
    cursor.nodeId = nextNodeId(loaded.document, node.id, result.port);
  }
  return { status: 'completed' };
}

/**
 * The journey interpreter: one run of one pinned journey version for one contact.
 * Flow-control nodes run here; every action node runs through the `executeNode` activity.
 * Signals feed replies, statuses and teammate replies in (see `RunSession`); long runs
 * continue as new carrying their cursor.
 */
export async function journeyWorkflow(input: JourneyRunInput): Promise<RunOutcome> {
  const info = workflowInfo();
  const { cursor: carried, ...run } = input;
  const session = new RunSession(carried ?? { ...startCursor(undefined), vars: { ...input.variables } });
  const ids = { workflowId: info.workflowId, temporalRunId: info.firstExecutionRunId, run };
  let loaded: LoadedRun | undefined;
  let walked: RunOutcome | 'continue_as_new';
  try {
    loaded = await bookkeeping.beginRun({ ...ids, resumed: carried !== undefined });
    if (!carried) session.cursor.nodeId = loaded.document.entryNodeId;
    session.setPolicy(loaded.document.settings.onTeammateReply);
    walked = await walk({ input, loaded, session });
  } catch (error) {
    const runError = classifyRunError(error, session.cursor.nodeId);
    walked = { status: runStatusForError(runError.code), error: runError };
  }
  // Outside the try: continueAsNew works by throwing, which must not count as a failure.
  if (walked === 'continue_as_new') return continueAsNew<typeof journeyWorkflow>({ ...input, cursor: session.cursor });
  const outcome = walked;
  session.status = outcome.status;
  const { status, error } = outcome;
  const currentNodeId = session.cursor.nodeId ?? null;
  await CancellationScope.nonCancellable(() =>
    bookkeeping.finishRun({ ...ids, runId: loaded?.runId, status, currentNodeId, ...(error ? { error } : {}) }),
  );
  return outcome;
}
