import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { rawActivities } from './raw.activities';

export interface RawRuntime {
  client: Client;
  taskQueue: string;
  stop(): Promise<void>;
}

/** A minimal Temporal worker + client for the raw baselines, on its own task queue. */
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
  const connection = await Connection.connect({ address: opts.address });
  return {
    client: new Client({ connection }),
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
    },
  };
}
