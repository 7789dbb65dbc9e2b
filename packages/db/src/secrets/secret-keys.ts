import { loadConfig } from '@tandem/config';

/** One AES-256 key of the secrets store and the id stored next to each value it sealed. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The keys of TANDEM_SECRETS_KEYS: `current` seals, every key in `byId` opens. */
export interface SecretKeyRing {
  current: SecretKey;
  byId: ReadonlyMap<string, Buffer>;
}

/**
 * Parses `id:base64key,…` (already validated by @tandem/config; checked again here because a
 * key ring can be built from a test's own string).
 */
export function parseSecretKeys(list: string): SecretKeyRing {
  const keys = list.split(',').map((entry): SecretKey => {
    const [id, b64] = entry.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error('TANDEM_SECRETS_KEYS: each entry is id:base64key with a 32-byte key');
    return { id, key };
  });
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  if (byId.size !== keys.length) throw new Error('TANDEM_SECRETS_KEYS: key ids must be unique');
  return { current: keys[0], byId };
}

/** The key ring of this process's environment. */
export function secretKeysFromEnv(env: Record<string, string | undefined> = process.env): SecretKeyRing {
  return parseSecretKeys(loadConfig(['secrets'], env).TANDEM_SECRETS_KEYS);
}
