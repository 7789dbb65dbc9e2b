import {
  catalogueOf,
  describeNodeSpec,
  flowCatalogue,
  flowNodeSpecs,
  isFlowNodeType,
  type Catalogue,
  type NodeSpecJson,
} from '@tandem/journey-model';
import type { NodeDefinition } from '../node-definition.types';
import { nodeSpec } from '../node-spec';

/** A node type key (`type@version`) is not registered. */
export class UnknownNodeTypeError extends Error {
  override readonly name = 'UnknownNodeTypeError';
  constructor(readonly key: string) {
    super(`unknown node type ${key}: is its package listed in the worker's node packages?`);
  }
}

/**
 * The action node types an engine process knows, by `type@version`. Flow-control types
 * (`core.wait@1`…) belong to the interpreter and cannot be registered.
 * @example
 * const registry = new NodeRegistry().register(...coreNodes);
 * registry.require('core.send-text@1');
 */
export class NodeRegistry {
  private readonly byKey = new Map<string, NodeDefinition>();

  /**
   * Adds node definitions, all or none.
   * @throws Error when a key is already registered or names a flow-control type.
   */
  register(...defs: NodeDefinition[]): this {
    const keys = new Set<string>();
    for (const def of defs) {
      if (isFlowNodeType(def.key)) throw new Error(`${def.key} is a flow-control node type and cannot be registered`);
      if (this.byKey.has(def.key) || keys.has(def.key)) throw new Error(`node type ${def.key} is registered twice`);
      keys.add(def.key);
    }
    for (const def of defs) this.byKey.set(def.key, def);
    return this;
  }

  /** Whether `type@version` is registered. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The definition for `type@version`, or `undefined`. */
  get(key: string): NodeDefinition | undefined {
    return this.byKey.get(key);
  }

  /** @throws UnknownNodeTypeError when `key` is not registered. */
  require(key: string): NodeDefinition {
    const def = this.byKey.get(key);
    if (!def) throw new UnknownNodeTypeError(key);
    return def;
  }

  /** Definitions in registration order. */
  list(): NodeDefinition[] {
    return [...this.byKey.values()];
  }

  /** Serializable specs of the registered action nodes (see `nodeSpec`). */
  specs(): NodeSpecJson[] {
    return this.list().map(nodeSpec);
  }
}

/**
 * The catalogue `validateJourney` needs: flow-control specs plus the registry's action nodes.
 * @example const issues = validateJourney(doc, catalogueFor(registry));
 */
export function catalogueFor(registry: NodeRegistry): Catalogue {
  return { ...flowCatalogue, ...catalogueOf(registry.list()) };
}

/**
 * Every node type for the studio palette: flow-control specs first, then action nodes.
 * @example res.json(nodeSpecsFor(registry));
 */
export function nodeSpecsFor(registry: NodeRegistry): NodeSpecJson[] {
  return [...flowNodeSpecs.map(describeNodeSpec), ...registry.specs()];
}
