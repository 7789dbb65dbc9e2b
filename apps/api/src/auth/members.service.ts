import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { AddMemberRequest, MemberDto, PasswordResetLinkDto, Role } from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from './audit.service';
import type { Caller } from './caller.types';
import { newSecret, secretHash } from './secret-token.util';

interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

const MEMBER_SELECT = `SELECT u.id AS "userId", u.email, u.name, m.role, m.created_at AS "joinedAt"
  FROM workspace_members m JOIN users u ON u.id = m.user_id`;

/** Members of the caller's workspace, their roles, and one-time links to set a password. */
@Injectable()
export class MembersService {
  private readonly cfg = loadConfig(['app', 'api']);

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller): Promise<MemberDto[]> {
    const rows: MemberRow[] = await this.ds.query(`${MEMBER_SELECT} WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`, [
      caller.workspaceId,
    ]);
    return rows.map(toDto);
  }

  /**
   * Adds a person by email. Someone without an account gets one, with no password yet: the
   * answer carries a one-time link for them to set it.
   */
  async add(caller: Caller, input: AddMemberRequest): Promise<{ member: MemberDto; passwordLink: PasswordResetLinkDto | null }> {
    return this.ds.transaction(async (m) => {
      let [user]: { id: string }[] = await m.query('SELECT id FROM users WHERE email = $1', [input.email]);
      const isNew = !user;
      if (!user) [user] = await m.query('INSERT INTO users (email, name) VALUES ($1, $2) RETURNING id', [input.email, input.name ?? '']);
      const added = await m.query(
        `INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [caller.workspaceId, user.id, input.role],
      );
      if (!added.length) throw new ConflictException(`${input.email} is already a member of this workspace`);
      const member = await this.member(m, caller.workspaceId, user.id);
      await this.audit.record(m, caller, {
        action: 'member.added',
        targetType: 'member',
        targetId: user.id,
        targetLabel: input.email,
        after: { role: input.role },
      });
      return { member, passwordLink: isNew ? await this.issueLink(m, caller, user.id) : null };
    });
  }

  async changeRole(caller: Caller, userId: string, role: Role): Promise<MemberDto> {
    return this.ds.transaction(async (m) => {
      const before = await this.lockedMember(m, caller.workspaceId, userId);
      if (before.role === role) return toDto(before);
      if (before.role === 'admin') await this.keepAnAdmin(m, caller.workspaceId);
      await m.query('UPDATE workspace_members SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [caller.workspaceId, userId, role]);
      await this.audit.record(m, caller, {
        action: 'member.role_changed',
        targetType: 'member',
        targetId: userId,
        targetLabel: before.email,
        before: { role: before.role },
        after: { role },
      });
      return this.member(m, caller.workspaceId, userId);
    });
  }

  async remove(caller: Caller, userId: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const before = await this.lockedMember(m, caller.workspaceId, userId);
      if (before.role === 'admin') await this.keepAnAdmin(m, caller.workspaceId);
      await m.query('DELETE FROM workspace_members WHERE workspace_id = $1 AND user_id = $2', [caller.workspaceId, userId]);
      await this.audit.record(m, caller, {
        action: 'member.removed',
        targetType: 'member',
        targetId: userId,
        targetLabel: before.email,
        before: { role: before.role },
      });
    });
  }

  /**
   * A one-time link for a member to set a new password. Refused for a person who also
   * belongs to a workspace the caller does not administer: that would let the admin of one
   * business take over an account that another business trusts.
   */
  async passwordLink(caller: Caller, userId: string): Promise<PasswordResetLinkDto> {
    return this.ds.transaction(async (m) => {
      const member = await this.lockedMember(m, caller.workspaceId, userId);
      const [{ foreign }] = await m.query(
        `SELECT count(*)::int AS foreign FROM workspace_members theirs
          WHERE theirs.user_id = $1 AND theirs.workspace_id <> $2 AND NOT EXISTS (
            SELECT 1 FROM workspace_members mine
             WHERE mine.workspace_id = theirs.workspace_id AND mine.user_id = $3::uuid AND mine.role = 'admin')`,
        [userId, caller.workspaceId, caller.kind === 'session' ? caller.userId : null],
      );
      if (foreign > 0) {
        throw new ForbiddenException(
          'This person also belongs to workspaces you do not administer; they can change their password themselves',
        );
      }
      await this.audit.record(m, caller, {
        action: 'member.password_link_created',
        targetType: 'member',
        targetId: userId,
        targetLabel: member.email,
      });
      return this.issueLink(m, caller, userId);
    });
  }

  private async issueLink(m: EntityManager, caller: Caller, userId: string): Promise<PasswordResetLinkDto> {
    const token = newSecret('tdr');
    const [row] = await m.query(
      `INSERT INTO password_resets (user_id, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at AS "expiresAt"`,
      [userId, secretHash(token), caller.userId, this.cfg.PASSWORD_LINK_HOURS],
    );
    const url = `${this.cfg.TANDEM_STUDIO_URL.replace(/\/$/, '')}/#/reset-password?token=${encodeURIComponent(token)}`;
    return { url, token, expiresAt: (row.expiresAt as Date).toISOString() };
  }

  private async member(m: EntityManager, workspaceId: string, userId: string): Promise<MemberDto> {
    const [row]: MemberRow[] = await m.query(`${MEMBER_SELECT} WHERE m.workspace_id = $1 AND m.user_id = $2`, [workspaceId, userId]);
    if (!row) throw new NotFoundException('No such member');
    return toDto(row);
  }

  private async lockedMember(m: EntityManager, workspaceId: string, userId: string): Promise<MemberRow> {
    const [row]: MemberRow[] = await m.query(`${MEMBER_SELECT} WHERE m.workspace_id = $1 AND m.user_id = $2 FOR UPDATE OF m`, [
      workspaceId,
      userId,
    ]);
    if (!row) throw new NotFoundException('No such member');
    return row;
  }

  /** A workspace never loses its last admin (nobody could manage it any more). */
  private async keepAnAdmin(m: EntityManager, workspaceId: string): Promise<void> {
    const admins = await m.query(`SELECT user_id FROM workspace_members WHERE workspace_id = $1 AND role = 'admin' FOR UPDATE`, [
      workspaceId,
    ]);
    if (admins.length <= 1) throw new ConflictException('A workspace keeps at least one admin');
  }
}

function toDto(r: MemberRow): MemberDto {
  return { userId: r.userId, email: r.email, name: r.name, role: r.role, joinedAt: r.joinedAt.toISOString() };
}
