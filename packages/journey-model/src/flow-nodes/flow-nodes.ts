import { catalogueOf } from '../catalogue/describe-node-spec.util';
import type { Catalogue, NodeSpec } from '../catalogue/node-spec.types';
import { conditionSpec } from './condition.node';
import { splitSpec } from './split.node';
import { endSpec, exitSpec, goalSpec } from './terminal.node';
import { waitForReplySpec } from './wait-for-reply.node';
import { waitForStatusSpec } from './wait-for-status.node';
import { waitSpec } from './wait.node';

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

/** Specs of every flow-control node, in palette order. */
export const flowNodeSpecs: readonly NodeSpec[] = [
  waitSpec,
  waitForReplySpec,
  waitForStatusSpec,
  conditionSpec,
  splitSpec,
  goalSpec,
  exitSpec,
  endSpec,
];

/** Flow-control specs keyed by `type@version`. Merge with action nodes for `validateJourney`. */
export const flowCatalogue: Catalogue = catalogueOf(flowNodeSpecs);

/** True when `type` (e.g. `core.wait@1`) is implemented by the interpreter rather than an activity. */
export function isFlowNodeType(type: string): type is FlowNodeType {
  return Object.prototype.hasOwnProperty.call(flowCatalogue, type);
}
