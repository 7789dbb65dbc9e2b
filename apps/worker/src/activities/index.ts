export * from './activity-deps.types';
export * from './create-activities';
export { storeCredentials } from './node-ports';
