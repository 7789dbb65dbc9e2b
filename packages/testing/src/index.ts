export * from './database';
export * from './redis';
export * from './engine-events';
export * from './temporal';
