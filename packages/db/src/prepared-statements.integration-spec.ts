import { createMigratedDatabase, type MigratedDatabase, pgErrorCode } from './__fixtures__/migrated-database';
import { statementNames } from './prepared-statements';

describe('prepared statements (DATABASE_PREPARED_STATEMENTS=on)', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase('db_prepared');
  });
  afterAll(() => db.close());

  /** The statements prepared on the connection of a one-connection query runner. */
  async function onOneConnection<T>(work: (q: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<T>) {
    const runner = db.ds.createQueryRunner();
    try {
      const result = await work((sql, params) => runner.query(sql, params));
      const prepared: { name: string; statement: string }[] = await runner.query('SELECT name, statement FROM pg_prepared_statements');
      return { result, prepared };
    } finally {
      await runner.release();
    }
  }

  it('runs a repeated parameterized statement prepared, with the same results', async () => {
    const { numberId } = await db.seedNumber('pn-prepared');
    const sql = 'SELECT phone_number_id, throughput_cap FROM business_numbers WHERE id = $1 /* prepared-spec */';
    const { result, prepared } = await onOneConnection(async (q) => [
      await q(sql, [numberId]),
      await q(sql, [numberId]),
      await q(sql, [numberId]),
    ]);
    expect(result).toEqual([
      [{ phone_number_id: 'pn-prepared', throughput_cap: 20 }],
      [{ phone_number_id: 'pn-prepared', throughput_cap: 20 }],
      [{ phone_number_id: 'pn-prepared', throughput_cap: 20 }],
    ]);
    expect(prepared).toContainEqual({ name: statementNames.nameFor(sql), statement: sql });
  });

  it('leaves statements without parameters unnamed', async () => {
    const sql = 'SELECT count(*)::int AS n FROM workspaces /* unprepared-spec */';
    const { prepared } = await onOneConnection(async (q) => {
      await q(sql);
      await q(sql);
    });
    expect(prepared.map((p) => p.statement)).not.toContain(sql);
  });

  it('reports errors of a prepared statement and keeps the connection usable', async () => {
    const sql =
      'INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap) SELECT id, $1, $2, $3, $4, 20 FROM workspaces LIMIT 1';
    const { result } = await onOneConnection(async (q) => {
      const first = await pgErrorCode(q(sql, ['pn-dup', 'waba-1', '1555', 'coexistence']));
      const dup = await pgErrorCode(q(sql, ['pn-dup', 'waba-1', '1555', 'coexistence']));
      const bad = await pgErrorCode(q(sql, ['pn-bad', 'waba-1', '1555', 'no-such-mode']));
      const after = await q('SELECT count(*)::int AS n FROM business_numbers WHERE phone_number_id = $1', ['pn-dup']);
      return { first, dup, bad, after };
    });
    expect(result).toEqual({ first: undefined, dup: '23505', bad: '23514', after: [{ n: 1 }] });
  });

  it('works inside transactions, and a rolled-back transaction keeps its statements usable', async () => {
    const sql = 'UPDATE business_numbers SET throughput_cap = $2 WHERE phone_number_id = $1 RETURNING throughput_cap';
    await expect(
      db.ds.transaction(async (m) => {
        await m.query(sql, ['pn-prepared', 30]);
        await m.query(sql, ['pn-prepared', 40]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await db.ds.transaction((m) => m.query(sql, ['pn-prepared', 50]));
    expect(after).toEqual([[{ throughput_cap: 50 }], 1]);
  });
});
