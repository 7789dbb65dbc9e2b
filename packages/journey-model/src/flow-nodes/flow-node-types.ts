// Flow-control node types and their fixed port names, without zod (imported by `../runtime`).

/** Keys of the flow-control node types the interpreter implements itself. */
export const FLOW_NODE_TYPES = {
  wait: 'core.wait@1',
  waitForReply: 'core.wait-for-reply@1',
  waitForStatus: 'core.wait-for-status@1',
  condition: 'core.condition@1',
  split: 'core.split@1',
  goal: 'core.goal@1',
  exit: 'core.exit@1',
  end: 'core.end@1',
} as const;

/** A flow-control node type key. */
export type FlowNodeType = (typeof FLOW_NODE_TYPES)[keyof typeof FLOW_NODE_TYPES];

const FLOW_TYPE_SET: ReadonlySet<string> = new Set(Object.values(FLOW_NODE_TYPES));

/** True when `type` (e.g. `core.wait@1`) is implemented by the interpreter rather than an activity. */
export function isFlowNodeType(type: string): type is FlowNodeType {
  return FLOW_TYPE_SET.has(type);
}

/** `core.wait-for-reply@1`: a reply no branch matched. */
export const REPLY_OTHER_PORT = 'other';
/** `core.wait-for-reply@1`: no reply in time. */
export const REPLY_TIMEOUT_PORT = 'timeout';
/** `core.wait-for-status@1`: the awaited status did not come in time (or the send failed otherwise). */
export const STATUS_TIMEOUT_PORT = 'timeout';
