import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';

/**
 * Tables left out of the "a 4xx changes nothing" digest: the fuzzer opens a session per request
 * (and the guard stamps its last use), so `sessions` changes on every call by design.
 */
const UNDIGESTED = new Set(['sessions', 'migrations', 'typeorm_metadata']);

/** An md5 of each table's rows (order-independent), by table name. */
export async function tableDigests(ds: DataSource): Promise<Record<string, string>> {
  const tables: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const parts = tables
    .filter((t) => !UNDIGESTED.has(t.name))
    .map((t) => `SELECT '${t.name}' AS name, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM "${t.name}" x`);
  const rows: { name: string; digest: string }[] = await ds.query(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

/** Ends the workflows a fuzzed body started (no worker runs them). */
export async function terminateWorkflows(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  for (const id of ids)
    await client.workflow
      .getHandle(id)
      .terminate('fuzz test over')
      .catch(() => undefined);
  await connection.close();
}
