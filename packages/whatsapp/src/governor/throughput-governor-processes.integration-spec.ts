import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { maxInWindow } from '../__fixtures__/arrival-windows';
import type { GovernorWorkerArgs, GovernorWorkerGrant } from '../__fixtures__/governor-worker';

// The production clock across real processes: the schedule lives in Redis on Redis's TIME,
// whatever each process's clock says. Exact slot times are proven on a logical clock in
// throughput-governor.integration-spec.ts; achieved rates are measured by `npm run bench:governor`.
jest.setTimeout(30_000);

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:whatsapp-governor-processes:${process.pid}:${Date.now()}`;
const WORKER = join(__dirname, '..', '__fixtures__', 'governor-worker.ts');

const redis = new Redis(REDIS_URL);
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

const maxInAnySecond = (times: number[]) => maxInWindow(times, 1000);

/** Forks a worker; resolves with a `go` for it once it is ready, then with its grants. */
function startWorker(args: GovernorWorkerArgs): Promise<{ go(): Promise<GovernorWorkerGrant[]> }> {
  const child = fork(WORKER, [JSON.stringify(args)], { execArgv: ['-r', '@swc-node/register'], stdio: 'inherit' });
  children.push(child);
  return new Promise((ready, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
    child.once('message', () =>
      ready({
        go: () =>
          new Promise((done, fail) => {
            child.once('message', (message) => done((message as { grants: GovernorWorkerGrant[] }).grants));
            child.once('exit', (code) => code !== 0 && fail(new Error(`worker exited with ${code}`)));
            child.send('go');
          }),
      }),
    );
  });
}

test('3 processes at cap 20 on the system clock: every process sends, no two slots closer than 1/cap, no second over the cap', async () => {
  const cap = 20;
  const args: GovernorWorkerArgs = {
    redisUrl: REDIS_URL,
    keyPrefix: PREFIX,
    phoneNumberId: 'pn-multi',
    capPerSecond: cap,
    grantsPerLoop: 6,
    concurrency: 2,
  };
  const workers = await Promise.all([startWorker(args), startWorker(args), startWorker(args)]);
  const grants = (await Promise.all(workers.map((w) => w.go()))).flat();
  expect(grants).toHaveLength(36);
  expect(new Set(grants.map((g) => g.pid)).size).toBe(3);
  const times = grants.map((g) => g.grantedAt).sort((a, b) => a - b);
  expect(maxInAnySecond(times)).toBeLessThanOrEqual(cap);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / cap);
});
