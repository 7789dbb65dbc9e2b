import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** What the leader runs: started when leadership is won, stopped when it is lost or on close. */
export interface LeaderTask {
  start(): Promise<{ stop(): Promise<void> }>;
}

/**
 * Runs `task` in exactly one process of the deployment at a time. Engine events of a
 * contact stay in order only with a single consumer per partition, so every worker
 * competes for a Redis lease and only its holder subscribes; when the holder dies, its
 * lease expires after `ttlMs` and another worker takes over (BullMQ hands the dead
 * consumer's in-flight events to it as stalled jobs; handlers are idempotent).
 */
export class LeaderElection {
  private readonly token = randomUUID();
  private timer?: NodeJS.Timeout;
  private running?: { stop(): Promise<void> };
  private stepping: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly task: LeaderTask,
    private readonly ttlMs = 10_000,
  ) {}

  /** Starts competing; resolves after the first attempt. */
  async begin(): Promise<void> {
    await this.step();
    this.timer = setInterval(
      () => {
        this.stepping = this.stepping
          .then(() => this.step())
          .catch((error: unknown) => console.error('[dispatcher] leader election:', error));
      },
      Math.floor(this.ttlMs / 3),
    );
  }

  get isLeader(): boolean {
    return this.running !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.stepping;
    await this.running?.stop();
    this.running = undefined;
    await this.redis.eval(RELEASE_SCRIPT, 1, this.key, this.token).catch(() => undefined);
  }

  private async step(): Promise<void> {
    if (this.closed) return;
    const held = this.running
      ? (await this.redis.eval(RENEW_SCRIPT, 1, this.key, this.token, String(this.ttlMs))) === 1
      : (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
    if (held && !this.running) this.running = await this.task.start();
    if (!held && this.running) {
      await this.running.stop();
      this.running = undefined;
    }
  }
}
