import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { shareSandboxWatchdog, useSandboxWatchdog, watchStamp } from './sandbox-watchdog';

/** A script that keeps the thread busy for `ms`, run with a much shorter vm `timeout`. */
const busyWithTimeout = (ms: number, timeout: number) =>
  `new (require('node:vm').Script)('const end = Date.now() + ${ms}; while (Date.now() < end) {} "done"').runInContext(require('node:vm').createContext({}), { timeout: ${timeout} })`;

function runThread(code: string, options: ConstructorParameters<typeof Worker>[1] = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, ...options });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('sandbox watchdog', () => {
  it('runs vm calls without their per-call timeout and stamps the running call for the main thread', async () => {
    const stamp = new Float64Array(new SharedArrayBuffer(8));
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(stamp[0]), 5);
    const result = await runThread(
      `(${shareSandboxWatchdog.toString()})(require('node:vm'), require('node:worker_threads').workerData.stamp);
       require('node:worker_threads').parentPort.postMessage(${busyWithTimeout(150, 20)});`,
      { workerData: { stamp } },
    );
    clearInterval(poll);
    expect(result).toBe('done');
    expect(seen.some((s) => s > 0)).toBe(true);
    expect(stamp[0]).toBe(0);
  });

  it('without it, the same call hits the timeout (what the stock watchdog does)', async () => {
    await expect(runThread(`require('node:worker_threads').parentPort.postMessage(${busyWithTimeout(150, 20)});`)).rejects.toThrow(
      /timed out/,
    );
  });

  it('reports a call running past the limit once, naming how long it has run', async () => {
    const stamp = new Float64Array(new SharedArrayBuffer(8));
    const reports: string[] = [];
    const stop = watchStamp(stamp, 100, (m) => reports.push(m));
    stamp[0] = Date.now() - 1_000;
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/running for \d+ ms: a workflow is not yielding/);
  });

  it("applies to threads running the SDK's workflow-worker-thread file, and to no other thread", async () => {
    const root = mkdtempSync(join(tmpdir(), 'sandbox-watchdog-'));
    const dir = join(root, 'node_modules', '@temporalio', 'worker', 'lib', 'workflow');
    mkdirSync(dir, { recursive: true });
    const body = `require('node:worker_threads').parentPort.postMessage(${busyWithTimeout(150, 20)});`;
    writeFileSync(join(dir, 'workflow-worker-thread.js'), body);
    writeFileSync(join(root, 'other-thread.js'), body);
    useSandboxWatchdog('shared', 60_000);
    const sdkThread = new Promise((resolve, reject) => {
      const worker = new Worker(join(dir, 'workflow-worker-thread.js'));
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await expect(sdkThread).resolves.toBe('done');
    const other = new Promise((resolve, reject) => {
      const worker = new Worker(join(root, 'other-thread.js'));
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await expect(other).rejects.toThrow(/timed out/);
  });
});
