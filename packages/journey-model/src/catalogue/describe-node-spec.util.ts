import { z } from 'zod';
import type { Catalogue, NodeSpec, NodeSpecJson } from './node-spec.types';

/**
 * The catalogue key of a spec: `type@version`.
 * @example nodeKey({ type: 'core.wait', version: 1 }) // 'core.wait@1'
 */
export function nodeKey(spec: Pick<NodeSpec, 'type' | 'version'>): string {
  return `${spec.type}@${spec.version}`;
}

/**
 * Serializable description of a node type for the studio palette and config forms.
 * The JSON Schema describes the *input* (fields with defaults are optional).
 */
export function describeNodeSpec(spec: NodeSpec): NodeSpecJson {
  const defaults = spec.configSchema.safeParse({});
  const defaultConfig = defaults.success ? defaults.data : null;
  return {
    key: nodeKey(spec),
    type: spec.type,
    version: spec.version,
    kind: spec.kind,
    label: spec.label,
    category: spec.category,
    icon: spec.icon,
    description: spec.description,
    configJsonSchema: z.toJSONSchema(spec.configSchema, { io: 'input', unrepresentable: 'any' }),
    defaultConfig,
    ports: spec.staticPorts ? [...spec.staticPorts] : null,
    defaultPorts: defaults.success ? spec.ports(defaults.data) : spec.staticPorts ? [...spec.staticPorts] : [],
    sendsFreeForm: spec.sendsFreeForm ?? false,
    sendsTemplate: spec.sendsTemplate ?? false,
    awaitsReply: spec.awaitsReply !== undefined,
  };
}

/**
 * Builds a catalogue from specs, keyed by `type@version`.
 * @throws Error when two specs share a key (a programming error, not user input).
 */
export function catalogueOf(specs: readonly NodeSpec[]): Catalogue {
  const catalogue: Record<string, NodeSpec> = {};
  for (const spec of specs) {
    const key = nodeKey(spec);
    if (catalogue[key]) throw new Error(`node type ${key} is defined twice`);
    catalogue[key] = spec;
  }
  return catalogue;
}
