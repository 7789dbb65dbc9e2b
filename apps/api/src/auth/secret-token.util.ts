import { createHash, randomBytes } from 'node:crypto';

/** Prefixes that tell a session cookie, an API token and a password link apart when seen in the wild. */
export type SecretKind = 'tds' | 'tdt' | 'tdr';

/** A new random secret (256 bits, base64url) with its kind as prefix, e.g. `tdt_…`. */
export function newSecret(kind: SecretKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of the secret. SHA-256 suffices (no salt, no stretching): the
 * secrets are 256 random bits, not something a person chose, so nothing can be guessed.
 */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
