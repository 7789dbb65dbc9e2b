import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WorkerOptions } from 'node:worker_threads';

/*
 * A contained patch of @temporalio/worker — why, what it gives up and how to remove it:
 * docs/adr/0001-sandbox-watchdog.md. Everything that touches the SDK is in this file.
 *
 * - `per-call` (Temporal's behaviour): every call into a workflow's V8 context passes
 *   `timeout: isolateExecutionTimeout` to `vm`; Node starts a watchdog thread for each such
 *   call and joins it afterwards (nodejs/node#47739). Under load the joins stall the one
 *   workflow thread every activation passes through. No worker option avoids it: the SDK
 *   always passes a timeout (`debugMode` only raises it) and `vm` refuses 0.
 * - `shared` (Tandem's default): in the SDK's workflow threads the calls run without the
 *   per-call timeout; each thread stamps when its current call began in memory shared with
 *   the main thread, where one timer reports a call still running after the limit. It
 *   reports, it cannot interrupt: Tandem's sandbox runs only its own bounded interpreter.
 */
export type SandboxWatchdog = 'per-call' | 'shared';

/** The one @temporalio/worker version this patch was measured and tested against. */
export const PATCHED_SDK_VERSION = '1.24.0';

const sdkRequire = createRequire(__filename);
// The module object itself (an ES import would give an interop copy): its `Worker` is what the SDK constructs.
const workerThreads = sdkRequire('node:worker_threads') as typeof import('node:worker_threads');

/** What the patch relies on in the installed SDK, read from the SDK's own files. */
export interface SdkShape {
  version: string;
  /** Absolute path of the file each workflow thread runs (`ThreadedVMWorkflowCreator` starts it). */
  threadFile: string;
}

export type SdkCheck = { ok: true; shape: SdkShape } | { ok: false; reason: string };

/** The installed SDK's shape, or why the patch must not be installed on it (`resolve`: the SDK's files, for tests). */
export function checkSdkShape(resolve: (request: string) => string = sdkRequire.resolve): SdkCheck {
  let version: string;
  let threadFile: string;
  try {
    const manifest = resolve('@temporalio/worker/package.json');
    version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    threadFile = resolve('@temporalio/worker/lib/workflow/workflow-worker-thread.js');
  } catch (error) {
    return { ok: false, reason: `the SDK's files are not where the patch expects them (${(error as Error).message})` };
  }
  if (version !== PATCHED_SDK_VERSION) {
    return { ok: false, reason: `@temporalio/worker is ${version}, the patch is pinned to ${PATCHED_SDK_VERSION}` };
  }
  return existsSync(threadFile) ? { ok: true, shape: { version, threadFile } } : { ok: false, reason: `${threadFile} is missing` };
}

/**
 * Runs in a workflow thread before the SDK's code: `vm` calls lose their `timeout`; the
 * outermost running call's start time (epoch ms, 0 when idle) is kept in `stamp[0]` and the
 * number of calls that arrived with a `timeout` in `stamp[1]` (the shape test reads it).
 * Self-contained — it is serialised into the thread's bootstrap — so it uses only its arguments.
 */
export function shareSandboxWatchdog(vm: typeof import('node:vm'), stamp: Float64Array): void {
  let depth = 0;
  const withoutTimeout = <O>(options: O): O => {
    if (options === null || typeof options !== 'object' || !('timeout' in options)) return options;
    stamp[1]++;
    const copy = Object.assign({}, options) as O & { timeout?: number };
    delete copy.timeout;
    return copy;
  };
  const stamped = <R>(call: () => R): R => {
    if (depth++ === 0) stamp[0] = Date.now();
    try {
      return call();
    } finally {
      if (--depth === 0) stamp[0] = 0;
    }
  };
  const scriptRun = vm.Script.prototype.runInContext;
  vm.Script.prototype.runInContext = function (this: import('node:vm').Script, context, options) {
    return stamped(() => scriptRun.call(this, context, withoutTimeout(options)));
  };
  const run = vm.runInContext;
  vm.runInContext = function (code, context, options) {
    return stamped(() => run.call(vm, code, context, typeof options === 'string' ? options : withoutTimeout(options)));
  } as typeof vm.runInContext;
}

