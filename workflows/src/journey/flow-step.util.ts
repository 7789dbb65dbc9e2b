import {
  FLOW_NODE_TYPES,
  durationToMs,
  evaluateCondition,
  nextTimeInWindow,
  normalizeConditionConfig,
  normalizeExitConfig,
  normalizeGoalConfig,
  normalizeSplitConfig,
  normalizeWaitConfig,
  normalizeWaitForReplyConfig,
  normalizeWaitForStatusConfig,
  pickVariant,
  type FlowNodeType,
} from '@tandem/journey-model/runtime';
import type { JourneyNode, WaitForReplyConfig, WaitForStatusConfig } from '@tandem/journey-model';
import type { ContactSnapshot } from './journey-activities.types';
import type { RunTrigger } from './run-input.types';

/** What a flow-control node tells the interpreter to do next. */
export type FlowDecision =
  | { kind: 'continue'; port: string; output?: Record<string, unknown> }
  | { kind: 'sleep'; untilMs: number }
  | { kind: 'await_reply'; config: WaitForReplyConfig; timeoutMs: number }
  | { kind: 'await_status'; config: WaitForStatusConfig; timeoutMs: number }
  | { kind: 'finish'; status: 'completed' | 'exited'; output?: Record<string, unknown> };

/** Everything a flow-control node may read. */
export interface FlowScope {
  nowMs: number;
  journeyId: string;
  timezone: string;
  contact: ContactSnapshot;
  vars: Record<string, unknown>;
  trigger: RunTrigger;
}

/** Port a `core.wait@1` takes once its time has come. */
export const WAIT_PORT = 'main';

/**
 * Decides a flow-control node. Configs get their defaults here (documents are validated
 * when published; one that bypassed validation fails loudly instead of misbehaving).
 * @throws FlowConfigError when the node's config cannot be run.
 */
export function decideFlowNode(node: JourneyNode, scope: FlowScope): FlowDecision {
  const type = node.type as FlowNodeType;
  switch (type) {
    case FLOW_NODE_TYPES.wait:
      return { kind: 'sleep', untilMs: waitUntil(node.config, scope) };
    case FLOW_NODE_TYPES.waitForReply: {
      const config = normalizeWaitForReplyConfig(node.config);
      return { kind: 'await_reply', config, timeoutMs: durationToMs(config.timeout) };
    }
    case FLOW_NODE_TYPES.waitForStatus: {
      const config = normalizeWaitForStatusConfig(node.config);
      return { kind: 'await_status', config, timeoutMs: durationToMs(config.timeout) };
    }
    case FLOW_NODE_TYPES.condition: {
      const result = evaluateCondition(normalizeConditionConfig(node.config), scope);
      return { kind: 'continue', port: result ? 'true' : 'false' };
    }
    case FLOW_NODE_TYPES.split: {
      const { variants } = normalizeSplitConfig(node.config);
      const port = pickVariant(scope.contact.id, `${scope.journeyId}:${node.id}`, variants);
      return { kind: 'continue', port, output: { variant: port } };
    }
    case FLOW_NODE_TYPES.goal:
      return { kind: 'continue', port: 'main', output: { goal: normalizeGoalConfig(node.config).name } };
    case FLOW_NODE_TYPES.exit: {
      const { reason } = normalizeExitConfig(node.config);
      return { kind: 'finish', status: 'exited', output: reason ? { reason } : undefined };
    }
    case FLOW_NODE_TYPES.end:
      return { kind: 'finish', status: 'completed' };
  }
  throw new Error(`${node.type} is not a flow-control node type`);
}

/** Instant a `core.wait@1` ends (epoch ms); at or before `nowMs` means "go on at once". */
export function waitUntil(rawConfig: unknown, scope: Pick<FlowScope, 'nowMs' | 'timezone'>): number {
  const config = normalizeWaitConfig(rawConfig);
  switch (config.mode) {
    case 'duration':
      return scope.nowMs + durationToMs(config.duration);
    case 'until':
      return Date.parse(config.at);
    case 'window':
      return nextTimeInWindow(scope.nowMs, config.window, config.timezone ?? scope.timezone);
  }
}
