import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { TemporalService } from '../temporal/temporal.service';

/**
 * A service's state only: `/health` is public, and a driver's error text can carry host
 * names, ports, user names or stack details. The reason goes to the api's log instead.
 */
export type ServiceHealth = { status: 'up' | 'down' };
export interface HealthReport {
  status: 'ok' | 'degraded';
  services: { postgres: ServiceHealth; redis: ServiceHealth; temporal: ServiceHealth };
}

const TIMEOUT_MS = 2000;
const logger = new Logger('Health');

@Injectable()
export class HealthService {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly temporal: TemporalService,
  ) {}

  async check(): Promise<HealthReport> {
    const [postgres, redis, temporal] = await Promise.all([
      probe('postgres', () => this.db.query('SELECT 1')),
      probe('redis', async () => {
        if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
      }),
      probe('temporal', () => this.temporal.ping(TIMEOUT_MS)),
    ]);
    const services = { postgres, redis, temporal };
    const allUp = Object.values(services).every((s) => s.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', services };
  }
}

async function probe(name: string, fn: () => Promise<unknown>): Promise<ServiceHealth> {
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
    logger.warn(`${name} is down: ${err instanceof Error ? err.message : String(err)}`);
    return { status: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
