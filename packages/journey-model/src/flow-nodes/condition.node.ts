import { conditionSchema } from '../document/condition.schema';
import { defineFlowNode } from './define-flow-node.util';

const CONDITION_PORTS = ['true', 'false'] as const;

/** `core.condition@1`: branches `true`/`false` on a rule group (see `evaluateCondition`). */
export const conditionSpec = defineFlowNode({
  type: 'core.condition',
  version: 1,
  label: 'Condition',
  category: 'Flow',
  icon: 'split',
  description: 'Checks contact attributes, tags, variables or the trigger message and continues on `true` or `false`.',
  configSchema: conditionSchema,
  ports: () => [...CONDITION_PORTS],
  staticPorts: CONDITION_PORTS,
});
