export * from './alert.types';
export * from './raise-alert';
