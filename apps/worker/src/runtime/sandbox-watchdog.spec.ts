import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkSdkShape, PATCHED_SDK_VERSION, shareSandboxWatchdog, useSandboxWatchdog, watchStamp } from './sandbox-watchdog';

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
    const stamp = new Float64Array(new SharedArrayBuffer(16));
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
    expect(stamp[1]).toBe(1);
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

  it("applies to no thread but the SDK's workflow threads", async () => {
    expect(useSandboxWatchdog('shared', { limitMs: 60_000 })).toBe(true);
    const root = mkdtempSync(join(tmpdir(), 'sandbox-watchdog-'));
    writeFileSync(join(root, 'other-thread.js'), `require('node:worker_threads').parentPort.postMessage(${busyWithTimeout(150, 20)});`);
    const other = new Promise((resolve, reject) => {
      const worker = new Worker(join(root, 'other-thread.js'));
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await expect(other).rejects.toThrow(/timed out/);
  });
});

/** A fake installed SDK: its package.json with `version`, and the workflow thread file unless `threadFile` is false. */
function fakeSdk(version: string, threadFile = true): (request: string) => string {
  const root = mkdtempSync(join(tmpdir(), 'sandbox-watchdog-sdk-'));
  const dir = join(root, 'node_modules', '@temporalio', 'worker');
  mkdirSync(join(dir, 'lib', 'workflow'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@temporalio/worker', version }));
  if (threadFile) writeFileSync(join(dir, 'lib', 'workflow', 'workflow-worker-thread.js'), '');
  return createRequire(join(root, 'index.js')).resolve;
}

describe('sandbox watchdog pin to @temporalio/worker', () => {
  it(`is pinned to the installed SDK (${PATCHED_SDK_VERSION}): on an upgrade, re-measure and re-check the patch (docs/adr/0001)`, () => {
    const check = checkSdkShape();
    expect(check).toEqual({ ok: true, shape: { version: PATCHED_SDK_VERSION, threadFile: expect.any(String) } });
    expect(check.ok && check.shape.threadFile).toBe(require.resolve('@temporalio/worker/lib/workflow/workflow-worker-thread'));
  });

  it('refuses another SDK version and says so', () => {
    const check = checkSdkShape(fakeSdk('1.25.0'));
    expect(check).toEqual({ ok: false, reason: '@temporalio/worker is 1.25.0, the patch is pinned to 1.24.0' });
    const reports: string[] = [];
    expect(useSandboxWatchdog('shared', { sdk: check, report: (m) => reports.push(m) })).toBe(false);
    expect(reports).toEqual([
      expect.stringMatching(/^sandbox watchdog NOT installed: @temporalio\/worker is 1\.25\.0.*per-call vm timeouts/),
    ]);
  });

  it('refuses an SDK whose workflow thread file moved', () => {
    expect(checkSdkShape(fakeSdk(PATCHED_SDK_VERSION, false))).toEqual({
      ok: false,
      reason: expect.stringContaining("the SDK's files are not where the patch expects them"),
    });
  });
});
