/**
 * `@tandem/journey-model/runtime` — what the workflow interpreter needs at run time, with
 * no zod behind it: graph traversal, condition, split, time-window, reply and status
 * evaluation. Temporal's sandbox evaluates a workflow's modules again for every run, so this
 * entry must stay free of schemas (`runtime.spec.ts` proves it loads without zod). Configs
 * arrive parsed (`toRunDocument`, in the run's first activity); types come from the main entry.
 */
export { DAY_MS, SERVICE_WINDOW_MS, durationToMs, type Duration } from './document/duration.util';
export { REPLY_OTHER_PORT, REPLY_TIMEOUT_PORT, STATUS_TIMEOUT_PORT } from './flow-nodes/flow-ports';
export { nextNodeId } from './graph/next-node-id.util';
export { evaluateCondition } from './eval/condition.util';
export { pickVariant } from './eval/split.util';
export { nextTimeInWindow } from './eval/time-window.util';
export { matchReply, type ReplyEvent } from './eval/reply-match.util';
export { matchStatus, type StatusEvent } from './eval/status-match.util';
export { matchesKeyword } from './eval/text-match.util';
