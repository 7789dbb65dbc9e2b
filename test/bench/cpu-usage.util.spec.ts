import { type CpuSnapshot, cpuUsageBetween, processGroup, snapshot } from './cpu-usage.util';

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

  const snap = (rows: [key: string, group: string, seconds: number][]): CpuSnapshot =>
    new Map(rows.map(([key, group, seconds]) => [key, { group, seconds }]));

  it('sums what each group used over the window, in percent of one core, busiest first', () => {
    const before = snap([
      ['10:1', 'api', 5],
      ['11:1', 'worker', 2],
      ['12:1', 'other', 1],
    ]);
    const after = snap([
      ['10:1', 'api', 6.5], // 1.5 s of CPU over 2 s
      ['11:1', 'worker', 2.4],
      ['13:1', 'worker', 0.6], // started during the window: all of its time counts
      ['12:1', 'other', 1.8],
    ]);
    const usage = cpuUsageBetween(before, after, 2, 2);
    expect(usage).toEqual({ seconds: 2, cores: 2, percentByGroup: { api: 75, worker: 50, other: 40 }, totalPercent: 125 });
    expect(Object.keys(usage.percentByGroup)).toEqual(['api', 'worker', 'other']);
  });

  it('ignores processes that ended during the window and a pid reused by another process', () => {
    const before = snap([
      ['20:1', 'redis', 3],
      ['21:1', 'api', 4],
    ]);
    const after = snap([['21:9', 'bench', 0.2]]); // pid 21 now belongs to a process started later
    expect(cpuUsageBetween(before, after, 1, 4)).toEqual({ seconds: 1, cores: 4, percentByGroup: { bench: 20 }, totalPercent: 20 });
  });

  const linux = process.platform === 'linux' ? it : it.skip;
  linux('reads this very process from /proc, grouped and with its CPU time so far', () => {
    const mine = [...snapshot()].filter(([key]) => key.startsWith(`${process.pid}:`));
    expect(mine).toHaveLength(1);
    expect(mine[0][1].group).toBe('other');
    expect(mine[0][1].seconds).toBeGreaterThan(0);
  });
});
