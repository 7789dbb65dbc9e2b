import { DataSource } from 'typeorm';
import { createEmptyDatabase } from '../__fixtures__/scratch-database';
import { dataSourceOptions } from '../data-source';
import { migrations } from '.';

const before = migrations.filter((m) => m.name !== 'EngineEventDispatch1796338000000');

describe('EngineEventDispatch migration', () => {
  it('counts the events the relay had published as dispatched and leaves the others pending', async () => {
    const db = await createEmptyDatabase('db_migration_dispatch');
    const open = async (list: typeof migrations) => {
      const ds = new DataSource({ ...dataSourceOptions({ url: db.url, poolSize: 2 }), migrations: list });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    };
    try {
      const old = await open(before);
      const [ws] = await old.query(`INSERT INTO workspaces (name) VALUES ('Acme') RETURNING id`);
      await old.query(
        `INSERT INTO domain_events (workspace_id, contact_key, kind, payload, published_at)
         VALUES ($1, 'c', 'message.received', '{"n":1}', now()), ($1, 'c', 'message.received', '{"n":2}', NULL)`,
        [ws.id],
      );
      await old.destroy();

      const ds = await open(migrations);
      const rows = await ds.query(
        `SELECT payload->>'n' AS n, dispatched_at IS NOT NULL AS dispatched, attempts, dead_at FROM domain_events ORDER BY id`,
      );
      expect(rows).toEqual([
        { n: '1', dispatched: true, attempts: 0, dead_at: null },
        { n: '2', dispatched: false, attempts: 0, dead_at: null },
      ]);
      await ds.undoLastMigration({ transaction: 'each' });
      const reverted = await ds.query(`SELECT payload->>'n' AS n, published_at IS NOT NULL AS published FROM domain_events ORDER BY id`);
      expect(reverted).toEqual([
        { n: '1', published: true },
        { n: '2', published: false },
      ]);
      await ds.destroy();
    } finally {
      await db.drop();
    }
  });
});
