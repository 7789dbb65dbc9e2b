import { Client, Connection, type WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { JourneyDocument } from '@tandem/journey-model';
import { createTimeSkippingEnvironment } from '@tandem/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { journeyWorkflow, type JourneyRunInput, type RunTrigger } from '../index';
import { FakeEngine } from './fake-engine';

const ADDRESS = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle built from sources, once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: join(__dirname, '..', 'index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  return bundle;
}

/**
 * A worker on a unique task queue, running the interpreter against a {@link FakeEngine}:
 * on the real dev server, or with `timeSkipping` on a test server of its own where timers
 * fire as soon as the test awaits a result and nothing else is pending.
 */
export interface WorkflowHarness {
  engine: FakeEngine;
  client: Client;
  taskQueue: string;
  /** The server's current time, epoch ms (ahead of the wall clock once time was skipped). */
  now(): Promise<number>;
  /** Lets `ms` pass on the server's clock: at once when time-skipping, in real time otherwise. */
  sleep(ms: number): Promise<void>;
  start(
    document: JourneyDocument,
    options?: Partial<JourneyRunInput>,
  ): Promise<WorkflowHandleWithFirstExecutionRunId<typeof journeyWorkflow>>;
  close(): Promise<void>;
}

export const TRIGGER: RunTrigger = { kind: 'message.received', eventId: 'evt-1', text: 'hi' };

export async function createWorkflowHarness(name: string, options: { timeSkipping?: boolean } = {}): Promise<WorkflowHarness> {
  const engine = new FakeEngine();
  const taskQueue = `test-${name}-${randomUUID().slice(0, 8)}`;
  const env = options.timeSkipping ? await createTimeSkippingEnvironment() : undefined;
  const nativeConnection = env?.nativeConnection ?? (await NativeConnection.connect({ address: ADDRESS }));
  const worker = await Worker.create({
    connection: nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities: engine.activities(),
  });
  const running = worker.run();
  const connection = env ? undefined : await Connection.connect({ address: ADDRESS });
  const client = env?.client ?? new Client({ connection });
  return {
    engine,
    client,
    taskQueue,
    now: async () => (env ? env.currentTimeMs() : Date.now()),
    sleep: (ms) => (env ? env.sleep(ms) : new Promise((r) => setTimeout(r, ms))),
    async start(document, options = {}) {
      const journeyId = options.journeyId ?? `journey-${randomUUID().slice(0, 8)}`;
      engine.documents.set(journeyId, document);
      const input: JourneyRunInput = { version: 1, contactId: 'contact-1', numberId: 'number-1', trigger: TRIGGER, ...options, journeyId };
      return client.workflow.start(journeyWorkflow, { taskQueue, workflowId: `wf-${randomUUID()}`, args: [input] });
    },
    async close() {
      worker.shutdown();
      await running;
      if (env) return env.teardown();
      await connection?.close();
      await nativeConnection.close();
    },
  };
}

/** Polls until `predicate` holds (signals must arrive while the run waits, not before). */
export async function eventually(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
