import { QueryFailedError, type QueryRunner } from 'typeorm';
import { createMigratedDatabase, type MigratedDatabase, pgErrorCode } from './__fixtures__/migrated-database';
import { preparedStatement, runPrepared } from './prepared-statement.util';

const findNumber = preparedStatement<{ phone_number_id: string; throughput_cap: number }>(
  'spec_find_number',
  'SELECT phone_number_id, throughput_cap FROM business_numbers WHERE id = $1',
);
const setCap = preparedStatement<{ throughput_cap: number }>(
  'spec_set_cap',
  'UPDATE business_numbers SET throughput_cap = $2 WHERE phone_number_id = $1 RETURNING throughput_cap',
);
const countNumbers = preparedStatement<{ n: number }>(
  'spec_count_numbers',
  'SELECT count(*)::int AS n FROM business_numbers WHERE throughput_cap > $1',
);
const insertNumber = preparedStatement(
  'spec_insert_number',
  `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap)
   SELECT id, $1, 'waba-1', '1555', $2, 20 FROM workspaces LIMIT 1`,
);

describe('runPrepared (named prepared statements at hot call sites)', () => {
  let db: MigratedDatabase;
  let numberId: string;
  beforeAll(async () => {
    db = await createMigratedDatabase('db_prepared');
    ({ numberId } = await db.seedNumber('pn-prepared'));
  });
  afterAll(() => db.close());

  /** Work on one connection, then the statements prepared on it. */
  async function onOneConnection<T>(work: (runner: QueryRunner) => Promise<T>) {
    const runner = db.ds.createQueryRunner();
    try {
      const result = await work(runner);
      const prepared: { name: string; statement: string }[] = await runner.query('SELECT name, statement FROM pg_prepared_statements');
      return { result, prepared };
    } finally {
      await runner.release();
    }
  }

  it('prepares the statement on the connection under its name, with the results of the unnamed statement', async () => {
    const unnamed = await db.ds.query(findNumber.text, [numberId]);
    const { result, prepared } = await onOneConnection(async (runner) => [
      await runPrepared(runner, findNumber, [numberId]),
      await runPrepared(runner, findNumber, [numberId]),
    ]);
    expect(unnamed).toEqual([{ phone_number_id: 'pn-prepared', throughput_cap: 20 }]);
    expect(result).toEqual([
      { rows: unnamed, rowCount: 1 },
      { rows: unnamed, rowCount: 1 },
    ]);
    expect(prepared).toEqual([{ name: 'tandem_spec_find_number', statement: findNumber.text }]);
  });

  it('plans each execution for its values (plan_cache_mode from the connection options)', async () => {
    expect(await db.ds.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
  });

  it('answers rows and row count for an UPDATE, from a data source or a manager', async () => {
    expect(await runPrepared(db.ds, setCap, ['pn-prepared', 25])).toEqual({ rows: [{ throughput_cap: 25 }], rowCount: 1 });
    expect(await runPrepared(db.ds.manager, setCap, ['no-such-number', 25])).toEqual({ rows: [], rowCount: 0 });
  });

  it("fails with TypeORM's QueryFailedError and keeps the connection usable", async () => {
    const { result } = await onOneConnection(async (runner) => {
      const first = await pgErrorCode(runPrepared(runner, insertNumber, ['pn-dup', 'coexistence']));
      const dup = await pgErrorCode(runPrepared(runner, insertNumber, ['pn-dup', 'coexistence']));
      const bad = runPrepared(runner, insertNumber, ['pn-bad', 'no-such-mode']);
      await expect(bad).rejects.toBeInstanceOf(QueryFailedError);
      const badCode = await pgErrorCode(bad);
      const after = await runPrepared(runner, findNumber, [numberId]);
      return { first, dup, badCode, after: after.rowCount };
    });
    expect(result).toEqual({ first: undefined, dup: '23505', badCode: '23514', after: 1 });
  });

  it("takes part in a manager's transaction: a rollback undoes its changes and its statements stay usable", async () => {
    await expect(
      db.ds.transaction(async (m) => {
        await runPrepared(m, setCap, ['pn-prepared', 30]);
        expect((await runPrepared(m, findNumber, [numberId])).rows).toEqual([{ phone_number_id: 'pn-prepared', throughput_cap: 30 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await runPrepared(db.ds, findNumber, [numberId])).rows[0].throughput_cap).toBe(25);
    const after = await db.ds.transaction((m) => runPrepared(m, setCap, ['pn-prepared', 50]));
    expect(after).toEqual({ rows: [{ throughput_cap: 50 }], rowCount: 1 });
  });

  it('prepares again a statement whose first use failed in an aborted transaction', async () => {
    const { result, prepared } = await onOneConnection(async (runner) => {
      await runner.startTransaction();
      await pgErrorCode(runner.query('SELECT 1 / 0'));
      const aborted = await pgErrorCode(runPrepared(runner, countNumbers, [0]));
      await runner.rollbackTransaction();
      const after = await runPrepared(runner, countNumbers, [0]);
      return { aborted, after: after.rowCount };
    });
    expect(result).toEqual({ aborted: '25P02', after: 1 });
    expect(prepared.map((p) => p.name)).toContain('tandem_spec_count_numbers');
  });

  it('refuses a released query runner and a name given to two texts', async () => {
    const runner = db.ds.createQueryRunner();
    await runner.release();
    await expect(runPrepared(runner, findNumber, [numberId])).rejects.toThrow(/released/);
    expect(() => preparedStatement('spec_find_number', 'SELECT 1')).toThrow('already defined with another text');
    expect(() => preparedStatement('Bad-Name', 'SELECT 1')).toThrow('lowercase letters, digits and _');
  });
});
