import type { WaitForReplyConfig } from '@tandem/journey-model';
import type { NodeContext } from './context.types';
import { NodeConfigError, NonRetryableNodeError } from './node-errors';
import type { NodeDefinition } from './node-definition.types';

/** Largest step output the engine records (it travels through workflow history). */
export const MAX_OUTPUT_BYTES = 256 * 1024;

/**
 * A node's checked result: continue on `port`, or wait for a reply per `awaitReply` (the
 * interpreter then branches with `matchReply`, or `timeout`). `output` and `variables`
 * are plain JSON.
 */
export type NodeInvocation =
  | { port: string; output: unknown; variables: Record<string, unknown> }
  | { awaitReply: WaitForReplyConfig; output: unknown; variables: Record<string, unknown> };

/**
 * Parses a node's config with its schema, throwing {@link NodeConfigError} with every problem.
 * @example const config = parseNodeConfig(sendText, node.config);
 */
export function parseNodeConfig<C>(def: NodeDefinition<C>, rawConfig: unknown): C {
  const parsed = def.configSchema.safeParse(rawConfig);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
  }));
  const summary = problems.map((p) => (p.path.length > 0 ? `${p.path.join('.')}: ${p.message}` : p.message)).join('; ');
  throw new NodeConfigError(`${def.key}: invalid config (${summary})`, problems);
}

function toJson(value: unknown, what: string, key: string): unknown {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) return null;
  if (text.length > MAX_OUTPUT_BYTES) {
    throw new NonRetryableNodeError(`${key}: ${what} is ${text.length} bytes, more than ${MAX_OUTPUT_BYTES}; store less`);
  }
  return JSON.parse(text);
}

function toVariables(value: unknown, key: string): Record<string, unknown> {
  const json = toJson(value ?? {}, 'variables', key);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new NonRetryableNodeError(`${key}: variables must be an object of name → value`);
  }
  return { ...json };
}

/**
 * Runs a node the way the engine does: validates the config, calls `run`, checks that the
 * returned port is declared (or that a reply wait is allowed) and makes output JSON-safe.
 * The worker's `executeNode` activity and the `runNode` test harness both use it.
 * @throws NodeConfigError for an invalid config; NonRetryableNodeError for an undeclared
 *   port or an oversized output; whatever `run` throws otherwise.
 */
export async function invokeNode<C>(def: NodeDefinition<C>, ctx: NodeContext, rawConfig: unknown): Promise<NodeInvocation> {
  const config = parseNodeConfig(def, rawConfig);
  const result = await def.run(ctx, config);
  const output = toJson(result.output, 'output', def.key);
  const variables = toVariables(result.variables, def.key);
  if ('awaitReply' in result) {
    if (!def.awaitsReply) throw new NonRetryableNodeError(`${def.key} asked to wait for a reply but does not declare awaitsReply`);
    return { awaitReply: def.awaitsReply(config), output, variables };
  }
  const ports = def.ports(config);
  if (!ports.includes(result.port)) {
    throw new NonRetryableNodeError(`${def.key} returned port "${result.port}", which it does not declare (${ports.join(', ')})`);
  }
  return { port: result.port, output, variables };
}
