import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { parseSecretKeys } from './secret-keys';
import { SecretStore } from './secret-store';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('SecretStore', () => {
  let db: MigratedDatabase;
  let ws: string;
  let other: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('db_secrets');
    ws = (await db.seedNumber()).workspaceId;
    other = (await db.seedNumber()).workspaceId;
  });
  afterAll(() => db.close());

  it('stores only ciphertext, scopes names to the workspace and replaces on put', async () => {
    const store = new SecretStore(parseSecretKeys(`k1:${key(1)}`));
    await store.put(db.ds.manager, ws, 'crm', 'canary-first', null);
    const meta = await store.put(db.ds.manager, ws, 'crm', 'canary-second', null);
    expect(meta).toMatchObject({ name: 'crm', keyId: 'k1', updatedBy: null });
    const raw: { ciphertext: Buffer }[] = await db.ds.query(`SELECT * FROM secrets WHERE workspace_id = $1`, [ws]);
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain('canary');
    expect(await store.read(db.ds.manager, ws, 'crm')).toBe('canary-second');
    expect(await store.read(db.ds.manager, other, 'crm')).toBeUndefined();
    expect(await store.list(db.ds.manager, other)).toEqual([]);
    expect(await store.remove(db.ds.manager, other, 'crm')).toBe(false);
  });

  it('refuses to open a row copied into another workspace', async () => {
    const store = new SecretStore(parseSecretKeys(`k1:${key(1)}`));
    await store.put(db.ds.manager, ws, 'moved', 'canary-moved', null);
    await db.ds.query(
      `INSERT INTO secrets (workspace_id, name, key_id, nonce, ciphertext, auth_tag)
       SELECT $2, name, key_id, nonce, ciphertext, auth_tag FROM secrets WHERE workspace_id = $1 AND name = 'moved'`,
      [ws, other],
    );
    await expect(store.read(db.ds.manager, other, 'moved')).rejects.toThrow(/cannot be decrypted/);
    expect(await store.readAll(db.ds.manager, other)).toEqual([]);
  });

  it('rotates every row onto the current key, idempotently, keeping values', async () => {
    const before = new SecretStore(parseSecretKeys(`k1:${key(1)}`));
    await before.put(db.ds.manager, other, 'erp', 'canary-erp', null);
    const after = new SecretStore(parseSecretKeys(`k2:${key(2)},k1:${key(1)}`));
    const first = await after.rotate(db.ds);
    expect(first.resealed).toBeGreaterThanOrEqual(2);
    // The row copied across workspaces cannot be opened: counted, left as it is.
    expect(first.failed).toBe(1);
    expect(await after.rotate(db.ds)).toEqual({ total: first.total, resealed: 0, failed: 1 });
    const onlyNew = new SecretStore(parseSecretKeys(`k2:${key(2)}`));
    expect(await onlyNew.read(db.ds.manager, other, 'erp')).toBe('canary-erp');
    expect(await onlyNew.read(db.ds.manager, ws, 'crm')).toBe('canary-second');
    expect((await onlyNew.list(db.ds.manager, ws)).map((s) => s.keyId)).toEqual(['k2', 'k2']);
  });
});
