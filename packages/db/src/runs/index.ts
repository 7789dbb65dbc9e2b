export * from './open-run-statuses';
export * from './status-listeners';
