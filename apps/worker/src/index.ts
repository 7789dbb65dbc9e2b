export * from './activities';
export * from './worker.factory';
