export * from './engine-event.types';
export { appendEngineEvents, ENGINE_EVENTS_CHANNEL } from './engine-events.append';
export { startEngineEventConsumer, type EngineEventConsumer, type EngineEventConsumerOptions } from './engine-events.consumer';
export { clientConfigOf, NotificationListener } from './engine-events.listener';
export type { RetryPolicy } from './engine-events.retry';
