import type { Readable } from 'node:stream';

/**
 * Where media bytes live. Keys come from {@link mediaKey} only: `<workspace uuid>/<2 hex>/<sha256 hex>`,
 * so a file is addressed by its content within its workspace (the same picture received twice is
 * stored once) and no key can name a path outside the store. Local disk is the implementation;
 * another (S3-compatible) would implement the same four calls.
 */
export abstract class MediaStorage {
  /** Stores the bytes under the key; storing the same key again is a no-op (same content). */
  abstract put(key: string, data: Buffer): Promise<void>;
  /** A stream of the stored bytes; rejects when the key holds nothing. */
  abstract open(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  abstract remove(key: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The storage key of bytes with this hex sha256 in this workspace. */
export function mediaKey(workspaceId: string, sha256Hex: string): string {
  const ws = workspaceId.toLowerCase();
  const sha = sha256Hex.toLowerCase();
  if (!UUID.test(ws) || !SHA256_HEX.test(sha)) throw new Error('a media key needs a workspace uuid and a hex sha256');
  return `${ws}/${sha.slice(0, 2)}/${sha}`;
}

/** Refuses anything that {@link mediaKey} would not have made. */
export function assertMediaKey(key: string): void {
  if (!KEY.test(key)) throw new Error('not a media storage key');
}
