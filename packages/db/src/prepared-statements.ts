import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Which parameterized statements run as named prepared statements. PostgreSQL parses and
 * analyses an unnamed statement on every execution; a named one once per connection (its
 * plan is still made per execution: `dataSourceOptions` sets `plan_cache_mode` to custom
 * plans). Tandem's hot paths run the same few dozen statements thousands of times; named,
 * they cost ≈ 12 % less CPU per answered message in `bench:reply`.
 *
 * A statement text is prepared from its second use in the process on; at most `maxNamed`
 * texts ever get a name (and so at most that many prepared statements per connection), so
 * statements built with a varying shape cannot grow the server's memory without bound.
 */
export class StatementNames {
  private readonly uses = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(
    readonly maxNamed = 400,
    private readonly maxTracked = 5_000,
  ) {}

  /** The name to prepare `text` under, or undefined to run it unnamed. */
  nameFor(text: string): string | undefined {
    const named = this.names.get(text);
    if (named !== undefined || this.names.size >= this.maxNamed) return named;
    const uses = (this.uses.get(text) ?? 0) + 1;
    if (uses < 2) {
      if (this.uses.size < this.maxTracked) this.uses.set(text, uses);
      return undefined;
    }
    this.uses.delete(text);
    const name = `tandem_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

/** One registry per process: every pool of the process prepares the same texts. */
export const statementNames = new StatementNames();

/**
 * A `pg` client that runs repeated parameterized statements as named prepared statements
 * (see {@link StatementNames}). Everything else — statements without parameters, query
 * objects, cursors — goes through unchanged. Give it to the pool as `Client`.
 */
export class PreparingClient extends pg.Client {}

const unnamedQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

PreparingClient.prototype.query = function query(this: pg.Client, ...args: unknown[]): unknown {
  const [text, values, callback] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementNames.nameFor(text);
    if (name !== undefined) return unnamedQuery.call(this, { name, text, values }, callback);
  }
  return unnamedQuery.apply(this, args);
} as pg.Client['query'];
