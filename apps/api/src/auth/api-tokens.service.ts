import { Injectable, NotFoundException } from '@nestjs/common';
import type { ApiTokenDto, CreateApiTokenRequest, Role } from '@tandem/api-contract';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service';
import type { Caller } from './caller.types';
import { newSecret, secretHash } from './secret-token.util';

const TOKEN_SELECT = `SELECT t.id, t.name, t.role, t.prefix, t.created_at AS "createdAt", u.email AS "createdBy",
  t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt"
  FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by`;

/** What {@link issueApiToken} stores. */
export interface NewApiToken {
  workspaceId: string;
  name: string;
  role: Role;
  createdBy: string | null;
  expiresInDays?: number;
}

/** Stores a new API token (its hash) and returns it with the secret, which is never stored. */
export async function issueApiToken(m: EntityManager | DataSource, t: NewApiToken): Promise<{ id: string; token: string }> {
  const token = newSecret('tdt');
  const [row] = await m.query(
    `INSERT INTO api_tokens (workspace_id, name, role, token_hash, prefix, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(days => $7::int) END)
     RETURNING id`,
    [t.workspaceId, t.name, t.role, secretHash(token), token.slice(0, 10), t.createdBy, t.expiresInDays ?? null],
  );
  return { id: row.id, token };
}

/** API tokens of the caller's workspace: created (shown once), listed, revoked. */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<ApiTokenDto[]> {
    const rows: TokenRow[] = await this.ds.query(`${TOKEN_SELECT} WHERE t.workspace_id = $1 ORDER BY t.created_at DESC`, [
      caller.workspaceId,
    ]);
    return rows.map(toDto);
  }

  async create(caller: Caller, input: CreateApiTokenRequest): Promise<ApiTokenDto & { token: string }> {
    return this.ds.transaction(async (m) => {
      const { id, token } = await issueApiToken(m, { workspaceId: caller.workspaceId, createdBy: caller.userId, ...input });
      await this.audit.record(m, caller, {
        action: 'token.created',
        targetType: 'api_token',
        targetId: id,
        targetLabel: input.name,
        after: { role: input.role, expiresInDays: input.expiresInDays ?? null },
      });
      return { ...(await this.one(m, caller.workspaceId, id)), token };
    });
  }

  async revoke(caller: Caller, id: string): Promise<ApiTokenDto> {
    return this.ds.transaction(async (m) => {
      const before = await this.one(m, caller.workspaceId, id);
      if (before.revokedAt) return before;
      await m.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1', [id]);
      await this.audit.record(m, caller, {
        action: 'token.revoked',
        targetType: 'api_token',
        targetId: id,
        targetLabel: before.name,
        before: { role: before.role },
      });
      return this.one(m, caller.workspaceId, id);
    });
  }

  private async one(m: EntityManager, workspaceId: string, id: string): Promise<ApiTokenDto> {
    const [row]: TokenRow[] = await m.query(`${TOKEN_SELECT} WHERE t.workspace_id = $1 AND t.id = $2`, [workspaceId, id]);
    if (!row) throw new NotFoundException('No such token');
    return toDto(row);
  }
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toDto(r: TokenRow): ApiTokenDto {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    expiresAt: iso(r.expiresAt),
    lastUsedAt: iso(r.lastUsedAt),
    revokedAt: iso(r.revokedAt),
  };
}
