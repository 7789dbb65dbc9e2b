import { loadConfig } from '@tandem/config';
import { DataSource, EntityManager, QueryFailedError, QueryRunnerAlreadyReleasedError, type QueryRunner } from 'typeorm';

/**
 * A statement of a hot path, run as a named prepared statement: PostgreSQL parses and
 * analyses an unnamed statement on every execution, a named one once per connection.
 * Its plan is still made for each execution's values (the data source sets
 * `plan_cache_mode=force_custom_plan`): a generic plan chosen while tables were small could
 * stay in use as they grow. `Row` is the shape of the rows it returns.
 */
export interface PreparedStatement<Row = Record<string, unknown>> {
  readonly name: string;
  readonly text: string;
  /** Type only: the rows' shape. */
  readonly __row?: Row;
}

const defined = new Map<string, string>();

/**
 * Declares a prepared statement (at module level, once). The name is the statement's
 * identity on every connection, so one name may never stand for two texts: a second text
 * under a name throws here rather than at a connection that prepared the first.
 * @example const findRow = preparedStatement<{ id: string }>('outbox_find', 'SELECT id FROM outbox_sends WHERE idempotency_key = $1');
 */
export function preparedStatement<Row = Record<string, unknown>>(name: string, text: string): PreparedStatement<Row> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`prepared statement name "${name}": lowercase letters, digits and _`);
  const qualified = `tandem_${name}`;
  const earlier = defined.get(qualified);
  if (earlier !== undefined && earlier !== text) throw new Error(`prepared statement "${name}" is already defined with another text`);
  defined.set(qualified, text);
  return { name: qualified, text };
}

/** `DATABASE_PREPARED_STATEMENTS=off` (a pooler that cannot keep them) runs the same texts unnamed. */
let named: boolean | undefined;
const useNames = (): boolean => (named ??= loadConfig(['database']).DATABASE_PREPARED_STATEMENTS === 'on');

/** The slice of a `pg` client this helper uses (what TypeORM's postgres query runner connects to). */
interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Runs `statement` with `values` on `on`'s connection: a query runner's, a transactional
 * manager's (so it takes part in the transaction), or one taken from the pool for the call.
 * Answers the rows and the row count whatever the command (TypeORM's `query()` answers
 * UPDATE and DELETE with `[rows, count]`). Errors are TypeORM's `QueryFailedError`, as from
 * `query()`; the connection stays usable after one, and after a rollback.
 */
export async function runPrepared<Row>(
  on: DataSource | EntityManager | QueryRunner,
  statement: PreparedStatement<Row>,
  values: readonly unknown[],
): Promise<{ rows: Row[]; rowCount: number }> {
  const given = on instanceof DataSource ? undefined : on instanceof EntityManager ? on.queryRunner : on;
  const dataSource = on instanceof DataSource ? on : on instanceof EntityManager ? on.connection : on.connection;
  if (given?.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const runner = given ?? dataSource.createQueryRunner();
  try {
    // `connect()` is TypeORM's public way to the driver connection of a query runner: the pg client.
    const client = (await runner.connect()) as PgClient;
    const params = [...values];
    dataSource.logger.logQuery(statement.text, params, runner);
    try {
      const config = useNames() ? { name: statement.name, text: statement.text, values: params } : { text: statement.text, values: params };
      const result = await client.query(config);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      dataSource.logger.logQueryError(error as Error, statement.text, params, runner);
      throw new QueryFailedError(statement.text, params, error as Error);
    }
  } finally {
    if (!given) await runner.release();
  }
}
