import { DataSource } from 'typeorm';
import { createEmptyDatabase } from '../__fixtures__/scratch-database';
import { dataSourceOptions } from '../data-source';
import { migrations } from '.';

// Every migration older than Teams (later ones may depend on its tables).
const before = migrations.slice(
  0,
  migrations.findIndex((m) => m.name === 'Teams1796500000000'),
);

const body = (entries: unknown[]) => Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: entries }));

describe('Teams migration', () => {
  it('keeps existing rows in their workspace and reads the numbers and WABAs of stored deliveries', async () => {
    const db = await createEmptyDatabase('db_migration_teams');
    const open = async (list: typeof migrations) => {
      const ds = new DataSource({ ...dataSourceOptions({ url: db.url, poolSize: 2 }), migrations: list });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      return ds;
    };
    try {
      const old = await open(before);
      const [ws] = await old.query(`INSERT INTO workspaces (name) VALUES ('Acme') RETURNING id`);
      const [journey] = await old.query(
        `INSERT INTO journeys (workspace_id, name, status, draft, settings) VALUES ($1, 'Welcome', 'draft', '{}', '{}') RETURNING id`,
        [ws.id],
      );
      const change = (phoneNumberId: string) => ({ field: 'messages', value: { metadata: { phone_number_id: phoneNumberId } } });
      const deliveries: [string, Buffer][] = [
        ['two numbers, one WABA', body([{ id: 'waba-1', changes: [change('pn-1'), change('pn-2'), change('pn-1')] }])],
        ['account update (WABA only)', body([{ id: 'waba-2', changes: [{ field: 'account_update', value: {} }] }])],
        ['not JSON', Buffer.from('not json at all')],
      ];
      for (const [signature, raw] of deliveries) {
        await old.query(`INSERT INTO webhook_deliveries (body, body_sha256, signature) VALUES ($1, $2, $3)`, [raw, signature, signature]);
      }
      await old.destroy();

      const ds = await open(migrations.slice(0, before.length + 1));
      expect(await ds.query('SELECT workspace_id FROM journeys WHERE id = $1', [journey.id])).toEqual([{ workspace_id: ws.id }]);
      expect(
        await ds.query('SELECT signature, phone_number_ids, waba_ids FROM webhook_deliveries ORDER BY received_at, signature'),
      ).toEqual(
        expect.arrayContaining([
          { signature: 'two numbers, one WABA', phone_number_ids: ['pn-1', 'pn-2'], waba_ids: ['waba-1'] },
          { signature: 'account update (WABA only)', phone_number_ids: [], waba_ids: ['waba-2'] },
          { signature: 'not JSON', phone_number_ids: [], waba_ids: [] },
        ]),
      );
      await ds.undoLastMigration({ transaction: 'each' });
      const [{ tables }] = await ds.query(
        `SELECT count(*)::int AS tables FROM pg_tables WHERE tablename IN ('users', 'audit_log', 'sessions')`,
      );
      expect(tables).toBe(0);
      expect(await ds.query('SELECT count(*)::int AS n FROM webhook_deliveries')).toEqual([{ n: 3 }]);
      await ds.destroy();
    } finally {
      await db.drop();
    }
  });
});
