import { nodeKey, portNameSchema, replyPorts } from '@tandem/journey-model';
import type { DefineNodeInput, NodeDefinition } from './node-definition.types';

const TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/** A node definition is malformed: a programming error, reported when the package loads. */
export class NodeDefinitionError extends Error {
  override readonly name = 'NodeDefinitionError';
}

function checkInput<C>(input: DefineNodeInput<C>): void {
  const where = `node ${input.type}@${input.version}`;
  if (!TYPE_PATTERN.test(input.type)) {
    throw new NodeDefinitionError(`${where}: type must be "namespace.name" in lowercase, e.g. "acme.crm-lookup"`);
  }
  if (!Number.isInteger(input.version) || input.version < 1) throw new NodeDefinitionError(`${where}: version must be an integer ≥ 1`);
  if (typeof input.run !== 'function') throw new NodeDefinitionError(`${where}: run must be a function`);
  if (typeof input.config?.safeParse !== 'function') throw new NodeDefinitionError(`${where}: config must be a zod schema`);
  if (Array.isArray(input.ports)) {
    const bad = input.ports.filter((p) => !portNameSchema.safeParse(p).success);
    if (bad.length > 0) throw new NodeDefinitionError(`${where}: invalid port names ${bad.join(', ')} (use lowercase words)`);
  }
}

/**
 * Defines a node type. The config type is inferred from the zod schema, so `run` gets a
 * typed, validated config with no casts.
 *
 * @example
 * export const greet = defineNode({
 *   type: 'acme.greet',
 *   version: 1,
 *   label: 'Greet',
 *   category: 'Messages',
 *   icon: 'hand',
 *   description: 'Says hello by name.',
 *   config: z.object({ greeting: z.string().default('Hello') }),
 *   ports: ['main', 'window_closed', 'failed'],
 *   sendsFreeForm: true,
 *   async run(ctx, config) {
 *     const body = `${config.greeting}, ${ctx.contact.profileName ?? 'there'}!`;
 *     const outcome = await ctx.whatsapp.send({ type: 'text', text: { body } });
 *     if (outcome.status === 'accepted') return { port: 'main', output: { wamid: outcome.wamid } };
 *     return { port: outcome.status === 'refused' && outcome.reason === 'window_closed' ? 'window_closed' : 'failed' };
 *   },
 * });
 * @throws NodeDefinitionError when the type, version, ports or schema are malformed.
 */
export function defineNode<C>(input: DefineNodeInput<C>): NodeDefinition<C> {
  checkInput(input);
  const declared = input.ports;
  const staticPorts = Array.isArray(declared) && !input.awaitsReply ? [...declared] : undefined;
  const ports = (config: C): string[] => {
    const own = typeof declared === 'function' ? declared(config) : [...declared];
    if (!input.awaitsReply) return own;
    return [...new Set([...replyPorts(input.awaitsReply(config)), ...own])];
  };
  return {
    kind: 'action',
    type: input.type,
    version: input.version,
    key: nodeKey(input),
    label: input.label,
    category: input.category,
    icon: input.icon,
    description: input.description,
    configSchema: input.config,
    ports,
    staticPorts,
    run: input.run,
    sendsFreeForm: input.sendsFreeForm,
    sendsTemplate: input.templates !== undefined,
    templates: input.templates,
    fallbackTemplate: input.fallbackTemplate,
    awaitsReply: input.awaitsReply,
  };
}
