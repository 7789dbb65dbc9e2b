import { nodeKey, portNameSchema, type NodeSpecJson } from '@tandem/journey-model';
import { z } from 'zod';
import type { NodeDefinition } from '../node-definition.types';
import { nodeSpec } from '../node-spec';

/** File a node package's build writes next to its main module; the api reads it instead of the code. */
export const NODE_DESCRIPTION_FILE = 'tandem-nodes.json';
const FORMAT = 'tandem-nodes/1';

/**
 * One custom node as the api knows it: a {@link NodeSpecJson} whose ports are a fixed
 * list, since the api cannot call a node's `ports(config)` without running its code.
 */
export const nodeDescriptionSchema = z
  .strictObject({
    key: z.string(),
    type: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/),
    version: z.number().int().min(1),
    kind: z.literal('action'),
    label: z.string(),
    category: z.string(),
    icon: z.string(),
    description: z.string(),
    configJsonSchema: z.record(z.string(), z.unknown()),
    defaultConfig: z.unknown(),
    ports: z.array(portNameSchema),
    defaultPorts: z.array(portNameSchema),
    sendsFreeForm: z.boolean(),
    sendsTemplate: z.boolean(),
    awaitsReply: z.literal(false),
  })
  .refine((d) => d.key === nodeKey(d), { message: 'key must be type@version', path: ['key'] });

export type NodeDescription = z.infer<typeof nodeDescriptionSchema>;

/** Contents of `tandem-nodes.json`. */
export const nodePackageDescriptionSchema = z.strictObject({
  format: z.literal(FORMAT),
  nodes: z.array(nodeDescriptionSchema),
});

export type NodePackageDescription = z.infer<typeof nodePackageDescriptionSchema>;

/** A node cannot be described statically (its ports depend on its config). */
export class NodeDescriptionError extends Error {
  override readonly name = 'NodeDescriptionError';
}

function describeNode(def: NodeDefinition): NodeDescription {
  const spec: NodeSpecJson = nodeSpec(def);
  // Ports computed by a function (or reply ports from awaitsReply) can only be known by
  // running the node's code, which the api never does: custom nodes declare a fixed list.
  if (spec.ports === null || spec.awaitsReply) {
    throw new NodeDescriptionError(
      `node ${def.key}: its ports depend on its config; a custom node package must declare a fixed port list (ports: ['found', 'error'])`,
    );
  }
  return nodeDescriptionSchema.parse({ ...spec, kind: 'action', ports: spec.ports, awaitsReply: false });
}

/**
 * The static description of a package's nodes, written at build time so the api can list
 * and validate them without loading the package.
 * @throws NodeDescriptionError when a node's ports depend on its config.
 */
export function describeNodePackage(defs: readonly NodeDefinition[]): NodePackageDescription {
  return { format: FORMAT, nodes: defs.map(describeNode) };
}
