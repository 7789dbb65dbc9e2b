import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { LeaderElection } from './dispatcher-leader';

jest.setTimeout(20_000);

const redis = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
afterAll(() => redis.quit());

function candidate(key: string, log: string[], name: string, ttlMs = 600): LeaderElection {
  return new LeaderElection(
    redis,
    key,
    {
      start: async () => {
        log.push(`${name} started`);
        return { stop: async () => void log.push(`${name} stopped`) };
      },
    },
    ttlMs,
  );
}

describe('LeaderElection', () => {
  it('runs the task in one process at a time and hands it over when the leader goes away', async () => {
    const key = `test:leader:${randomUUID()}`;
    const log: string[] = [];
    const a = candidate(key, log, 'a');
    const b = candidate(key, log, 'b');
    await a.begin();
    await b.begin();
    await new Promise((r) => setTimeout(r, 700));
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    await a.close();
    await new Promise((r) => setTimeout(r, 500));
    expect(b.isLeader).toBe(true);
    await b.close();
    expect(log).toEqual(['a started', 'a stopped', 'b started', 'b stopped']);
  });

  it('takes over after the lease of a crashed leader expires', async () => {
    const key = `test:leader:${randomUUID()}`;
    await redis.set(key, 'a-dead-process', 'PX', 800);
    const log: string[] = [];
    const b = candidate(key, log, 'b', 600);
    await b.begin();
    expect(b.isLeader).toBe(false);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(b.isLeader).toBe(true);
    await b.close();
  });
});
