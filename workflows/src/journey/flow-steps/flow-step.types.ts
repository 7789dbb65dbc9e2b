import type { FlowNodeConfig, FlowNodeType } from '@tandem/journey-model';
import type { ContactSnapshot, StepSend } from '../journey-activities.types';
import type { WaitingFor } from '../journey.signals';
import type { RunInbox, RunTrigger } from '../run-input.types';

/** Everything a flow-control node's step may read. */
export interface FlowContext {
  nowMs: number;
  journeyId: string;
  nodeId: string;
  timezone: string;
  contact: ContactSnapshot;
  vars: Record<string, unknown>;
  trigger: RunTrigger;
}

/** What a wait sees of the run: its inbox (replies, statuses) and its latest send. */
export interface WaitView {
  inbox: RunInbox;
  lastSend?: StepSend;
}

/** How a wait ends: the port, the step's output, and what it consumed or saved. */
export interface WaitEnd {
  port: string;
  output?: Record<string, unknown>;
  /** The inbox after the wait consumed from it. */
  inbox?: RunInbox;
  /** Run variables the wait sets (e.g. `saveReplyAs`). */
  vars?: Record<string, unknown>;
}

/**
 * A wait, as pure functions of the run's inbox: the interpreter holds the run until `ready`
 * (checked after every signal) or `untilMs`, then takes `end`. A run that is stopped meanwhile
 * ends without `end`; a paused run is not `ready`.
 */
export interface FlowWait {
  /** What the run-state query reports while the run waits. */
  on: Exclude<WaitingFor['kind'], 'resume'>;
  /** Epoch ms the wait ends by itself; at or before now, it does not hold the run. */
  untilMs: number;
  ready(run: WaitView): boolean;
  end(run: WaitView): WaitEnd;
}

/** What a flow-control node tells the interpreter to do next. */
export type FlowDecision =
  | { kind: 'continue'; port: string; output?: Record<string, unknown> }
  | { kind: 'finish'; status: 'completed' | 'exited'; output?: Record<string, unknown> }
  | { kind: 'wait'; wait: FlowWait };

/** A flow-control node's step in the interpreter, keyed like its spec in `@tandem/journey-model`. */
export interface FlowStep<K extends FlowNodeType = FlowNodeType> {
  type: K;
  /** Decides the node; `config` is already parsed and defaulted (see `toRunDocument`). Pure. */
  decide(config: FlowNodeConfig<K>, ctx: FlowContext): FlowDecision;
}

/**
 * Declares the step of the flow-control node `type`; its config type comes from the node's
 * schema in `@tandem/journey-model`.
 * @example export const goalStep = flowStep('core.goal@1', (config) => ({ kind: 'continue', port: 'main', output: { goal: config.name } }));
 */
export function flowStep<K extends FlowNodeType>(type: K, decide: FlowStep<K>['decide']): FlowStep<K> {
  return { type, decide };
}
