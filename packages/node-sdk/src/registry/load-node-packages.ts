import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import type { NodeDefinition } from '../node-definition.types';
import type { NodeRegistry } from './node-registry';

/** A node package could not be loaded or does not follow the contract. */
export class NodePackageError extends Error {
  override readonly name = 'NodePackageError';
  constructor(
    readonly specifier: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`node package "${specifier}": ${problem}`, options);
  }
}

/** What one loaded package contributed. */
export interface LoadedNodePackage {
  specifier: string;
  /** Keys (`type@version`) of the nodes it registered. */
  nodes: string[];
}

/** Why `value` is not a `defineNode()` result, or `undefined` when it is one. */
function definitionProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return 'is not an object';
  const def = value as Partial<Record<keyof NodeDefinition, unknown>>;
  if (def.kind !== 'action' || typeof def.key !== 'string') return 'is not a defineNode() result (no kind/key)';
  if (typeof def.run !== 'function') return `(${def.key}) has no run() function`;
  if (typeof def.ports !== 'function') return `(${def.key}) has no ports() function`;
  const schema = def.configSchema as { safeParse?: unknown } | undefined;
  if (typeof schema?.safeParse !== 'function') return `(${def.key}) has no zod config schema`;
  return undefined;
}

function definitionsOf(specifier: string, moduleExports: unknown): NodeDefinition[] {
  const mod = moduleExports as { nodes?: unknown; default?: { nodes?: unknown } } | null;
  const nodes = mod?.nodes ?? mod?.default?.nodes;
  if (!Array.isArray(nodes)) {
    throw new NodePackageError(
      specifier,
      'must export `nodes`, an array of defineNode() results (e.g. `export const nodes = [crmLookup];`)',
    );
  }
  nodes.forEach((item, index) => {
    const problem = definitionProblem(item);
    if (problem) throw new NodePackageError(specifier, `nodes[${index}] ${problem}`);
  });
  return nodes as NodeDefinition[];
}

/**
 * Loads node packages and registers their nodes. A **node package** is any CommonJS
 * module whose exports include `nodes: NodeDefinition[]` (each made with `defineNode`);
 * nothing else is required. Specifiers are package names (`@acme/tandem-nodes`), resolved
 * from `resolveFrom` like `require` would, or paths (absolute, or relative to `resolveFrom`).
 *
 * @param resolveFrom directory to resolve from; defaults to the process's working directory.
 * @example loadNodePackages(['@tandem/nodes-core', '@acme/tandem-nodes'], registry);
 * @throws NodePackageError naming the package when it cannot be loaded, breaks the
 *   contract, or registers a type that already exists.
 */
export function loadNodePackages(specifiers: readonly string[], registry: NodeRegistry, resolveFrom = process.cwd()): LoadedNodePackage[] {
  const load = createRequire(join(resolve(resolveFrom), 'noop.js'));
  return specifiers.map((specifier) => {
    const target = specifier.startsWith('.') || isAbsolute(specifier) ? resolve(resolveFrom, specifier) : specifier;
    let moduleExports: unknown;
    try {
      moduleExports = load(target);
    } catch (error) {
      throw new NodePackageError(specifier, `cannot be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, {
        cause: error,
      });
    }
    const defs = definitionsOf(specifier, moduleExports);
    try {
      registry.register(...defs);
    } catch (error) {
      throw new NodePackageError(specifier, error instanceof Error ? error.message : String(error), { cause: error });
    }
    return { specifier, nodes: defs.map((d) => d.key) };
  });
}
