import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';

const TEST_SERVER_VERSION = '1.31.0';

/**
 * How long the Java test server may take to listen. The SDK's own launcher gives any server
 * 5 s, which a JVM on a busy two-core machine (CI runs two Nx tasks at once) overruns: the
 * start then fails and with it every test of the file.
 */
const STARTUP_DEADLINE_MS = 45_000;

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

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once the server listens on `port`; rejects if it exits first or misses the deadline. */
async function listening(server: ChildProcess, port: number, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  while (!(await accepts(port))) {
    if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`Temporal's test server exited (${server.exitCode ?? server.signalCode}) before listening: ${output()}`);
    }
    if (Date.now() > deadline) throw new Error(`Temporal's test server did not listen on ${port} within ${STARTUP_DEADLINE_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stop(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}

// `createTimeSkipping` launches the server itself, with the 5 s limit above; `create` is the
// SDK's way to attach to a server that is already up, here one we launched, with time skipping.
type AttachOptions = { server: { type: 'existing' }; address: string; supportsTimeSkipping: true };
const attach = (TestWorkflowEnvironment as unknown as { create(options: AttachOptions): Promise<TestWorkflowEnvironment> }).create;

/**
 * A Temporal test server of its own, with time skipping: while a test awaits a workflow's
 * result, timers fire as soon as nothing else is pending, so a journey that waits a day is
 * tested as configured, in a second. The SDK's own download is never used (no network).
 * The server is launched here and waited for as long as a JVM needs on a loaded machine;
 * `teardown()` stops it.
 * @example
 * const env = await createTimeSkippingEnvironment();
 * const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
 * await worker.runUntil(env.client.workflow.execute(journeyWorkflow, { taskQueue, workflowId, args }));
 * await env.teardown();
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const path = temporalTestServerPath();
  const port = await freePort();
  const server = spawn(path, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.once('error', (error) => {
    stderr += `\n${error.message}`;
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2_000);
  });
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await listening(server, port, () => stderr);
    const env = await attach.call(TestWorkflowEnvironment, {
      server: { type: 'existing' },
      address: `127.0.0.1:${port}`,
      supportsTimeSkipping: true,
    });
    const teardown = env.teardown.bind(env);
    env.teardown = async () => {
      await teardown();
      await stop(server);
      process.off('exit', killOnExit);
    };
    return env;
  } catch (error) {
    await stop(server);
    process.off('exit', killOnExit);
    throw error;
  }
}
