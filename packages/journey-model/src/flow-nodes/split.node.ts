import { z } from 'zod';
import { portNameSchema } from '../document/common.schema';
import { defineFlowNode } from './define-flow-node.util';

/** Config of `core.split@1`: 2–10 variants; each variant's port is its name. */
export const splitConfigSchema = z.strictObject({
  variants: z
    .array(z.strictObject({ port: portNameSchema, weight: z.number().int().min(1).max(1000) }))
    .min(2)
    .max(10)
    .refine((v) => new Set(v.map((x) => x.port)).size === v.length, 'variant names must be unique')
    .default([
      { port: 'a', weight: 50 },
      { port: 'b', weight: 50 },
    ]),
});

/** Config of an A/B split. */
export type SplitConfig = z.infer<typeof splitConfigSchema>;

/** `core.split@1`: sends each contact down one weighted variant, the same one every time (see `pickVariant`). */
export const splitSpec = defineFlowNode({
  type: 'core.split',
  version: 1,
  label: 'A/B split',
  category: 'Flow',
  icon: 'git-fork',
  description: 'Splits contacts between weighted variants; a contact always gets the same variant.',
  configSchema: splitConfigSchema,
  ports: (config) => config.variants.map((v) => v.port),
});
