import { z } from 'zod';
import { durationSchema, portNameSchema } from '../document/common.schema';
import { keywordModeSchema } from '../document/trigger.schema';
import { defineFlowNode } from './define-flow-node.util';

import { REPLY_OTHER_PORT, REPLY_TIMEOUT_PORT } from './flow-ports';

export { REPLY_OTHER_PORT, REPLY_TIMEOUT_PORT };

/** Names of run variables (`vars.<name>`). */
export const variableNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and `_`, not starting with a digit');

/**
 * What a branch reacts to:
 * - `choice`: the id of a tapped interactive button or list row, or the payload of a
 *   template quick-reply button;
 * - `keyword`: the reply text (normalised, see `matchesKeyword`);
 * - `any`: any reply.
 */
export const replyMatchSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), ids: z.array(z.string().min(1).max(256)).min(1).max(10) }),
  z.strictObject({
    kind: z.literal('keyword'),
    keywords: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    mode: keywordModeSchema.default('exact'),
  }),
  z.strictObject({ kind: z.literal('any') }),
]);

/** A reply branch: the first branch (in order) whose `match` fits takes its `port`. Several branches may share a port. */
export const replyBranchSchema = z.strictObject({ port: portNameSchema, match: replyMatchSchema });

/** A reply branch. */
export type ReplyBranch = z.infer<typeof replyBranchSchema>;

/**
 * Config of `core.wait-for-reply@1`, also used by action nodes that ask a question
 * (`awaitsReply`). Ports: each distinct branch port, then `other` (a reply no branch
 * matched), then `timeout`. `saveReplyAs` stores the reply text in `vars.<name>`.
 */
export const waitForReplyConfigSchema = z
  .strictObject({
    timeout: durationSchema.default({ amount: 24, unit: 'hours' }),
    branches: z.array(replyBranchSchema).max(20).default([]),
    saveReplyAs: variableNameSchema.optional(),
  })
  .superRefine((config, ctx) => {
    config.branches.forEach((branch, index) => {
      if (branch.port === REPLY_OTHER_PORT || branch.port === REPLY_TIMEOUT_PORT) {
        ctx.addIssue({ code: 'custom', path: ['branches', index, 'port'], message: `"${branch.port}" is a reserved port name` });
      }
    });
  });

/** Config of a reply wait. */
export type WaitForReplyConfig = z.infer<typeof waitForReplyConfigSchema>;

/**
 * Ports of a reply wait: distinct branch ports in order, `other`, `timeout`.
 * @example replyPorts({ timeout, branches: [{ port: 'yes', match }, { port: 'no', match }] }) // ['yes', 'no', 'other', 'timeout']
 */
export function replyPorts(config: Pick<WaitForReplyConfig, 'branches'>): string[] {
  const branchPorts = [...new Set(config.branches.map((b) => b.port))];
  return [...branchPorts, REPLY_OTHER_PORT, REPLY_TIMEOUT_PORT];
}

/** `core.wait-for-reply@1`: pauses until the contact replies, then branches on the reply. */
export const waitForReplySpec = defineFlowNode({
  type: 'core.wait-for-reply',
  version: 1,
  label: 'Wait for reply',
  category: 'Flow',
  icon: 'message-circle-reply',
  description: 'Waits for the contact to reply and branches by tapped button, keyword or any reply; `timeout` if no reply arrives in time.',
  configSchema: waitForReplyConfigSchema,
  ports: (config) => replyPorts(config),
  awaitsReply: (config) => config,
});