/** Reports, once per call, a call stamped in `stamp` that has been running for `limitMs` or more. */
export function watchStamp(stamp: Float64Array, limitMs: number, report: (message: string) => void): () => void {
  let reportedFor = 0;
  const timer = setInterval(
    () => {
      const since = stamp[0];
      if (since === 0 || since === reportedFor || Date.now() - since < limitMs) return;
      reportedFor = since;
      report(
        `a call into the workflow sandbox has been running for ${Date.now() - since} ms: a workflow is not yielding (interpreter bug?)`,
      );
    },
    Math.max(50, Math.floor(limitMs / 5)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The patch's state, kept on the `node:worker_threads` module object: one per process, however
 * many module registries load this file (Jest gives each test file its own).
 */
interface WatchdogState {
  limitMs: number;
  report: (message: string) => void;
  /** One per workflow thread taken over. */
  stamps: Float64Array[];
}

const STATE = Symbol.for('tandem.sandbox-watchdog');
const threads = workerThreads as { Worker: typeof workerThreads.Worker } & { [STATE]?: WatchdogState };

/** Workflow threads the patch took over so far in this process, and the SDK `vm` calls whose `timeout` it removed. */
export function sandboxWatchdogStats(): { threads: number; timeoutsRemoved: number } {
  const stamps = threads[STATE]?.stamps ?? [];
  return { threads: stamps.length, timeoutsRemoved: stamps.reduce((sum, s) => sum + s[1], 0) };
}

export interface WatchdogOptions {
  /** How long a call may run before it is reported (default 5 s, the SDK's own default limit). */
  limitMs?: number;
  report?: (message: string) => void;
  /** The SDK check to trust (default: {@link checkSdkShape} of the installed SDK); for tests. */
  sdk?: SdkCheck;
}

function install(threadFile: string, state: WatchdogState): void {
  threads[STATE] = state;
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(filename: string | URL, options?: WorkerOptions) {
      if (options?.eval || filename !== threadFile) {
        super(filename, options);
        return;
      }
      const stamp = new Float64Array(new SharedArrayBuffer(2 * Float64Array.BYTES_PER_ELEMENT));
      state.stamps.push(stamp);
      const bootstrap =
        `(${shareSandboxWatchdog.toString()})(require('node:vm'), require('node:worker_threads').workerData.tandemSandboxStamp);\n` +
        `require(${JSON.stringify(threadFile)});`;
      super(bootstrap, { ...options, eval: true, workerData: { tandemSandboxStamp: stamp } });
      this.once(
        'exit',
        watchStamp(stamp, state.limitMs, (m) => state.report(m)),
      );
    }
  };
}

/**
 * Makes the SDK's workflow threads created after this call (by `Worker.create`) use the
 * given guard. `per-call` changes nothing; so does an SDK other than the pinned version
 * (reported through `report`). Installs once per process; a later call sets the limit and
 * report for threads created after it. Call before creating workers. Returns whether the
 * shared watchdog is in place.
 */
export function useSandboxWatchdog(mode: SandboxWatchdog, options: WatchdogOptions = {}): boolean {
  if (mode === 'per-call') return false;
  const { limitMs = 5_000, report = (m: string) => console.error(`[worker] ${m}`), sdk = checkSdkShape() } = options;
  if (!sdk.ok) {
    report(
      `sandbox watchdog NOT installed: ${sdk.reason}. Workflow threads keep Temporal's per-call vm timeouts ` +
        `(slower under load); check the patch against the new SDK, see docs/adr/0001-sandbox-watchdog.md`,
    );
    return false;
  }
  const state = threads[STATE];
  if (state) Object.assign(state, { limitMs, report });
  else install(sdk.shape.threadFile, { limitMs, report, stamps: [] });
  return true;
}
