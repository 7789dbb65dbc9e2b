import { matchReply, REPLY_TIMEOUT_PORT } from '@tandem/journey-model';
import { invokeNode } from '../invoke-node';
import type { NodeDefinition } from '../node-definition.types';
import type { RunNodeOptions, RunNodeResult } from './harness.types';
import { createTestContext } from './test-context';

/**
 * Runs a node the way the engine does, against an in-memory context, and returns what it
 * did. The config is validated with the node's schema first (an invalid config rejects
 * with `NodeConfigError`). WhatsApp sends follow the production rules unless stubbed.
 *
 * @example
 * const result = await runNode(crmLookup, {
 *   config: { baseUrl: 'https://crm.example.com', credential: 'crm' },
 *   credentials: { crm: { token: 't0k3n' } },
 *   httpResponses: [{ status: 200, body: { plan: 'pro' } }],
 * });
 * expect(result.port).toBe('found');
 * expect(result.contactChanges).toEqual([{ op: 'setAttribute', key: 'plan', value: 'pro' }]);
 */
export async function runNode<C>(def: NodeDefinition<C>, options: RunNodeOptions): Promise<RunNodeResult> {
  const { ctx, recording } = createTestContext(options);
  const invocation = await invokeNode(def, ctx, options.config);
  if ('port' in invocation) return { ...recording, port: invocation.port, output: invocation.output, variables: invocation.variables };
  const reply = options.reply;
  const port = reply === undefined ? undefined : reply === 'timeout' ? REPLY_TIMEOUT_PORT : matchReply(invocation.awaitReply, reply);
  return { ...recording, port, output: invocation.output, variables: invocation.variables, awaitReply: invocation.awaitReply };
}
