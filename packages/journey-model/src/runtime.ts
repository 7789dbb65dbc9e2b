/**
 * `@tandem/journey-model/runtime` — what the workflow interpreter needs at run time, with
 * no zod behind it: graph traversal, flow-node configs with their defaults, condition,
 * split, time-window, reply and status evaluation. Temporal's sandbox evaluates a
 * workflow's modules again for every run, so this entry must stay free of schemas
 * (`runtime.spec.ts` proves it loads without zod). Types come from the main entry.
 */
export { DAY_MS, SERVICE_WINDOW_MS, durationToMs, type Duration } from './document/duration.util';
export {
  FLOW_NODE_TYPES,
  REPLY_OTHER_PORT,
  REPLY_TIMEOUT_PORT,
  STATUS_TIMEOUT_PORT,
  isFlowNodeType,
  type FlowNodeType,
} from './flow-nodes/flow-node-types';
export {
  FlowConfigError,
  normalizeConditionConfig,
  normalizeExitConfig,
  normalizeGoalConfig,
  normalizeSplitConfig,
  normalizeWaitConfig,
  normalizeWaitForReplyConfig,
  normalizeWaitForStatusConfig,
} from './flow-nodes/flow-config.normalize';
export { nextNodeId } from './graph/next-node-id.util';
export { evaluateCondition } from './eval/condition.util';
export { pickVariant } from './eval/split.util';
export { nextTimeInWindow } from './eval/time-window.util';
export { matchReply, type ReplyEvent } from './eval/reply-match.util';
export { matchStatus, type StatusEvent } from './eval/status-match.util';
export { matchesKeyword } from './eval/text-match.util';
