export * from './activity-deps.types';
export * from './create-activities';
export { credentialVariable, envCredentials } from './node-ports';
