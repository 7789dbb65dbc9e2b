export * from './data-source';
export * from './prepared-statement.util';
export * from './entities';
export * from './snake-naming.strategy';
export * from './status/message-status.util';
export * from './engine-events';
export * from './runs';
export * from './secrets';
