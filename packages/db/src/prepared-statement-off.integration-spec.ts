import { createMigratedDatabase, type MigratedDatabase } from './__fixtures__/migrated-database';
import { preparedStatement, runPrepared } from './prepared-statement.util';

// Read when the helper first runs and when data source options are built: set before both.
const previous = process.env.DATABASE_PREPARED_STATEMENTS;
process.env.DATABASE_PREPARED_STATEMENTS = 'off';

const findNumber = preparedStatement<{ phone_number_id: string }>(
  'spec_off_find',
  'SELECT phone_number_id FROM business_numbers WHERE id = $1',
);

describe('runPrepared with DATABASE_PREPARED_STATEMENTS=off (a pooler that cannot keep prepared statements)', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase('db_prepared_off');
  });
  afterAll(async () => {
    await db.close();
    if (previous === undefined) delete process.env.DATABASE_PREPARED_STATEMENTS;
    else process.env.DATABASE_PREPARED_STATEMENTS = previous;
  });

  it('runs the same text unnamed, with the same rows, and leaves plan_cache_mode alone', async () => {
    const { numberId } = await db.seedNumber('pn-off');
    const runner = db.ds.createQueryRunner();
    try {
      expect(await runPrepared(runner, findNumber, [numberId])).toEqual({ rows: [{ phone_number_id: 'pn-off' }], rowCount: 1 });
      expect(await runner.query('SELECT name FROM pg_prepared_statements')).toEqual([]);
      expect(await runner.query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'auto' }]);
    } finally {
      await runner.release();
    }
  });
});
