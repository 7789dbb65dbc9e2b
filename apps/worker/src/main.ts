import 'reflect-metadata';
import { createServer } from 'node:http';
import { loadConfig } from '@tandem/config';
import { createTandemWorker } from './worker.factory';

async function main(): Promise<void> {
  const { WORKER_HEALTH_PORT } = loadConfig(['worker']);
  const { TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE } = loadConfig(['temporal']);
  const { worker, connection } = await createTandemWorker();
  const health = createServer((_req, res) => {
    const state = worker.getState();
    res.writeHead(state === 'RUNNING' ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ state, taskQueue: TEMPORAL_TASK_QUEUE }));
  }).listen(WORKER_HEALTH_PORT, '127.0.0.1');
  console.log(`[worker] polling ${TEMPORAL_TASK_QUEUE} on ${TEMPORAL_ADDRESS} (health: http://127.0.0.1:${WORKER_HEALTH_PORT})`);
  try {
    await worker.run(); // resolves after SIGINT/SIGTERM, which the SDK handles
  } finally {
    health.close();
    await connection.close();
  }
}

main().catch((err: unknown) => {
  console.error('[worker] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
