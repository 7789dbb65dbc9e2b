import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { TemporalService } from '../temporal/temporal.service';

export type ServiceHealth = { status: 'up' } | { status: 'down'; error: string };
export interface HealthReport {
  status: 'ok' | 'degraded';
  services: { postgres: ServiceHealth; redis: ServiceHealth; temporal: ServiceHealth };
}

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly temporal: TemporalService,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, temporal] = await Promise.all([
      probe(() => this.db.query('SELECT 1')),
      probe(async () => {
        if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
      }),
      probe(() => this.temporal.ping(TIMEOUT_MS)),
    ]);
    const services = { postgres, redis, temporal };
    const allUp = Object.values(services).every((s) => s.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', services };
  }
}

async function probe(fn: () => Promise<unknown>): Promise<ServiceHealth> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (err) {
    return { status: 'down', error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
