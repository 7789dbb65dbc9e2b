import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import Redis from 'ioredis';

export const REDIS = Symbol('REDIS');

/** One shared ioredis connection for the api (BullMQ queues open their own). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      useFactory: () =>
        new Redis(loadConfig(['redis']).REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false, enableOfflineQueue: true }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
