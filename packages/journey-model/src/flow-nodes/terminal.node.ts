import { z } from 'zod';
import { defineFlowNode } from './define-flow-node.util';

/** Config of `core.goal@1`: the goal's name as reported on the journey's stats. */
export const goalConfigSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });

/** Config of a goal node. */
export type GoalConfig = z.infer<typeof goalConfigSchema>;

/** `core.goal@1`: records that the contact reached a goal and continues on `main`. */
export const goalSpec = defineFlowNode({
  type: 'core.goal',
  version: 1,
  label: 'Goal',
  category: 'Flow',
  icon: 'flag',
  description: 'Records a conversion goal for reporting, then continues.',
  configSchema: goalConfigSchema,
  ports: () => ['main'],
  staticPorts: ['main'],
});

/** Config of `core.exit@1`: an optional reason shown on the run. */
export const exitConfigSchema = z.strictObject({ reason: z.string().trim().max(200).optional() });

/** Config of an exit node. */
export type ExitConfig = z.infer<typeof exitConfigSchema>;

/** `core.exit@1`: removes the contact from the journey early (the run ends as `exited`). */
export const exitSpec = defineFlowNode({
  type: 'core.exit',
  version: 1,
  label: 'Exit journey',
  category: 'Flow',
  icon: 'log-out',
  description: 'Takes the contact out of the journey, recording an optional reason.',
  configSchema: exitConfigSchema,
  ports: () => [],
  staticPorts: [],
});

/** Config of `core.end@1` (none). */
export const endConfigSchema = z.strictObject({});

/** `core.end@1`: ends the run normally (the run ends as `completed`). */
export const endSpec = defineFlowNode({
  type: 'core.end',
  version: 1,
  label: 'End',
  category: 'Flow',
  icon: 'circle-stop',
  description: 'Ends the journey for this contact.',
  configSchema: endConfigSchema,
  ports: () => [],
  staticPorts: [],
});
