import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretKeyRing } from './secret-keys';

/** A value as stored: the plain text never leaves this module's callers. */
export interface SealedSecret {
  keyId: string;
  nonce: Buffer;
  ciphertext: Buffer;
  authTag: Buffer;
}

/** The secret could not be opened: unknown key, tampered bytes, or another workspace/name. */
export class SecretOpenError extends Error {
  constructor(reason: string) {
    super(`stored credential cannot be decrypted (${reason})`);
    this.name = 'SecretOpenError';
  }
}

// Binding the owner into the tag means a row copied to another workspace or renamed fails to
// open instead of handing one workspace's credential to another. Names never contain '/'.
const aad = (workspaceId: string, name: string) => Buffer.from(`${workspaceId}/${name}`, 'utf8');

/** Seals `plaintext` with the current key and a fresh 96-bit nonce (never reused under one key). */
export function sealSecret(keys: SecretKeyRing, workspaceId: string, name: string, plaintext: string): SealedSecret {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current.key, nonce);
  cipher.setAAD(aad(workspaceId, name));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { keyId: keys.current.id, nonce, ciphertext, authTag: cipher.getAuthTag() };
}

/** Opens a sealed value with the key it names; throws SecretOpenError, never returns garbage. */
export function openSecret(keys: SecretKeyRing, workspaceId: string, name: string, sealed: SealedSecret): string {
  const key = keys.byId.get(sealed.keyId);
  if (!key) throw new SecretOpenError(`key "${sealed.keyId}" is not in TANDEM_SECRETS_KEYS`);
  // A truncated tag would weaken GCM's check: accept the full 16 bytes only.
  if (sealed.authTag.length !== 16 || sealed.nonce.length !== 12) throw new SecretOpenError('malformed row');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAAD(aad(workspaceId, name));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretOpenError('authentication failed');
  }
}
