import type { JourneyNode } from '@tandem/journey-model';
import { durationToMs } from '@tandem/journey-model/runtime';
import { bookkeeping, nodeExecution } from './run-activities';
import { decideFlowNode, WAIT_PORT, type FlowDecision } from './flow-step.util';
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

function stepRecord(env: StepEnv, node: JourneyNode, startedAt: number): Omit<RecordStepInput, 'port' | 'endedAt' | 'runStatus'> {
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

/** A flow decision that holds the run. */
type WaitDecision = Extract<FlowDecision, { kind: 'sleep' | 'await_reply' | 'await_status' }>;

interface StepRecorder {
  /** Records the visit's end and the port it took. */
  done(port: string | null, output?: unknown): Promise<void>;
  /** Records that the visit waits, so run lists show waiting runs. */
  waiting(): Promise<void>;
}

function recorder(env: StepEnv, node: JourneyNode, startedAt: number): StepRecorder {
  const base = stepRecord(env, node, startedAt);
  return {
    done: (port, output) => bookkeeping.recordStep({ ...base, port, output, endedAt: Date.now(), runStatus: 'running' }),
    waiting: () => bookkeeping.recordStep({ ...base, port: null, endedAt: null, runStatus: 'waiting' }),
  };
}

/** Runs a flow-control node inside the workflow and records its step. */
export async function runFlowNode(env: StepEnv, node: JourneyNode): Promise<StepResult> {
  const { session, loaded, input } = env;
  const startedAt = Date.now();
  const record = recorder(env, node, startedAt);
  const scope = {
    nowMs: startedAt,
    journeyId: input.journeyId,
    timezone: loaded.document.settings.timezone,
    contact: loaded.contact,
    vars: session.cursor.vars,
    trigger: input.trigger,
  };
  const decision = decideFlowNode(node, scope);
  switch (decision.kind) {
    case 'continue':
      await record.done(decision.port, decision.output);
      return { port: decision.port };
    case 'finish':
      await record.done(null, decision.output);
      return { end: decision.status };
    default: {
      if (decision.kind !== 'sleep' || decision.untilMs > Date.now()) await record.waiting();
      const waited = await waitOut(session, node.id, decision);
      if (!waited) return { end: session.stop ?? 'cancelled' };
      await record.done(waited.port, waited.output);
      return { port: waited.port };
    }
  }
}

/** Holds the run until the wait ends; the port and what to record, or `undefined` when stopped. */
async function waitOut(
  session: RunSession,
  nodeId: string,
  decision: WaitDecision,
): Promise<{ port: string; output?: unknown } | undefined> {
  switch (decision.kind) {
    case 'sleep':
      return (await session.sleepUntil(decision.untilMs, nodeId)) ? { port: WAIT_PORT } : undefined;
    case 'await_reply': {
      const got = await session.awaitReply(decision.config, decision.timeoutMs, nodeId);
      if (!got) return undefined;
      if (got.reply && decision.config.saveReplyAs) session.cursor.vars[decision.config.saveReplyAs] = got.reply.text ?? null;
      return { port: got.port, output: got.reply ? { reply: got.reply } : undefined };
    }
    case 'await_status': {
      const port = await session.awaitStatus(decision.config, decision.timeoutMs, nodeId);
      return port === undefined ? undefined : { port, output: { wamid: session.cursor.lastSend?.wamid ?? null } };
    }
  }
}

/** Runs an action node (built-in or custom) through the `executeNode` activity. */
export async function runActionNode(env: StepEnv, node: JourneyNode): Promise<StepResult> {
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
  const got = await session.awaitReply(result.reply, durationToMs(result.reply.timeout), node.id);
  if (!got) return { end: session.stop ?? 'cancelled' };
  if (got.reply && result.reply.saveReplyAs) cursor.vars[result.reply.saveReplyAs] = got.reply.text ?? null;
  await bookkeeping.recordStep({
    ...stepRecord(env, node, startedAt),
    port: got.port,
    output: got.reply ? { reply: got.reply } : undefined,
    endedAt: Date.now(),
    runStatus: 'running',
  });
  return { port: got.port };
}
