import { createRequire } from 'node:module';
import type { WorkerOptions } from 'node:worker_threads';

// The module object itself (an ES import would give an interop copy): its `Worker` is what the SDK constructs.
const workerThreads = createRequire(__filename)('node:worker_threads') as typeof import('node:worker_threads');

/**
 * How calls into the workflow sandbox are guarded against a workflow that never yields.
 *
 * - `per-call` (Temporal's default): every call into a workflow's V8 context passes
 *   `timeout: isolateExecutionTimeout` to `vm`, and Node implements that by starting a
 *   watchdog thread for the call and joining it afterwards. A journey run makes about
 *   twenty such calls; on a busy machine each join waits for the watchdog thread to be
 *   scheduled, and the workflow thread — through which every activation of every run
 *   passes — falls behind (bench:reply at 20 inbound/s: p50 0.5–1.5 s instead of 0.1–0.5 s).
 * - `shared` (Tandem's default): the calls run without a per-call timeout. Each workflow
 *   thread stamps when its current call began in memory shared with the worker's main
 *   thread, and one timer there reports a call still running after the limit. It cannot
 *   interrupt the call — Node offers that only through the per-call watchdog. Tandem's
 *   workflow code is its own interpreter: graph walks are bounded (`MAX_STEPS`), conditions
 *   use a bounded evaluator, and custom nodes run as activities, never in the sandbox, so a
 *   call that never returns would be an interpreter bug, which the report makes visible.
 */
export type SandboxWatchdog = 'per-call' | 'shared';

/** The SDK file each workflow thread runs (`ThreadedVMWorkflowCreator`). */
const WORKFLOW_THREAD = /@temporalio[\\/]worker[\\/]lib[\\/]workflow[\\/]workflow-worker-thread(\.js)?$/;

const INSTALLED = Symbol.for('tandem.sandbox-watchdog');

/**
 * Runs in a workflow thread before the SDK's code: `vm` calls lose their `timeout`, and the
 * outermost running call's start time (epoch ms, 0 when idle) is kept in `stamp[0]`.
 * Self-contained — it is serialised into the thread's bootstrap — so it uses only its arguments.
 */
export function shareSandboxWatchdog(vm: typeof import('node:vm'), stamp: Float64Array): void {
  let depth = 0;
  const withoutTimeout = <O>(options: O): O => {
    if (options === null || typeof options !== 'object' || !('timeout' in options)) return options;
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
 * Makes the SDK's workflow threads created after this call (by `Worker.create`) use the
 * given guard. `per-call` changes nothing. Idempotent; call before creating workers.
 */
export function useSandboxWatchdog(
  mode: SandboxWatchdog,
  limitMs = 5_000,
  report: (message: string) => void = (m) => console.error(`[worker] ${m}`),
): void {
  if (mode === 'per-call') return;
  const threads = workerThreads as { Worker: typeof workerThreads.Worker } & Record<symbol, boolean>;
  if (threads[INSTALLED]) return;
  threads[INSTALLED] = true;
  const Original = threads.Worker;
  threads.Worker = class extends Original {
    constructor(filename: string | URL, options?: WorkerOptions) {
      const file = filename instanceof URL ? filename.pathname : filename;
      if (options?.eval || !WORKFLOW_THREAD.test(file)) {
        super(filename, options);
        return;
      }
      const stamp = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT));
      const bootstrap =
        `(${shareSandboxWatchdog.toString()})(require('node:vm'), require('node:worker_threads').workerData.tandemSandboxStamp);\n` +
        `require(${JSON.stringify(file)});`;
      super(bootstrap, { ...options, eval: true, workerData: { tandemSandboxStamp: stamp } });
      this.once('exit', watchStamp(stamp, limitMs, report));
    }
  };
}
