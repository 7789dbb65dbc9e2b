export * from './engine-event.types';
export * from './engine-events.queue';
export * from './engine-events.relay';
