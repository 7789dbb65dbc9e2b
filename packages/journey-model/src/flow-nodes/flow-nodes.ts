import { catalogueOf } from '../catalogue/describe-node-spec.util';
import type { Catalogue, NodeSpec } from '../catalogue/node-spec.types';
import type { FlowNodeSpec } from './define-flow-node.util';
import { conditionSpec } from './condition.node';
import { splitSpec } from './split.node';
import { endSpec, exitSpec, goalSpec } from './terminal.node';
import { waitForReplySpec } from './wait-for-reply.node';
import { waitForStatusSpec } from './wait-for-status.node';
import { waitSpec } from './wait.node';

/**
 * The flow-control nodes, in palette order: register a new one here (and its step in
 * `workflows/src/journey/flow-steps/flow-steps.ts`, see docs/flow-nodes.md).
 */
export const flowNodes = {
  wait: waitSpec,
  waitForReply: waitForReplySpec,
  waitForStatus: waitForStatusSpec,
  condition: conditionSpec,
  split: splitSpec,
  goal: goalSpec,
  exit: exitSpec,
  end: endSpec,
} as const;

type FlowNodes = (typeof flowNodes)[keyof typeof flowNodes];

/** A flow-control node type key, e.g. `core.wait@1`. */
export type FlowNodeType = FlowNodes['key'];

/** The parsed config (defaults applied) of the flow-control node type `K`. */
export type FlowNodeConfig<K extends FlowNodeType> = Extract<FlowNodes, { key: K }> extends FlowNodeSpec<K, infer C> ? C : never;

/** Keys of the flow-control node types by short name, e.g. `FLOW_NODE_TYPES.waitForStatus` is `core.wait-for-status@1`. */
export const FLOW_NODE_TYPES = Object.fromEntries(Object.entries(flowNodes).map(([name, spec]) => [name, spec.key])) as {
  readonly [N in keyof typeof flowNodes]: (typeof flowNodes)[N]['key'];
};

/** Specs of every flow-control node, in palette order. */
export const flowNodeSpecs: readonly NodeSpec[] = Object.values(flowNodes);

/** Flow-control specs keyed by `type@version`. Merge with action nodes for `validateJourney`. */
export const flowCatalogue: Catalogue = catalogueOf(flowNodeSpecs);

/** True when `type` (e.g. `core.wait@1`) is implemented by the interpreter rather than an activity. */
export function isFlowNodeType(type: string): type is FlowNodeType {
  return Object.hasOwn(flowCatalogue, type);
}
