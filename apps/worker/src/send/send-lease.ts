import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** A held lease; call `release` when done (it also stops the refresh). */
export interface SendLease {
  release(): Promise<void>;
}

/**
 * A short Redis lease per outbox key, refreshed while held. Temporal may run a second
 * attempt of an activity while the first is still alive (after a heartbeat timeout); the
 * lease makes the second wait instead of sending the same message in parallel. A crashed
 * holder's lease expires after `ttlMs`.
 */
export async function takeSendLease(redis: Redis, key: string, ttlMs: number): Promise<SendLease | undefined> {
  const token = randomUUID();
  const ok = await redis.set(key, token, 'PX', ttlMs, 'NX');
  if (ok !== 'OK') return undefined;
  const timer = setInterval(
    () => {
      redis.eval(EXTEND_SCRIPT, 1, key, token, String(ttlMs)).catch(() => undefined);
    },
    Math.max(100, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      await redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => undefined);
    },
  };
}
