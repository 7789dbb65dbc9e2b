export * from './secret-box';
export * from './secret-keys';
export * from './secret-store';
export * from './redact';
export * from './meta-token';
