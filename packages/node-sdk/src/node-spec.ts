import { describeNodeSpec, type NodeSpecJson } from '@tandem/journey-model';
import type { NodeDefinition } from './node-definition.types';

/**
 * The serializable catalogue entry of a node for the studio: label, icon, ports, and the
 * config form as JSON Schema (`configJsonSchema`, from `z.toJSONSchema`).
 * @example app.get('/catalogue', () => registry.list().map(nodeSpec));
 */
export function nodeSpec(def: NodeDefinition): NodeSpecJson {
  return describeNodeSpec(def);
}
