export * from './activities';
export * from './worker.factory';
export { Dispatcher, type DispatcherDeps } from './dispatcher/dispatcher.service';
export { RunStarter, type StartResult } from './runtime/run-starter';
export { createWorkerRuntime, nodePackageList, type WorkerRuntime } from './runtime/worker-runtime';
