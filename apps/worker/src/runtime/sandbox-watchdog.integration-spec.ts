import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { busyWorkflow } from '../__fixtures__/busy.workflow';
import { sandboxWatchdogStats, useSandboxWatchdog } from './sandbox-watchdog';

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const TURNS = 50_000_000;

/**
 * The patch against the real SDK and server: if the SDK stops starting its workflow threads
 * from the file the patch resolves, or stops passing `timeout` to its `vm` calls, or its calls
 * no longer go through the `vm` functions the patch wraps, this test fails.
 */
describe('sandbox watchdog with the real @temporalio/worker', () => {
  jest.setTimeout(120_000);

  it('takes over the workflow thread, removes the per-call timeouts and reports the long call instead', async () => {
    const reports: string[] = [];
    expect(useSandboxWatchdog('shared', { limitMs: 20, report: (m) => reports.push(m) })).toBe(true);
    const before = sandboxWatchdogStats();
    const taskQueue = `test-sandbox-watchdog-${randomUUID().slice(0, 8)}`;
    const connection = await NativeConnection.connect({ address });
    const clientConnection = await Connection.connect({ address });
    try {
      // `isolateExecutionTimeout` is not in the public `WorkerOptions` (the SDK fills in 5 s), but the SDK takes it.
      // With the SDK's per-call timeout, the busy activation would fail its workflow task (and retry until the execution timeout).
      const sdkOnly = { isolateExecutionTimeout: '20ms' } as Partial<WorkerOptions>;
      const worker = await Worker.create({
        connection,
        taskQueue,
        workflowsPath: require.resolve('../__fixtures__/busy.workflow'),
        ...sdkOnly,
      });
      const client = new Client({ connection: clientConnection });
      const result = await worker.runUntil(
        client.workflow.execute(busyWorkflow, { args: [TURNS], taskQueue, workflowId: taskQueue, workflowExecutionTimeout: '60s' }),
      );
      expect(result).toBe(await busyWorkflow(TURNS));
    } finally {
      await clientConnection.close();
      await connection.close();
    }
    const after = sandboxWatchdogStats();
    expect(after.threads).toBeGreaterThan(before.threads);
    expect(after.timeoutsRemoved).toBeGreaterThan(before.timeoutsRemoved);
    expect(reports).toContainEqual(expect.stringMatching(/^a call into the workflow sandbox has been running for \d+ ms/));
  });
});
