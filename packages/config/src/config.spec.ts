import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configDefaults, loadConfig } from './index';

describe('loadConfig', () => {
  it('applies defaults when the environment is empty', () => {
    const cfg = loadConfig(['database', 'redis', 'temporal'], {});
    expect(cfg.DATABASE_URL).toBe('postgres://tandem:tandem@127.0.0.1:5432/tandem');
    expect(cfg.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(cfg.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
  });

  it('coerces numbers from strings', () => {
    expect(loadConfig(['api'], { API_PORT: '8080' }).API_PORT).toBe(8080);
  });

  it.each([
    ['API_PORT', 'eighty', 'api'],
    ['DATABASE_URL', 'mysql://x', 'database'],
    ['TEMPORAL_ADDRESS', 'no-port', 'temporal'],
    ['WEBHOOK_MAX_BODY_BYTES', '1000', 'api'],
  ] as const)('rejects %s=%s naming the variable', (variable, value, area) => {
    let error: unknown;
    try {
      loadConfig([area], { [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(variable);
    expect((error as ConfigError).problems[0]).toMatchObject({ variable, received: value });
  });

  it('documents every variable in .env.example with its default', () => {
    const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
    const documented = new Map(
      example
        .split('\n')
        .map((l) => l.replace(/^#\s*/, '').match(/^([A-Z0-9_]+)=(.*)$/))
        .filter((m): m is RegExpMatchArray => m !== null)
        .map((m) => [m[1], m[2]] as const),
    );
    for (const vars of Object.values(configDefaults())) {
      for (const [variable, def] of Object.entries(vars)) {
        expect([variable, documented.get(variable)]).toEqual([variable, def === undefined ? '' : String(def)]);
      }
    }
  });
});
