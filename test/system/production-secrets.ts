/**
 * Secrets for processes started with NODE_ENV=production by system tests and benchmarks:
 * production refuses the development defaults and anything shorter than 16 characters
 * (@tandem/config), and runs the simulator only when allowed, behind a control token.
 */
export const PRODUCTION_TEST_SECRETS = {
  TANDEM_ADMIN_TOKEN: 'system-test-bootstrap-token',
  META_ACCESS_TOKEN: 'system-test-meta-access-token',
  META_APP_SECRET: 'system-test-meta-app-secret',
  META_VERIFY_TOKEN: 'system-test-meta-verify-token',
  SIMULATOR_ALLOW_PRODUCTION: 'true',
  SIMULATOR_CONTROL_TOKEN: 'system-test-simulator-control-token',
  // One 32-byte key (base64 of 32 × 's'): production refuses the development key.
  TANDEM_SECRETS_KEYS: 'system:c3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3Nzc3M=',
} as const;

/** Headers of a call to the simulator's `/_sim` control API. */
export const simControlHeaders = (env: NodeJS.ProcessEnv = PRODUCTION_TEST_SECRETS): Record<string, string> =>
  env.SIMULATOR_CONTROL_TOKEN ? { authorization: `Bearer ${env.SIMULATOR_CONTROL_TOKEN}` } : {};
