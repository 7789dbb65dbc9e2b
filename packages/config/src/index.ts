export * from './config';
export * from './config-error';
export { MIN_SECRET_LENGTH, SECRET_VARIABLES } from './production';
