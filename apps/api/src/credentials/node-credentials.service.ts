import { Injectable, NotFoundException } from '@nestjs/common';
import type { CredentialDto } from '@tandem/api-contract';
import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';

interface Row {
  name: string;
  keyId: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
}

const SELECT = `SELECT s.name, s.key_id AS "keyId", s.created_at AS "createdAt", s.updated_at AS "updatedAt", u.email AS "updatedBy"
  FROM secrets s LEFT JOIN users u ON u.id = s.created_by`;

const toDto = (r: Row): CredentialDto => ({
  name: r.name,
  keyId: r.keyId,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  updatedBy: r.updatedBy,
});

/**
 * Node credentials of the caller's workspace, write-only: values go in sealed and never come
 * back out of this service; the audit log sees only whether one existed and when.
 */
@Injectable()
export class NodeCredentialsService {
  private readonly store = new SecretStore(secretKeysFromEnv());

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<CredentialDto[]> {
    // Tandem's own secrets (Meta tokens, alert endpoints' secrets) share the sealed table but are not node credentials.
    const rows: Row[] = await this.ds.query(
      `${SELECT} WHERE s.workspace_id = $1 AND s.name NOT LIKE 'meta.%' AND s.name NOT LIKE 'tandem.%' ORDER BY s.name`,
      [caller.workspaceId],
    );
    return rows.map(toDto);
  }

  async put(caller: Caller, name: string, value: Record<string, string>): Promise<CredentialDto> {
    return this.ds.transaction(async (m) => {
      const before = await this.one(m, caller.workspaceId, name);
      await this.store.put(m, caller.workspaceId, name, JSON.stringify(value), caller.userId);
      const after = (await this.one(m, caller.workspaceId, name))!;
      await this.record(m, caller, name, before, after);
      return after;
    });
  }

  async remove(caller: Caller, name: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const before = await this.one(m, caller.workspaceId, name);
      if (!before || !(await this.store.remove(m, caller.workspaceId, name))) throw new NotFoundException(`No credential "${name}"`);
      await this.record(m, caller, name, before, undefined);
    });
  }

  private async one(m: EntityManager, workspaceId: string, name: string): Promise<CredentialDto | undefined> {
    const [row]: Row[] = await m.query(`${SELECT} WHERE s.workspace_id = $1 AND s.name = $2 FOR UPDATE OF s`, [workspaceId, name]);
    return row ? toDto(row) : undefined;
  }

  private record(m: EntityManager, caller: Caller, name: string, before?: CredentialDto, after?: CredentialDto) {
    const state = (c?: CredentialDto) => ({ exists: !!c, updatedAt: c?.updatedAt ?? null });
    return this.audit.record(m, caller, {
      action: 'credential.changed',
      targetType: 'credential',
      targetId: name,
      targetLabel: name,
      before: state(before),
      after: state(after),
    });
  }
}
