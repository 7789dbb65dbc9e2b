import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

const TEST_SERVER_VERSION = '1.31.0';

/**
 * Launcher of Temporal's Java test server, installed by `npm test` (scripts/lib.sh,
 * `ensure_temporal_test_server`) into the cache: `$TEMPORAL_TEST_SERVER`, else its place
 * in `${TANDEM_CACHE_DIR:-~/.cache/tandem}`.
 */
export function temporalTestServerPath(): string {
  const path =
    process.env.TEMPORAL_TEST_SERVER ??
    join(
      process.env.TANDEM_CACHE_DIR ?? join(homedir(), '.cache', 'tandem'),
      `temporal-test-server-${TEST_SERVER_VERSION}`,
      'temporal-test-server',
    );
  if (!existsSync(path)) {
    throw new Error(
      `Temporal's test server is not installed at ${path}: run \`npm test\` once, or \`bash scripts/temporal-test-server.sh\`.`,
    );
  }
  return path;
}

/**
 * A Temporal test server of its own, with time skipping: while a test awaits a workflow's
 * result, timers fire as soon as nothing else is pending, so a journey that waits a day is
 * tested as configured, in a second. The SDK's own download is never used (no network).
 * @example
 * const env = await createTimeSkippingEnvironment();
 * const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
 * await worker.runUntil(env.client.workflow.execute(journeyWorkflow, { taskQueue, workflowId, args }));
 * await env.teardown();
 */
export function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}
