import { TestWorkflowEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createTimeSkippingEnvironment } from './temporal';

/**
 * createTimeSkippingEnvironment attaches the SDK's environment to a test server it launched,
 * through the SDK's private `TestWorkflowEnvironment.create` (docs/adr/0002). These tests fail
 * when @temporalio/testing changes that shape, before the workflow suites fail obscurely.
 */
describe('createTimeSkippingEnvironment (private TestWorkflowEnvironment.create, @temporalio/testing 1.24.0)', () => {
  it('still finds the private factory it relies on', () => {
    const manifest = join(dirname(require.resolve('@temporalio/testing')), '..', 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    expect(version).toBe('1.24.0');
    expect(typeof (TestWorkflowEnvironment as unknown as { create?: unknown }).create).toBe('function');
  });

  it('attaches with time skipping: a day of logical time passes in moments, and teardown closes it', async () => {
    const env = await createTimeSkippingEnvironment();
    try {
      expect(env.supportsTimeSkipping).toBe(true);
      const before = await env.currentTimeMs();
      const wall = Date.now();
      await env.sleep('1 day');
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(24 * 3600 * 1000);
      expect(Date.now() - wall).toBeLessThan(20_000);
    } finally {
      await env.teardown();
    }
    await expect(env.connection.workflowService.getSystemInfo({})).rejects.toThrow();
  });
});
