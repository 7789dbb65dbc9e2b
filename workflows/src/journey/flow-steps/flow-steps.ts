import type { FlowNodeType, FlowRunNode } from '@tandem/journey-model';
import { InvalidGraphError } from '../run-error.util';
import { conditionStep } from './condition.step';
import type { FlowContext, FlowDecision, FlowStep } from './flow-step.types';
import { splitStep } from './split.step';
import { endStep, exitStep, goalStep } from './terminal.step';
import { waitForReplyStep } from './wait-for-reply.step';
import { waitForStatusStep } from './wait-for-status.step';
import { waitStep } from './wait.step';

/**
 * The interpreter's step of every flow-control node: register a new one here (its spec is
 * registered in `flowNodes` of `@tandem/journey-model`, see docs/flow-nodes.md). The type
 * requires one step per flow node type, and `flow-steps.spec.ts` compares the two registries.
 */
export const FLOW_STEPS: { readonly [K in FlowNodeType]: FlowStep<K> } = {
  [waitStep.type]: waitStep,
  [waitForReplyStep.type]: waitForReplyStep,
  [waitForStatusStep.type]: waitForStatusStep,
  [conditionStep.type]: conditionStep,
  [splitStep.type]: splitStep,
  [goalStep.type]: goalStep,
  [exitStep.type]: exitStep,
  [endStep.type]: endStep,
};

/** Decides a flow-control node by its step. Pure. */
export function decideFlowNode<K extends FlowNodeType>(node: FlowRunNode<K>, ctx: FlowContext): FlowDecision {
  const step: FlowStep<K> | undefined = FLOW_STEPS[node.type as K];
  if (!step) throw new InvalidGraphError(`${node.type} has no step in this interpreter`);
  return step.decide(node.config as FlowRunNode<K>['config'], ctx);
}
