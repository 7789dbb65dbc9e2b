import { Injectable, NotFoundException } from '@nestjs/common';
import { ROLE_PERMISSIONS, type Role } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { DataSource } from 'typeorm';
import { queryRows } from '../common/sql.util';
import type { Caller } from './caller.types';
import { newSecret, secretHash } from './secret-token.util';

/** How often "last seen" and the idle deadline are written back (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

interface SessionRow {
  id: string;
  userId: string;
  email: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

interface TokenRow {
  id: string;
  name: string;
  workspaceId: string;
  role: Role;
  createdBy: string | null;
  lastUsedAt: Date | null;
}

/**
 * Turns a session cookie or an API token into a {@link Caller}, and opens and ends sessions.
 * Sessions belong to a person and work in each of their workspaces (the studio names one per
 * request); tokens belong to one workspace and carry their own role.
 */
@Injectable()
export class CredentialsService {
  private readonly cfg = loadConfig(['api']);

  constructor(private readonly ds: DataSource) {}

  async openSession(userId: string, origin: RequestOrigin): Promise<{ id: string; secret: string; expiresAt: Date }> {
    const secret = newSecret('tds');
    const [row] = await this.ds.query(
      `INSERT INTO sessions (user_id, token_hash, idle_expires_at, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(secs => $3), now() + make_interval(secs => $4), $5, $6)
       RETURNING id, expires_at AS "expiresAt"`,
      [userId, secretHash(secret), this.idleSeconds(), this.cfg.SESSION_MAX_DAYS * 86_400, origin.ip, origin.userAgent?.slice(0, 300)],
    );
    return { id: row.id, secret, expiresAt: row.expiresAt };
  }

  /** Ends one session of a person (their own, or any by an admin action); false if none matched. */
  async revokeSession(userId: string, sessionId: string): Promise<boolean> {
    const rows = await queryRows(
      this.ds.manager,
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id',
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  async revokeAllSessions(userId: string): Promise<void> {
    await this.ds.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  /** A live session's caller in the named workspace (or the person's first one). */
  async fromSession(secret: string, workspaceId: string | undefined, origin: RequestOrigin): Promise<Caller | null> {
    const [session]: SessionRow[] = await this.ds.query(
      `SELECT s.id, s.user_id AS "userId", u.email, s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND s.idle_expires_at > now()`,
      [secretHash(secret)],
    );
    if (!session) return null;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.ds.query(
        `UPDATE sessions SET last_seen_at = now(), idle_expires_at = LEAST(expires_at, now() + make_interval(secs => $2)) WHERE id = $1`,
        [session.id, this.idleSeconds()],
      );
    }
    const membership = await this.membership(session.userId, workspaceId);
    return {
      kind: 'session',
      userId: session.userId,
      sessionId: session.id,
      tokenId: null,
      label: session.email,
      workspaceId: membership.workspaceId,
      role: membership.role,
      permissions: new Set(ROLE_PERMISSIONS[membership.role]),
      ...origin,
    };
  }

  /** A live API token's caller; a token names no other workspace than its own. */
  async fromToken(secret: string, workspaceId: string | undefined, origin: RequestOrigin): Promise<Caller | null> {
    const [token]: TokenRow[] = await this.ds.query(
      `SELECT id, name, workspace_id AS "workspaceId", role, created_by AS "createdBy", last_used_at AS "lastUsedAt"
         FROM api_tokens
        WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
      [secretHash(secret)],
    );
    if (!token) return null;
    if (workspaceId && workspaceId !== token.workspaceId) throw new NotFoundException('No such workspace');
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await this.ds.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [token.id]);
    }
    return {
      kind: 'token',
      userId: token.createdBy,
      sessionId: null,
      tokenId: token.id,
      label: `token ${token.name}`,
      workspaceId: token.workspaceId,
      role: token.role,
      permissions: new Set(ROLE_PERMISSIONS[token.role]),
      ...origin,
    };
  }

  /**
   * The person's role in the workspace asked for, or in their oldest membership when none is
   * named. A workspace they do not belong to answers 404, as if it did not exist.
   */
  private async membership(userId: string, workspaceId: string | undefined): Promise<{ workspaceId: string; role: Role }> {
    const rows: { workspaceId: string; role: Role }[] = await this.ds.query(
      `SELECT workspace_id AS "workspaceId", role FROM workspace_members
        WHERE user_id = $1 AND ($2::uuid IS NULL OR workspace_id = $2::uuid)
        ORDER BY created_at, workspace_id LIMIT 1`,
      [userId, workspaceId ?? null],
    );
    if (!rows[0]) throw new NotFoundException(workspaceId ? 'No such workspace' : 'You are not a member of any workspace');
    return rows[0];
  }

  private idleSeconds(): number {
    return Math.round(this.cfg.SESSION_IDLE_HOURS * 3600);
  }
}
