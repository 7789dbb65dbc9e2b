import { NestFactory } from '@nestjs/core';
import { DemoSeedService, type DemoSeedOptions, type DemoSeedResult } from './demo-seed.service';
import { SeedModule } from './seed.module';

/** Boots the seed context (DATABASE_URL, META_* from the environment), seeds, and closes it. */
export async function runDemoSeed(options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
  const context = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    return await context.get(DemoSeedService).run(options);
  } finally {
    await context.close();
  }
}
