import 'reflect-metadata';
import { createDataSource, SecretStore, secretKeysFromEnv } from '@tandem/db';

// `npm run secrets:rotate`: re-seals every stored credential with the first key of
// TANDEM_SECRETS_KEYS (docs/security.md, "Secrets"). Safe to run again: rows already under the
// current key are left alone. Exits 1 when a row could not be opened with any configured key.
async function main(): Promise<void> {
  const store = new SecretStore(secretKeysFromEnv());
  const ds = createDataSource(undefined, 2);
  await ds.initialize();
  try {
    const { total, resealed, failed } = await store.rotate(ds);
    console.log(
      `[secrets:rotate] ${total} stored, ${resealed} re-sealed, ${total - resealed - failed} already current, ${failed} unreadable`,
    );
    if (failed > 0) process.exitCode = 1;
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error('[secrets:rotate] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
