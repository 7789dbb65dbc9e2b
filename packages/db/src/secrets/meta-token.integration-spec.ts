import { createMigratedDatabase, type MigratedDatabase } from '../__fixtures__/migrated-database';
import { metaTokenName, MetaTokenMissingError, MetaTokenResolver } from './meta-token';
import { parseSecretKeys } from './secret-keys';
import { isReservedSecretName, SecretStore } from './secret-store';

const store = new SecretStore(parseSecretKeys(`k1:${Buffer.alloc(32, 7).toString('base64')}`));

describe('MetaTokenResolver', () => {
  let db: MigratedDatabase;
  let ws: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('db_meta_tokens');
    ws = (await db.seedNumber('pn-a')).workspaceId;
    await db.ds.query(
      `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap)
       VALUES ($1, 'pn-b', 'waba-2', '15557012255', 'cloud', 80)`,
      [ws],
    );
    await store.put(db.ds.manager, ws, metaTokenName('waba-1'), 'business-token-1', null);
  });
  afterAll(() => db.close());

  it('finds the WABA’s stored token by phone number or by WABA', async () => {
    const tokens = new MetaTokenResolver(db.ds, store, { fallbackToken: 'system-token' });
    await expect(tokens.tokenFor({ phoneNumberId: 'pn-a' })).resolves.toBe('business-token-1');
    await expect(tokens.tokenFor({ wabaId: 'waba-1' })).resolves.toBe('business-token-1');
  });

  it('falls back to the system token for a number without one, and fails clearly without a fallback', async () => {
    await expect(new MetaTokenResolver(db.ds, store, { fallbackToken: 'system-token' }).tokenFor({ phoneNumberId: 'pn-b' })).resolves.toBe(
      'system-token',
    );
    const strict = new MetaTokenResolver(db.ds, store);
    const error = await strict.tokenFor({ phoneNumberId: 'pn-b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaTokenMissingError);
    expect((error as Error).message).toBe('no Meta token is stored for phone number pn-b: connect the number again');
  });

  it('reuses a resolved token for the cache period, then reads the store again', async () => {
    let now = 0;
    const tokens = new MetaTokenResolver(db.ds, store, { cacheMs: 1000, clock: () => now });
    await store.put(db.ds.manager, ws, metaTokenName('waba-2'), 'business-token-2', null);
    await expect(tokens.tokenFor({ phoneNumberId: 'pn-b' })).resolves.toBe('business-token-2');
    await store.put(db.ds.manager, ws, metaTokenName('waba-2'), 'business-token-2b', null);
    await expect(tokens.tokenFor({ phoneNumberId: 'pn-b' })).resolves.toBe('business-token-2');
    now = 1001;
    await expect(tokens.tokenFor({ phoneNumberId: 'pn-b' })).resolves.toBe('business-token-2b');
  });

  it('keeps meta.* names for tokens', () => {
    expect([metaTokenName('1'), 'meta.x', 'crm', 'metadata'].map(isReservedSecretName)).toEqual([true, true, false, false]);
  });
});
