export * from './opt-events.util';
