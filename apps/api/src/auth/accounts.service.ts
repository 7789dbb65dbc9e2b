import { BadRequestException, ConflictException, Injectable, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
import type { MeDto, Role, SessionDto } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { DataSource } from 'typeorm';
import type { Caller } from './caller.types';
import { CredentialsService, type RequestOrigin } from './credentials.service';
import { queryRows } from '../common/sql.util';
import { hashPassword, verifyPassword, warmUpPasswordCheck } from './password.util';
import { secretHash } from './secret-token.util';

/** The same answer for an unknown email, a wrong password and a locked account. */
const SIGN_IN_REFUSED = 'Wrong email or password (after repeated failures an account is locked for a while)';

interface UserRow {
  id: string;
  email: string;
  passwordHash: string | null;
  locked: boolean;
}

/** Signing in and out, the caller's own account and sessions, one-time password links. */
@Injectable()
export class AccountsService implements OnModuleInit {
  private readonly cfg = loadConfig(['api']);

  constructor(
    private readonly ds: DataSource,
    private readonly credentials: CredentialsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await warmUpPasswordCheck();
  }

  /**
   * Checks the password (argon2id, run even for unknown emails so the time taken says
   * nothing) and opens a session. Consecutive failures lock the account for a while.
   */
  async signIn(email: string, password: string, origin: RequestOrigin) {
    const [user]: UserRow[] = await this.ds.query(
      `SELECT id, email, password_hash AS "passwordHash", COALESCE(locked_until > now(), false) AS locked FROM users WHERE email = $1`,
      [email],
    );
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || user.locked) {
      if (user && !user.locked) await this.countFailure(user.id);
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    await this.ds.query('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    return this.credentials.openSession(user.id, origin);
  }

  /**
   * Counts a failure of an account that is not locked. A lock that has passed leaves its count
   * behind; the count starts again from this failure, or one wrong password would lock again.
   */
  private async countFailure(userId: string): Promise<void> {
    await this.ds.query(
      `UPDATE users u SET failed_sign_ins = n.failures,
              locked_until = CASE WHEN n.failures >= $2 THEN now() + make_interval(mins => $3) END
         FROM (SELECT id, CASE WHEN locked_until IS NULL THEN failed_sign_ins + 1 ELSE 1 END AS failures FROM users WHERE id = $1) n
        WHERE u.id = n.id`,
      [userId, this.cfg.SIGN_IN_MAX_FAILURES, this.cfg.SIGN_IN_LOCK_MINUTES],
    );
  }

  async me(caller: Caller): Promise<MeDto> {
    const workspaces: { id: string; name: string; role: Role }[] = caller.userId
      ? await this.ds.query(
          `SELECT w.id, w.name, m.role FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id
            WHERE m.user_id = $1 ORDER BY m.created_at, w.id`,
          [caller.userId],
        )
      : [];
    const [ws]: { id: string; name: string }[] = await this.ds.query('SELECT id, name FROM workspaces WHERE id = $1', [caller.workspaceId]);
    const [user]: { id: string; email: string; name: string }[] =
      caller.kind === 'session' ? await this.ds.query('SELECT id, email, name FROM users WHERE id = $1', [caller.userId]) : [];
    const [session]: { id: string; expiresAt: Date }[] = caller.sessionId
      ? await this.ds.query('SELECT id, LEAST(expires_at, idle_expires_at) AS "expiresAt" FROM sessions WHERE id = $1', [caller.sessionId])
      : [];
    const current = { id: ws.id, name: ws.name, role: caller.role };
    return {
      user: user ?? null,
      token: caller.kind === 'token' && caller.tokenId ? { id: caller.tokenId, name: caller.label.replace(/^token /, '') } : null,
      workspace: current,
      workspaces: caller.kind === 'session' ? workspaces : [current],
      permissions: [...caller.permissions],
      session: session ? { id: session.id, expiresAt: session.expiresAt.toISOString() } : null,
    };
  }

  async changePassword(caller: Caller, currentPassword: string, newPassword: string): Promise<void> {
    const userId = this.personOf(caller);
    const [user]: { passwordHash: string | null }[] = await this.ds.query(
      'SELECT password_hash AS "passwordHash" FROM users WHERE id = $1',
      [userId],
    );
    if (!(await verifyPassword(user?.passwordHash, currentPassword))) throw new BadRequestException('The current password is wrong');
    await this.ds.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, await hashPassword(newPassword)]);
    // Every other browser signed in as this person is signed out.
    await this.ds.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL', [
      userId,
      caller.sessionId,
    ]);
  }

  /** Sets a password with a one-time link; every session of the person ends and any lock lifts. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const hash = await hashPassword(newPassword);
    await this.ds.transaction(async (m) => {
      const [link] = await queryRows<{ id: string; userId: string }>(
        m,
        `UPDATE password_resets SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id, user_id AS "userId"`,
        [secretHash(token)],
      );
      if (!link) throw new BadRequestException('This link is not valid: it was used already, has expired, or was never issued');
      await m.query('UPDATE users SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1', [
        link.userId,
        hash,
      ]);
      await m.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [link.userId]);
      await m.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [link.userId]);
    });
  }

  async sessions(caller: Caller): Promise<SessionDto[]> {
    const rows: { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null }[] =
      await this.ds.query(
        `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", LEAST(expires_at, idle_expires_at) AS "expiresAt",
                ip, user_agent AS "userAgent"
           FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND idle_expires_at > now()
          ORDER BY last_seen_at DESC`,
        [this.personOf(caller)],
      );
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.id === caller.sessionId,
    }));
  }

  /** The person behind a session; API tokens have no account of their own to manage. */
  personOf(caller: Caller): string {
    if (caller.kind !== 'session' || !caller.userId) throw new BadRequestException('Only a signed-in person can do this, not an API token');
    return caller.userId;
  }

  /**
   * Creates the first admin with the environment's bootstrap token, once: while no user
   * exists. Existing data stays in the oldest workspace, which the admin joins.
   */
  async bootstrap(email: string, password: string, name: string | undefined): Promise<void> {
    const hash = await hashPassword(password);
    await this.ds.transaction(async (m) => {
      await m.query('LOCK TABLE users IN EXCLUSIVE MODE');
      const [{ count }] = await m.query('SELECT count(*)::int AS count FROM users');
      if (count > 0) throw new ConflictException('Tandem already has users; ask an admin to add you');
      const [ws] = await m.query('SELECT id FROM workspaces ORDER BY created_at, id LIMIT 1');
      const workspaceId = ws?.id ?? (await m.query(`INSERT INTO workspaces (name) VALUES ('Default workspace') RETURNING id`))[0].id;
      const [user] = await m.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id', [
        email,
        name ?? '',
        hash,
      ]);
      await m.query(`INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, 'admin')`, [workspaceId, user.id]);
    });
  }
}
