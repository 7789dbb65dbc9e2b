import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { pingWorkflow } from '@tandem/workflows';
import { loadConfig } from '@tandem/config';
import { join } from 'node:path';
import { createTandemWorker } from './worker.factory';

jest.setTimeout(60_000);

describe('worker on the real Temporal dev server', () => {
  const { TEMPORAL_ADDRESS } = loadConfig(['temporal']);
  const taskQueue = `test-ping-${process.pid}-${Date.now()}`;

  it('runs a workflow with an activity to completion', async () => {
    // Tests bundle from source; the production worker loads the prebuilt bundle.
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: join(__dirname, '../../../workflows/src/index.ts'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
    });
    const { worker, connection } = await createTandemWorker({ taskQueue, workflowBundle });
    const clientConnection = await Connection.connect({ address: TEMPORAL_ADDRESS });
    const client = new Client({ connection: clientConnection });
    try {
      const result = await worker.runUntil(
        client.workflow.execute(pingWorkflow, { taskQueue, workflowId: `ping-${taskQueue}`, args: ['hello'] }),
      );
      expect(result).toMatch(/^pong: hello \(from .+:\d+\)$/);
      const described = await client.workflow.getHandle(`ping-${taskQueue}`).describe();
      expect(described.status.name).toBe('COMPLETED');
    } finally {
      await clientConnection.close();
      await connection.close();
    }
  });
});
