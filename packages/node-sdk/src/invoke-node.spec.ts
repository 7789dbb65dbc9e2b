import { z } from 'zod';
import { defineNode } from './define-node';
import { invokeNode, MAX_OUTPUT_BYTES } from './invoke-node';
import { isNodeError, NodeConfigError, NonRetryableNodeError } from './node-errors';
import type { NodeResult } from './node-definition.types';
import { createTestContext } from './testing/test-context';

const nodeReturning = (result: NodeResult, extra: { awaitsReply?: boolean } = {}) =>
  defineNode({
    type: 'test.node',
    version: 1,
    label: 'Test',
    category: 'Test',
    icon: 'box',
    description: 'Returns a canned result.',
    config: z.object({ limit: z.number().int().min(1) }),
    ports: ['main', 'error'],
    ...(extra.awaitsReply ? { awaitsReply: () => ({ timeout: { amount: 1, unit: 'hours' as const }, branches: [] }) } : {}),
    run: async () => result,
  });

const ctx = () => createTestContext({ config: {} }).ctx;

describe('invokeNode', () => {
  it('returns the port, JSON output and variables', async () => {
    const when = new Date('2025-01-01T00:00:00Z');
    const node = nodeReturning({ port: 'main', output: { when, skip: undefined }, variables: { order: { id: 7 } } });
    await expect(invokeNode(node, ctx(), { limit: 3 })).resolves.toEqual({
      port: 'main',
      output: { when: '2025-01-01T00:00:00.000Z' },
      variables: { order: { id: 7 } },
    });
  });

  it('rejects an invalid config with every problem and its path', async () => {
    const error = await invokeNode(nodeReturning({ port: 'main' }), ctx(), { limit: 0, extra: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeConfigError);
    expect((error as NodeConfigError).problems).toEqual([{ path: ['limit'], message: expect.stringContaining('>=1') }]);
    expect((error as Error).message).toMatch(/^test\.node@1: invalid config \(limit: /);
  });

  test.each<[string, NodeResult, boolean, string]>([
    ['an undeclared port', { port: 'found' }, false, 'returned port "found", which it does not declare (main, error)'],
    ['a reply wait it does not declare', { awaitReply: true }, false, 'does not declare awaitsReply'],
    ['variables that are not an object', { port: 'main', variables: ['x'] as never }, false, 'variables must be an object'],
    ['an oversized output', { port: 'main', output: 'x'.repeat(MAX_OUTPUT_BYTES) }, false, 'more than 262144'],
  ])('fails the step on %s', async (_name, result, awaitsReply, message) => {
    const error = await invokeNode(nodeReturning(result, { awaitsReply }), ctx(), { limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableNodeError);
    expect((error as Error).message).toContain(message);
    expect(isNodeError(error) && error.kind).toBe('non_retryable');
  });

  it('hands the reply wait to the interpreter', async () => {
    const result = await invokeNode(nodeReturning({ awaitReply: true, output: { wamid: 'w1' } }, { awaitsReply: true }), ctx(), {
      limit: 1,
    });
    expect(result).toEqual({ awaitReply: { timeout: { amount: 1, unit: 'hours' }, branches: [] }, output: { wamid: 'w1' }, variables: {} });
  });
});
