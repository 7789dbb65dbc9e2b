import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface ComposeService {
  depends_on?: Record<string, unknown>;
  environment?: Record<string, string>;
  ports?: { target: number; published?: string; host_ip?: string }[];
}

/** The secrets compose insists on (no defaults: the apps refuse development values in production). */
const SECRETS = {
  POSTGRES_PASSWORD: 'compose-test-postgres-password',
  META_ACCESS_TOKEN: 'compose-test-meta-access-token',
  META_APP_SECRET: 'compose-test-meta-app-secret',
  META_VERIFY_TOKEN: 'compose-test-meta-verify-token',
  TANDEM_ADMIN_TOKEN: 'compose-test-admin-token',
  TANDEM_SECRETS_KEYS: `compose:${Buffer.alloc(32, 3).toString('base64')}`,
};

function compose(args: string[], env: Record<string, string>): string {
  // `docker compose config` validates and normalises the file without a Docker engine.
  // npm test puts the compose command in TANDEM_COMPOSE (a standalone build when the
  // docker CLI has no compose plugin).
  const [cmd, ...pre] = (process.env.TANDEM_COMPOSE ?? 'docker compose').split(' ');
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !(k in SECRETS) && k !== 'SIMULATOR_CONTROL_TOKEN'));
  return execFileSync(cmd, [...pre, '-f', 'docker/compose.yml', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const composeConfig = (profiles: string[] = []): { services: Record<string, ComposeService> } =>
  JSON.parse(compose([...profiles.flatMap((p) => ['--profile', p]), 'config', '--format', 'json'], SECRETS));

/** Published ports per service (services without any left out). */
const published = (services: Record<string, ComposeService>) =>
  Object.fromEntries(
    Object.entries(services)
      .filter(([, s]) => s.ports?.length)
      .map(([name, s]) => [name, s.ports!.map((p) => `${p.host_ip ?? '0.0.0.0'}:${p.published}->${p.target}`)]),
  );

describe('docker/compose.yml', () => {
  const config = composeConfig();

  it('is a valid compose file with every production service', () => {
    expect(Object.keys(config.services).sort()).toEqual(['api', 'migrate', 'postgres', 'redis', 'studio', 'temporal', 'worker'].sort());
  });

  it('runs Temporal on PostgreSQL and starts the api only after migrations', () => {
    expect(config.services.temporal.environment?.DB).toBe('postgres12');
    expect(config.services.api.depends_on).toHaveProperty('migrate');
    expect(config.services.api.environment?.DATABASE_URL).toBe(`postgres://tandem:${SECRETS.POSTGRES_PASSWORD}@postgres:5432/tandem`);
  });

  it('publishes only the api and the studio by default: no Temporal port, no simulator', () => {
    expect(published(config.services)).toEqual({ api: ['0.0.0.0:3000->3000'], studio: ['0.0.0.0:5173->80'] });
  });

  it('adds the simulator and the Temporal UI in the demo profile, published on 127.0.0.1 only', () => {
    const demo = composeConfig(['demo']);
    expect(published(demo.services)).toEqual({
      api: ['0.0.0.0:3000->3000'],
      studio: ['0.0.0.0:5173->80'],
      simulator: ['127.0.0.1:4010->4010'],
      'temporal-ui': ['127.0.0.1:8233->8080'],
    });
    expect(demo.services.temporal.ports ?? []).toEqual([]);
    expect(demo.services.simulator.environment).toMatchObject({ NODE_ENV: 'production', SIMULATOR_ALLOW_PRODUCTION: 'true' });
    // Defined even when empty: nginx's template step fills in only variables that exist.
    expect(demo.services.studio.environment).toHaveProperty('SIMULATOR_CONTROL_TOKEN');
  });

  it('runs in production with the secrets given, never a built-in default', () => {
    const env = config.services.api.environment!;
    expect(env.NODE_ENV).toBe('production');
    for (const name of ['META_ACCESS_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'TANDEM_ADMIN_TOKEN'] as const) {
      expect([name, env[name]]).toEqual([name, SECRETS[name]]);
    }
  });

  it.each(Object.keys(SECRETS))('refuses to start without %s, naming it', (missing) => {
    const env = Object.fromEntries(Object.entries(SECRETS).filter(([k]) => k !== missing));
    let stderr = '';
    try {
      compose(['config', '--format', 'json'], env);
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain(`required variable ${missing} is missing`);
  });
});
