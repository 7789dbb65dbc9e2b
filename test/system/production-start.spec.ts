// The built api, worker and simulator refuse NODE_ENV=production on weak secrets: each exits
// with 1 before touching a service, naming every weak variable and never printing its value.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PRODUCTION_TEST_SECRETS } from './production-secrets';

const ROOT = join(__dirname, '..', '..');
/** Too short to be accepted, unique enough to be found if it were printed. */
const CANARY = 'canary-7f3a';

async function start(app: 'api' | 'worker' | 'simulator', env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, `apps/${app}/dist/main.js`)], {
    // Only PATH from this environment: nothing of the test run's own settings leaks in.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('NODE_ENV=production start-up', () => {
  it.each([
    ['api', ['TANDEM_ADMIN_TOKEN', 'META_ACCESS_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'TANDEM_SECRETS_KEYS']],
    ['worker', ['META_ACCESS_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'TANDEM_SECRETS_KEYS']],
    ['simulator', ['SIMULATOR_ALLOW_PRODUCTION', 'META_ACCESS_TOKEN', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'SIMULATOR_CONTROL_TOKEN']],
  ] as const)('the %s refuses the development defaults, naming %j', async (app, variables) => {
    const { code, output } = await start(app, {});
    expect(code).toBe(1);
    for (const variable of variables) expect(output).toMatch(new RegExp(`- ${variable}: expected`));
  });

  it.each(['api', 'worker', 'simulator'] as const)('the %s refuses a short META_APP_SECRET without printing it', async (app) => {
    const { code, output } = await start(app, { ...PRODUCTION_TEST_SECRETS, META_APP_SECRET: CANARY });
    expect(code).toBe(1);
    expect(output).toContain('- META_APP_SECRET: expected');
    expect(output).not.toContain(CANARY);
    expect(output.match(/^ {2}- /gm)).toHaveLength(1);
  });
});
