import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function composeConfig(): Record<string, unknown> {
  // `docker compose config` validates and normalises the file without a Docker engine.
  // npm test puts the compose command in TANDEM_COMPOSE (a standalone build when the
  // docker CLI has no compose plugin).
  const [cmd, ...pre] = (process.env.TANDEM_COMPOSE ?? 'docker compose').split(' ');
  const out = execFileSync(cmd, [...pre, '-f', 'docker/compose.yml', 'config', '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

describe('docker/compose.yml', () => {
  const config = composeConfig() as {
    services: Record<string, { depends_on?: Record<string, unknown>; environment?: Record<string, string> }>;
  };

  it('is a valid compose file with every production service', () => {
    expect(Object.keys(config.services).sort()).toEqual(
      ['api', 'migrate', 'postgres', 'redis', 'simulator', 'studio', 'temporal', 'temporal-ui', 'worker'].sort(),
    );
  });

  it('runs Temporal on PostgreSQL and starts the api only after migrations', () => {
    expect(config.services.temporal.environment?.DB).toBe('postgres12');
    expect(config.services.api.depends_on).toHaveProperty('migrate');
    expect(config.services.api.environment?.DATABASE_URL).toMatch(/^postgres:\/\/tandem:.+@postgres:5432\/tandem$/);
  });
});
