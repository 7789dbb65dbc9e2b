import { catalogueOf } from '../catalogue/describe-node-spec.util';
import type { Catalogue, NodeSpec } from '../catalogue/node-spec.types';
import { conditionSpec } from './condition.node';
import { splitSpec } from './split.node';
import { endSpec, exitSpec, goalSpec } from './terminal.node';
import { waitForReplySpec } from './wait-for-reply.node';
import { waitForStatusSpec } from './wait-for-status.node';
import { waitSpec } from './wait.node';

export { FLOW_NODE_TYPES, isFlowNodeType, type FlowNodeType } from './flow-node-types';

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
