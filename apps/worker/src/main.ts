import 'reflect-metadata';
import { createServer } from 'node:http';
import { loadConfig } from '@tandem/config';
import { startEngineEventConsumer } from '@tandem/db';
import { createActivities } from './activities/create-activities';
import { Dispatcher } from './dispatcher/dispatcher.service';
import { processOutput } from './runtime/output-redaction';
import { createWorkerRuntime } from './runtime/worker-runtime';
import { createTandemWorker } from './worker.factory';

async function main(): Promise<void> {
  // Before anything prints: credential values handed to nodes never reach the process output.
  processOutput.install(process.stdout);
  processOutput.install(process.stderr);
  const { WORKER_HEALTH_PORT } = loadConfig(['worker']);
  const { TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE } = loadConfig(['temporal']);
  const runtime = await createWorkerRuntime();
  // On SIGTERM, in-flight activities get 10 s to finish before they are cancelled (and retried elsewhere).
  const { worker } = await createTandemWorker({
    activities: createActivities(runtime.deps),
    connection: runtime.connection,
    shutdownGraceTime: '10 seconds',
  });
  // Runs answering inbound messages start eagerly: their first workflow task comes back with the start.
  const dispatcher = new Dispatcher({ ...runtime.deps, eagerStart: true });
  // Every replica dispatches: the consumer claims each contact's oldest pending event under a
  // lease, so replicas share the load while a contact's events still run one at a time, in order.
  const consumer = await startEngineEventConsumer(runtime.deps.dataSource, (event) => dispatcher.handle(event), {
    onError: (error, event) =>
      console.error(
        event ? `[dispatcher] event ${event.id} (${event.kind}) failed:` : '[dispatcher] engine event consumer:',
        error instanceof Error ? error.message : error,
      ),
  });
  const health = createServer((_req, res) => {
    const state = worker.getState();
    res.writeHead(state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ state, taskQueue: TEMPORAL_TASK_QUEUE, dispatcher: consumer.consumerId }));
  }).listen(WORKER_HEALTH_PORT, '127.0.0.1');
  console.log(`[worker] polling ${TEMPORAL_TASK_QUEUE} on ${TEMPORAL_ADDRESS} (health: http://127.0.0.1:${WORKER_HEALTH_PORT})`);
  try {
    await worker.run(); // resolves after SIGINT/SIGTERM (the SDK handles them), once in-flight tasks finish
  } finally {
    health.close();
    await consumer.close();
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  console.error('[worker] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
