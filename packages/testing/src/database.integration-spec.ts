import { loadConfig } from '@tandem/config';
import { Client } from 'pg';
import { createTestDatabase, testDatabaseName } from './database';

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: loadConfig(['database']).DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('names databases safely', () => {
    expect(testDatabaseName('Intake Webhook-1')).toBe('tandem_test_intake_webhook_1');
    expect(testDatabaseName('x'.repeat(100))).toHaveLength(63);
  });

  it('creates a migrated database from scratch and drops it on close', async () => {
    const db = await createTestDatabase('testing_helper');
    expect(db.name).toBe(`tandem_test_testing_helper_${process.pid}`);
    expect(await databaseExists(db.name)).toBe(true);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'webhook_deliveries'`,
    );
    expect(n).toBe(1);
    await db.dataSource.query(`INSERT INTO workspaces (name) VALUES ('leftover')`);
    await db.close();
    expect(await databaseExists(db.name)).toBe(false);
    const again = await createTestDatabase('testing_helper');
    try {
      expect(await again.dataSource.query('SELECT name FROM workspaces')).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
