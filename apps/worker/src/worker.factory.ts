import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { loadConfig } from '@tandem/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { useSandboxWatchdog } from './runtime/sandbox-watchdog';

/** The prebuilt workflow bundle: WORKFLOW_BUNDLE_PATH, else the workflows project's build output. */
function prebuiltBundle(configured: string): { codePath: string } {
  // apps/worker/dist → repository root → workflows/dist (same layout in the Docker image).
  const codePath = configured || join(__dirname, '..', '..', '..', 'workflows', 'dist', 'workflow-bundle.js');
  if (!existsSync(codePath)) {
    throw new Error(`Workflow bundle not found at ${codePath}: run \`npx nx run workflows:build\` first`);
  }
  return { codePath };
}

export interface TandemWorker {
  worker: Worker;
  connection: NativeConnection;
}

/** Options of {@link createTandemWorker}: the activities to register, and any Temporal worker option (a `connection` to share). */
export type TandemWorkerOptions = Partial<WorkerOptions> & { activities: object };

/**
 * Connects to Temporal and creates the worker with the *prebuilt* workflow bundle: the
 * worker never bundles at start-up (that is slow and needs webpack at run time). Tests
 * pass `workflowBundle`/`workflowsPath` to run workflow sources.
 */
export async function createTandemWorker(options: TandemWorkerOptions): Promise<TandemWorker> {
  const cfg = loadConfig(['temporal', 'worker']);
  const fromTest = options.workflowBundle !== undefined || options.workflowsPath !== undefined;
  const workflowBundle = fromTest ? undefined : prebuiltBundle(cfg.WORKFLOW_BUNDLE_PATH);
  useSandboxWatchdog(cfg.WORKER_SANDBOX_WATCHDOG);
  const connection = options.connection ?? (await NativeConnection.connect({ address: cfg.TEMPORAL_ADDRESS }));
  const worker = await Worker.create({
    namespace: cfg.TEMPORAL_NAMESPACE,
    taskQueue: cfg.TEMPORAL_TASK_QUEUE,
    workflowBundle,
    ...options,
    connection,
  });
  return { worker, connection };
}
