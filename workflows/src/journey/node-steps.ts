import type { ActionRunNode, FlowRunNode, RunNode } from '@tandem/journey-model';
import { bookkeeping, nodeExecution } from './run-activities';
import { decideFlowNode } from './flow-steps/flow-steps';
import { replyWait } from './flow-steps/wait-for-reply.step';
import type { LoadedRun, RecordStepInput } from './journey-activities.types';
import type { JourneyRunInput } from './run-input.types';
import type { RunSession, StopReason } from './run-session';
import { clearReplies } from './run-state.util';

/** Where a node sends the run: on along a port, or to an end. */
export type StepResult = { port: string } | { end: 'completed' | 'exited' | StopReason };

/** Everything a step needs besides the node. */
export interface StepEnv {
  input: JourneyRunInput;
  loaded: LoadedRun;
  session: RunSession;
}

function stepRecord(env: StepEnv, node: RunNode, startedAt: number): Omit<RecordStepInput, 'port' | 'endedAt' | 'runStatus'> {
  const { runId, workspaceId } = env.loaded;
  return {
    runId,
    workspaceId,
    journeyId: env.input.journeyId,
    version: env.input.version,
    step: env.session.cursor.step,
    nodeId: node.id,
    nodeType: node.type,
    startedAt,
  };
}

interface StepRecorder {
  /** Records the visit's end and the port it took. */
  done(port: string | null, output?: unknown): Promise<void>;
  /** Records that the visit waits, so run lists show waiting runs. */
  waiting(): Promise<void>;
}

function recorder(env: StepEnv, node: RunNode, startedAt: number): StepRecorder {
  const base = stepRecord(env, node, startedAt);
  return {
    done: (port, output) => bookkeeping.recordStep({ ...base, port, output, endedAt: Date.now(), runStatus: 'running' }),
    waiting: () => bookkeeping.recordStep({ ...base, port: null, endedAt: null, runStatus: 'waiting' }),
  };
}

/** Runs a flow-control node inside the workflow and records its step. */
export async function runFlowNode(env: StepEnv, node: FlowRunNode): Promise<StepResult> {
  const { session, loaded, input } = env;
  const startedAt = Date.now();
  const record = recorder(env, node, startedAt);
  const decision = decideFlowNode(node, {
    nowMs: startedAt,
    journeyId: input.journeyId,
    nodeId: node.id,
    timezone: loaded.document.settings.timezone,
    contact: loaded.contact,
    vars: session.cursor.vars,
    trigger: input.trigger,
  });
  switch (decision.kind) {
    case 'continue':
      await record.done(decision.port, decision.output);
      return { port: decision.port };
    case 'finish':
      await record.done(null, decision.output);
      return { end: decision.status };
    case 'wait': {
      if (session.holds(decision.wait)) await record.waiting();
      const ended = await session.waitFor(decision.wait, node.id);
      if (!ended) return { end: session.stop ?? 'cancelled' };
      await record.done(ended.port, ended.output);
      return { port: ended.port };
    }
  }
}

/** Runs an action node (built-in or custom) through the `executeNode` activity. */
export async function runActionNode(env: StepEnv, node: ActionRunNode): Promise<StepResult> {
  const { session, loaded, input } = env;
  const { cursor } = session;
  const startedAt = Date.now();
  cursor.inbox = clearReplies(cursor.inbox);
  const result = await nodeExecution.executeNode({
    runId: loaded.runId,
    workspaceId: loaded.workspaceId,
    journeyId: input.journeyId,
    version: input.version,
    numberId: input.numberId,
    contactId: input.contactId,
    node: { id: node.id, type: node.type, config: node.config },
    step: cursor.step,
    vars: cursor.vars,
    trigger: input.trigger,
  });
  Object.assign(cursor.vars, result.variables);
  if (result.contact) loaded.contact = result.contact;
  if (result.lastSend) cursor.lastSend = result.lastSend;
  if (result.kind === 'port') return { port: result.port };
  const ended = await session.waitFor(replyWait(result.reply, Date.now()), node.id);
  if (!ended) return { end: session.stop ?? 'cancelled' };
  await bookkeeping.recordStep({
    ...stepRecord(env, node, startedAt),
    port: ended.port,
    output: ended.output,
    endedAt: Date.now(),
    runStatus: 'running',
  });
  return { port: ended.port };
}
