import IORedis from 'ioredis';
import { loadConfig } from '@tandem/config';

/** Deletes every Redis key under `<prefix>:` (a test's BullMQ queues, governor keys…). */
export async function dropRedisPrefix(prefix: string, url = loadConfig(['redis']).REDIS_URL): Promise<void> {
  const redis = new IORedis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
