import type { DataSource } from 'typeorm';
import { createEmptyDatabase } from '../__fixtures__/scratch-database';
import { createDataSource } from '../data-source';
import { entities } from '../entities';
import { migrations } from '.';

const TABLES = [
  'alert_deliveries',
  'alert_endpoints',
  'alert_reads',
  'alerts',
  'api_tokens',
  'audit_log',
  'business_numbers',
  'campaign_skips',
  'campaigns',
  'contact_opt_events',
  'contacts',
  'conversation_events',
  'conversation_notes',
  'conversation_reads',
  'domain_events',
  'inbox_replies',
  'journey_runs',
  'journey_versions',
  'journeys',
  'media_files',
  'message_status_events',
  'messages',
  'outbox_sends',
  'password_resets',
  'processed_events',
  'run_steps',
  'secrets',
  'sessions',
  'templates',
  'users',
  'webhook_deliveries',
  'workspace_members',
  'workspaces',
];

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'
     ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('InitialSchema migration', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    db = await createEmptyDatabase('db_migrations');
    ds = createDataSource(db.url, 2);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('applies on an empty database and creates every table', async () => {
    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual([
      'InitialSchema1795708800000',
      'CampaignName1795708900000',
      'RunStepNumber1795709000000',
      'DeliveryClaims1795709100000',
      'EngineEventDispatch1796338000000',
      'Teams1796500000000',
      'Secrets1796600000000',
      'ConversationOwnership1796700000000',
      'OptOut1796710000000',
      'Inbox1796720000000',
      'ConnectNumbers1796730000000',
      'Media1796740000000',
      'TemplatesAlerts1796750000000',
    ]);
    expect(await tables(ds)).toEqual(TABLES);
  });

  it('maps every entity column onto the migrated schema', async () => {
    for (const entity of entities) {
      await expect(ds.getRepository(entity).find({ take: 1 })).resolves.toEqual([]);
    }
    const columns = (entity: (typeof entities)[number]) => ds.getMetadata(entity).columns.map((c) => c.databaseName);
    const rows: { table_name: string; column_name: string }[] = await ds.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    for (const entity of entities) {
      const table = ds.getMetadata(entity).tableName;
      const inDb = rows
        .filter((r) => r.table_name === table)
        .map((r) => r.column_name)
        .sort();
      expect([table, [...columns(entity)].sort()]).toEqual([table, inDb]);
    }
  });

  it('reverts cleanly and applies again', async () => {
    for (let i = 0; i < migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    const functions: unknown[] = await ds.query(`SELECT 1 FROM pg_proc WHERE proname = 'journey_versions_immutable'`);
    expect(functions).toHaveLength(0);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(TABLES);
  });
});
