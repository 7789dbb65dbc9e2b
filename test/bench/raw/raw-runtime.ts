import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { rawActivities } from './raw.activities';

export interface RawRuntime {
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * A minimal Temporal worker + client for the raw baselines, on its own task queue, set up as
 * Tandem's worker is: a prebuilt bundle (bundled once before the measurement) and the client
 * on the worker's own connection, so starts can ask for eager execution.
 */
export async function startRawRuntime(opts: {
  address: string;
  graphUrl: string;
  phoneNumberId: string;
  token: string;
}): Promise<RawRuntime> {
  const taskQueue = `bench-raw-${process.pid}-${Date.now()}`;
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: join(__dirname, 'raw.workflows.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  const nativeConnection = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle,
    activities: rawActivities(opts.graphUrl, opts.phoneNumberId, opts.token),
  });
  const running = worker.run();
  return {
    client: new Client({ connection: nativeConnection }),
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await nativeConnection.close();
    },
  };
}
