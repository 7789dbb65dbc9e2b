export * from './ownership';
export * from './ownership.types';
