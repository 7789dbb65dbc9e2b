export * from './ping.workflow';
export type * from './activities.types';
