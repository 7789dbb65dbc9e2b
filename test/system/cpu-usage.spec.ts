import { cpuWindow, processGroup } from '../bench/cpu-usage.util';

describe('benchmark CPU accounting', () => {
  it.each([
    ['node /repo/apps/api/dist/main.js', 'api'],
    ['node --cpu-prof /repo/apps/worker/dist/main.js', 'worker'],
    ['node /repo/apps/simulator/dist/main.js', 'simulator'],
    ['postgres: tandem tandem_test_stack_bench 127.0.0.1(5432) idle', 'postgres'],
    ['/usr/lib/postgresql/15/bin/postgres -D /repo/.data/postgres -p 5432', 'postgres'],
    ['/root/.cache/tandem/temporal-v1.5.1/temporal server start-dev --ip 127.0.0.1 --port 7243', 'temporal'],
    ['redis-server 127.0.0.1:6379', 'redis'],
    ['node -r @swc-node/register test/bench/reply.bench.ts', 'bench'],
    ['bash', 'other'],
  ])('%s → %s', (cmdline, group) => {
    expect(processGroup(cmdline)).toBe(group);
  });

  const linux = process.platform === 'linux' ? it : it.skip;
  linux('measures the CPU a busy process used over the window', () => {
    const cpu = cpuWindow();
    const end = Date.now() + 300;
    let x = 0;
    while (Date.now() < end) x += Math.sqrt(x + 1);
    const usage = cpu.stop();
    expect(x).toBeGreaterThan(0);
    expect(usage.seconds).toBeGreaterThanOrEqual(0.3);
    expect(usage.cores).toBeGreaterThan(0);
    // This test's own process (jest) counts as `other`: busy most of the window.
    expect(usage.percentByGroup.other).toBeGreaterThanOrEqual(30);
  });
});
