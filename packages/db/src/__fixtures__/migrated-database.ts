import { DataSource as DataSourceClass, type DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions } from '../data-source';
import type { migrations } from '../migrations';
import { createEmptyDatabase } from './scratch-database';

export interface MigratedDatabase {
  ds: DataSource;
  close: () => Promise<void>;
  /** A workspace and one coexistence number; returns their ids. */
  seedNumber: (phoneNumberId?: string) => Promise<{ workspaceId: string; numberId: string }>;
}

export async function createMigratedDatabase(name: string): Promise<MigratedDatabase> {
  const db = await createEmptyDatabase(name);
  const ds = createDataSource(db.url, 3);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  let seq = 0;
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
    seedNumber: async (phoneNumberId = `pn-${++seq}`) => {
      const [ws] = await ds.query(`INSERT INTO workspaces (name) VALUES ('Acme') RETURNING id`);
      const [num] = await ds.query(
        `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap)
         VALUES ($1, $2, 'waba-1', '15557012244', 'coexistence', 20) RETURNING id`,
        [ws.id, phoneNumberId],
      );
      return { workspaceId: ws.id, numberId: num.id };
    },
  };
}

/** The PostgreSQL error code a promise rejected with (23505 unique, 23514 check …). */
export async function pgErrorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code ?? (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : 'unknown';
  }
}

type MigrationList = typeof migrations;

/** A data source on `url` migrated by `list` only (for tests of one migration over older rows). */
export async function openMigratedTo(url: string, list: MigrationList): Promise<DataSource> {
  const ds = new DataSourceClass({ ...dataSourceOptions({ url, poolSize: 2 }), migrations: list });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
