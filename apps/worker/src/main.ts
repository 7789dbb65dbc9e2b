import 'reflect-metadata';
import { createServer } from 'node:http';
import { loadConfig } from '@tandem/config';
import { subscribeEngineEvents } from '@tandem/db';
import { createActivities } from './activities/create-activities';
import { LeaderElection } from './dispatcher/dispatcher-leader';
import { Dispatcher } from './dispatcher/dispatcher.service';
import { createWorkerRuntime } from './runtime/worker-runtime';
import { createTandemWorker } from './worker.factory';

async function main(): Promise<void> {
  const { WORKER_HEALTH_PORT } = loadConfig(['worker']);
  const { TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE } = loadConfig(['temporal']);
  const { QUEUE_PREFIX } = loadConfig(['redis']);
  const runtime = await createWorkerRuntime();
  // On SIGTERM, in-flight activities get 10 s to finish before they are cancelled (and retried elsewhere).
  const { worker } = await createTandemWorker({
    activities: createActivities(runtime.deps),
    connection: runtime.connection,
    shutdownGraceTime: '10 seconds',
  });
  // Runs answering inbound messages start eagerly: their first workflow task comes back with the start.
  const dispatcher = new Dispatcher({ ...runtime.deps, eagerStart: true });
  // One dispatcher per deployment: per-contact event order needs a single consumer.
  const leader = new LeaderElection(runtime.deps.redis, `${QUEUE_PREFIX}:dispatcher-leader`, {
    start: async () => {
      console.log('[worker] dispatching engine events');
      const subscription = await subscribeEngineEvents((event) => dispatcher.handle(event), {
        onError: (error, event) =>
          console.error(`[dispatcher] event ${event.id} (${event.kind}) failed:`, error instanceof Error ? error.message : error),
      });
      return { stop: () => subscription.close() };
    },
  });
  await leader.begin();
  const health = createServer((_req, res) => {
    const state = worker.getState();
    res.writeHead(state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ state, taskQueue: TEMPORAL_TASK_QUEUE, dispatcher: leader.isLeader }));
  }).listen(WORKER_HEALTH_PORT, '127.0.0.1');
  console.log(`[worker] polling ${TEMPORAL_TASK_QUEUE} on ${TEMPORAL_ADDRESS} (health: http://127.0.0.1:${WORKER_HEALTH_PORT})`);
  try {
    await worker.run(); // resolves after SIGINT/SIGTERM (the SDK handles them), once in-flight tasks finish
  } finally {
    health.close();
    await leader.close();
    await runtime.close();
  }
}

main().catch((err: unknown) => {
  console.error('[worker] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
