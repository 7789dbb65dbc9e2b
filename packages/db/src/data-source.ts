import { DataSource, DataSourceOptions } from 'typeorm';
import { loadConfig } from '@tandem/config';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * TypeORM options for Tandem's PostgreSQL database. Schema changes only ever happen
 * through migrations (`synchronize` is off everywhere, tests included).
 */
export function dataSourceOptions(overrides: { url?: string; poolSize?: number } = {}): DataSourceOptions {
  const cfg = loadConfig(['database']);
  return {
    type: 'postgres',
    url: overrides.url ?? cfg.DATABASE_URL,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: {
      max: overrides.poolSize ?? cfg.DATABASE_POOL_SIZE,
      // The hot paths' prepared statements (`runPrepared`) are planned for each execution's
      // values: a generic plan chosen while tables were small can stay in use as they grow
      // (seen here: a status fold switched to sequential scans of messages). `options` is the
      // pg driver's startup parameter for server settings.
      ...(cfg.DATABASE_PREPARED_STATEMENTS === 'on' ? { options: '-c plan_cache_mode=force_custom_plan' } : {}),
    },
  };
}

/** A data source (not yet initialized) for `url`, or DATABASE_URL when omitted. */
export function createDataSource(url?: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions({ url, poolSize }));
}

/** Opens a connection and applies pending migrations; returns the names applied. */
export async function runMigrations(url?: string): Promise<string[]> {
  const ds = createDataSource(url, 2);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
