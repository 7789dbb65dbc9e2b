import { conditionSchema, type Condition } from '../document/condition.schema';
import type { NodeSpec } from '../catalogue/node-spec.types';

const CONDITION_PORTS = ['true', 'false'] as const;

/** `core.condition@1`: branches `true`/`false` on a rule group (see `evaluateCondition`). */
export const conditionSpec: NodeSpec<Condition> = {
  type: 'core.condition',
  version: 1,
  kind: 'flow',
  label: 'Condition',
  category: 'Flow',
  icon: 'split',
  description: 'Checks contact attributes, tags, variables or the trigger message and continues on `true` or `false`.',
  configSchema: conditionSchema,
  ports: () => [...CONDITION_PORTS],
  staticPorts: CONDITION_PORTS,
};
