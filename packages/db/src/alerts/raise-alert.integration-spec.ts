import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import type { AlertInput } from './alert.types';
import { ALERT_REOPEN_WINDOW_MS, raiseAlert, resolveAlerts } from './raise-alert';

describe('raiseAlert', () => {
  let db: MigratedDatabase;
  let ws: string;
  const T0 = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(T0.getTime() + ms);
  const alert = (subject: string): AlertInput => ({
    workspaceId: ws,
    kind: 'number.disconnected',
    subject,
    severity: 'critical',
    title: 'Number disconnected',
    body: 'Meta removed the partner',
    data: { reason: 'PARTNER_REMOVED' },
  });
  const deliveries = async (alertId: string) =>
    (await db.ds.query('SELECT endpoint_id FROM alert_deliveries WHERE alert_id = $1', [alertId])) as unknown[];

  beforeAll(async () => {
    db = await createMigratedDatabase('db_alerts');
    ws = (await db.seedNumber()).workspaceId;
    await db.ds.query(
      `INSERT INTO alert_endpoints (workspace_id, url, kinds, secret_name, enabled) VALUES
         ($1, 'http://127.0.0.1:1/all', '{}', 's1', true),
         ($1, 'http://127.0.0.1:1/templates', '{template.paused}', 's2', true),
         ($1, 'http://127.0.0.1:1/off', '{}', 's3', false)`,
      [ws],
    );
  });
  afterAll(() => db.close());

  it('creates one alert per open subject and queues it only for the endpoints that take its kind', async () => {
    const first = await raiseAlert(db.ds.manager, alert('number:a'), T0);
    const again = await raiseAlert(db.ds.manager, alert('number:a'), at(1000));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await deliveries(first.id)).toHaveLength(1);
    const [row] = await db.ds.query('SELECT raise_count, resolved_at FROM alerts WHERE id = $1', [first.id]);
    expect(row).toEqual({ raise_count: 2, resolved_at: null });
  });

  it('reopens a recently resolved alert without telling anyone again, and raises anew after the window', async () => {
    const first = await raiseAlert(db.ds.manager, alert('number:b'), T0);
    expect(await resolveAlerts(db.ds.manager, ws, ['number.disconnected'], 'number:b', at(60_000))).toBe(1);
    const flap = await raiseAlert(db.ds.manager, alert('number:b'), at(120_000));
    expect(flap).toEqual({ id: first.id, created: false });
    expect(await deliveries(first.id)).toHaveLength(1);
    await resolveAlerts(db.ds.manager, ws, ['number.disconnected'], 'number:b', at(180_000));
    const later = await raiseAlert(db.ds.manager, alert('number:b'), at(180_000 + ALERT_REOPEN_WINDOW_MS + 1));
    expect(later.created).toBe(true);
    expect(later.id).not.toBe(first.id);
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      db.ds.transaction(async (m) => {
        await raiseAlert(m, alert('number:c'), T0);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.ds.query(`SELECT id FROM alerts WHERE subject = 'number:c'`)).toEqual([]);
  });
});
