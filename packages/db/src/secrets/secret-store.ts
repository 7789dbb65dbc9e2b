import type { DataSource, EntityManager } from 'typeorm';
import { Secret } from '../entities/secret.entity';
import { openSecret, sealSecret } from './secret-box';
import type { SecretKeyRing } from './secret-keys';

/**
 * Names Tandem keeps its own secrets under — `meta.` for the WhatsApp accounts' business
 * tokens (see meta-token.ts), `tandem.` for alert endpoints' signing secrets: never a node
 * credential, never listed, set or read through the credentials API or `ctx.credentials`.
 */
export const RESERVED_SECRET_PREFIXES = ['meta.', 'tandem.'] as const;

export const isReservedSecretName = (name: string): boolean => RESERVED_SECRET_PREFIXES.some((prefix) => name.startsWith(prefix));

/** Names of credentials: what node configs and the REST path use. */
export const SECRET_NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

/** What may be shown about a stored credential: never its value. */
export interface SecretMetadata {
  name: string;
  keyId: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

const metadata = (s: Secret): SecretMetadata => ({
  name: s.name,
  keyId: s.keyId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  updatedBy: s.createdBy,
});

/**
 * The workspace-scoped store of sealed credentials. Writes take the caller's EntityManager so
 * they commit with their audit entry; `created_by` is the last writer (updatedBy).
 */
export class SecretStore {
  constructor(private readonly keys: SecretKeyRing) {}

  async list(m: EntityManager, workspaceId: string): Promise<SecretMetadata[]> {
    const rows = await m.getRepository(Secret).find({ where: { workspaceId }, order: { name: 'ASC' } });
    return rows.map(metadata);
  }

  async find(m: EntityManager, workspaceId: string, name: string): Promise<SecretMetadata | undefined> {
    const row = await m.getRepository(Secret).findOneBy({ workspaceId, name });
    return row ? metadata(row) : undefined;
  }

  /** Creates or replaces `name`; returns the new metadata. */
  async put(m: EntityManager, workspaceId: string, name: string, value: string, userId: string | null): Promise<SecretMetadata> {
    if (!SECRET_NAME.test(name)) throw new Error(`invalid credential name "${name}"`);
    const sealed = sealSecret(this.keys, workspaceId, name, value);
    const [row]: Secret[] = await m.query(
      `INSERT INTO secrets (workspace_id, name, key_id, nonce, ciphertext, auth_tag, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (workspace_id, name) DO UPDATE SET key_id = excluded.key_id, nonce = excluded.nonce,
         ciphertext = excluded.ciphertext, auth_tag = excluded.auth_tag, created_by = excluded.created_by, updated_at = now()
       RETURNING name, key_id AS "keyId", created_at AS "createdAt", updated_at AS "updatedAt", created_by AS "createdBy"`,
      [workspaceId, name, sealed.keyId, sealed.nonce, sealed.ciphertext, sealed.authTag, userId],
    );
    return metadata(row);
  }

  /** Deletes `name`; false when the workspace has no such credential. */
  async remove(m: EntityManager, workspaceId: string, name: string): Promise<boolean> {
    const result = await m.getRepository(Secret).delete({ workspaceId, name });
    return (result.affected ?? 0) > 0;
  }

  /** The plain value of `name`, or undefined; throws SecretOpenError when it cannot be opened. */
  async read(m: EntityManager, workspaceId: string, name: string): Promise<string | undefined> {
    const row = await m.getRepository(Secret).findOneBy({ workspaceId, name });
    return row ? openSecret(this.keys, workspaceId, name, row) : undefined;
  }

  /** Every plain value of the workspace (for redaction); rows that fail to open are skipped. */
  async readAll(m: EntityManager, workspaceId: string): Promise<string[]> {
    const rows = await m.getRepository(Secret).findBy({ workspaceId });
    const out: string[] = [];
    for (const row of rows) {
      try {
        out.push(openSecret(this.keys, workspaceId, row.name, row));
      } catch {
        // A row sealed by a retired key cannot leak what nobody can read.
      }
    }
    return out;
  }

  /**
   * Re-seals every row not under the current key (idempotent: a second run finds none). Each row
   * is rewritten in its own statement guarded by its old key id, so a concurrent write wins.
   */
  async rotate(ds: DataSource): Promise<{ total: number; resealed: number; failed: number }> {
    const rows = await ds.getRepository(Secret).find();
    let resealed = 0;
    let failed = 0;
    for (const row of rows) {
      if (row.keyId === this.keys.current.id) continue;
      let value: string;
      try {
        value = openSecret(this.keys, row.workspaceId, row.name, row);
      } catch {
        failed++;
        continue;
      }
      const sealed = sealSecret(this.keys, row.workspaceId, row.name, value);
      const [, affected] = await ds.query(
        `UPDATE secrets SET key_id = $2, nonce = $3, ciphertext = $4, auth_tag = $5 WHERE id = $1 AND key_id = $6 AND nonce = $7`,
        [row.id, sealed.keyId, sealed.nonce, sealed.ciphertext, sealed.authTag, row.keyId, row.nonce],
      );
      if (affected > 0) resealed++;
    }
    return { total: rows.length, resealed, failed };
  }
}
