import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@tandem/config';
import { createDataSource, runMigrations } from '@tandem/db';

/** A scratch database with every migration applied. */
export interface TestDatabase {
  /** The database's name, `tandem_test_<name>_<pid>`. */
  name: string;
  /** `postgres://…/tandem_test_<name>` — hand it to the code under test as DATABASE_URL. */
  url: string;
  /** An initialized data source on that database. */
  dataSource: DataSource;
  /** Destroys the data source and drops the database. */
  close(): Promise<void>;
}

/** `tandem_test_<name>` (createTestDatabase appends the pid) with anything but [a-z0-9_] replaced, within PostgreSQL's 63 chars. */
export function testDatabaseName(name: string): string {
  return `tandem_test_${name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/**
 * Creates `tandem_test_<name>` from scratch (dropping a leftover of an earlier run) on the
 * server of DATABASE_URL, applies the migrations and opens a data source. Use one name per
 * test file so files running in parallel never share a database.
 * @example
 * const db = await createTestDatabase('intake_webhook');
 * afterAll(() => db.close());
 */
export async function createTestDatabase(name: string): Promise<TestDatabase> {
  // The pid keeps two test runs on one machine (a developer's and CI's) apart.
  const dbName = testDatabaseName(`${name}_${process.pid}`);
  const serverUrl = new URL(loadConfig(['database']).DATABASE_URL);
  await admin(serverUrl, [`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`, `CREATE DATABASE ${dbName}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  await runMigrations(url.toString());
  const dataSource = createDataSource(url.toString(), 4);
  await dataSource.initialize();
  return {
    name: dbName,
    url: url.toString(),
    dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await admin(serverUrl, [`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`]);
    },
  };
}

async function admin(serverUrl: URL, statements: string[]): Promise<void> {
  const client = new Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
