import { Client } from 'pg';
import { loadConfig } from '@tandem/config';

/**
 * An empty scratch database for this package's own tests (they cannot use @tandem/testing,
 * which depends on this package). Returns its url and a drop function.
 */
export async function createEmptyDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const dbName = `tandem_test_${name}_${process.pid}`;
  const server = new URL(loadConfig(['database']).DATABASE_URL);
  const run = async (sql: string) => {
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await run(`CREATE DATABASE ${dbName}`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`) };
}
