import { ConfigError, configDefaults, loadConfig, MIN_SECRET_LENGTH, SECRET_VARIABLES } from './index';
import type { ConfigArea } from './index';

/** A production environment in which every secret is strong and the simulator is allowed. */
const strong: Record<string, string> = {
  NODE_ENV: 'production',
  TANDEM_ADMIN_TOKEN: 'a-strong-admin-bootstrap-token',
  META_ACCESS_TOKEN: 'EAAG-a-real-looking-access-token',
  META_APP_SECRET: '0123456789abcdef0123456789abcdef',
  META_VERIFY_TOKEN: 'a-strong-verify-token',
  SIMULATOR_CONTROL_TOKEN: 'a-strong-simulator-token',
  SIMULATOR_ALLOW_PRODUCTION: 'true',
  TANDEM_SECRETS_KEYS: `k2:${Buffer.alloc(32, 7).toString('base64')},k1:${Buffer.alloc(32, 9).toString('base64')}`,
};
/** The shortest acceptable value of a secret: 16 characters, or one 32-byte key for the key list. */
const shortestStrong = (variable: string) =>
  variable === 'TANDEM_SECRETS_KEYS' ? `k:${Buffer.alloc(32, 1).toString('base64')}` : 'k'.repeat(MIN_SECRET_LENGTH);
const areaOf = (variable: string) =>
  (Object.entries(configDefaults()) as [ConfigArea, Record<string, unknown>][]).find(([, vars]) => variable in vars)![0];

function refusal(env: Record<string, string>, areas: ConfigArea[]): ConfigError {
  try {
    loadConfig(areas, env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('production settings', () => {
  it('accepts strong secrets in production', () => {
    expect(loadConfig(['app', 'meta', 'simulator'], strong).META_APP_SECRET).toBe(strong.META_APP_SECRET);
  });

  it('keeps development and test on their defaults', () => {
    for (const NODE_ENV of ['development', 'test']) expect(() => loadConfig(['app', 'meta', 'simulator'], { NODE_ENV })).not.toThrow();
  });

  describe.each(SECRET_VARIABLES.map((v) => [v]))('%s', (variable) => {
    const area = areaOf(variable);
    const dev = String(configDefaults()[area][variable]);
    const cases: [string, string | undefined][] = [
      ['unset', undefined],
      ['empty', ''],
      ['too short', 'x'.repeat(MIN_SECRET_LENGTH - 1)],
      ['a placeholder', 'change-me-admin-token'],
      ...(dev ? ([['the development default', dev]] as [string, string][]) : []),
    ];
    it.each(cases)('is refused in production when %s, naming the variable and not quoting it', (_, value) => {
      const env = { ...strong };
      if (value === undefined) delete env[variable];
      else env[variable] = value;
      const error = refusal(env, [area]);
      expect(error.problems.map((p) => p.variable)).toEqual([variable]);
      expect(error.message).toContain(variable);
      if (value) expect(error.message).not.toContain(JSON.stringify(value));
    });

    it(`is accepted at ${MIN_SECRET_LENGTH} characters (one 32-byte key for the key list)`, () => {
      expect(() => loadConfig([area], { ...strong, [variable]: shortestStrong(variable) })).not.toThrow();
    });
  });

  it('refuses to run the simulator in production unless SIMULATOR_ALLOW_PRODUCTION=true', () => {
    const error = refusal({ ...strong, SIMULATOR_ALLOW_PRODUCTION: 'false' }, ['simulator', 'meta']);
    expect(error.problems.map((p) => p.variable)).toEqual(['SIMULATOR_ALLOW_PRODUCTION']);
    expect(() => loadConfig(['meta'], { ...strong, SIMULATOR_ALLOW_PRODUCTION: 'false' })).not.toThrow();
  });

  it('refuses a malformed key list without quoting it', () => {
    for (const bad of ['k1', 'k1:c2hvcnQ=', `a:${Buffer.alloc(32).toString('base64')},a:${Buffer.alloc(32).toString('base64')}`]) {
      const error = refusal({ ...strong, TANDEM_SECRETS_KEYS: bad }, ['secrets']);
      expect(error.problems.map((p) => p.variable)).toEqual(['TANDEM_SECRETS_KEYS']);
      expect(error.message).not.toContain(bad);
    }
  });

  it('checks NODE_ENV even when the app area is not loaded (the worker, the simulator)', () => {
    expect(
      refusal({ NODE_ENV: 'production' }, ['meta'])
        .problems.map((p) => p.variable)
        .sort(),
    ).toEqual(['META_ACCESS_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN'].sort());
  });
});
