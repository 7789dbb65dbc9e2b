import type { Role } from '@tandem/api-contract';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { issueApiToken } from '../api-tokens.service';
import { SESSION_COOKIE } from '../auth.guard';
import { hashPassword } from '../password.util';
import { newSecret, secretHash } from '../secret-token.util';

/** Credentials of a test principal: a cookie header for a session, a bearer token for an API token. */
export interface TestPrincipal {
  userId: string;
  email: string;
  /** `Cookie` header value of a live session. */
  cookie: string;
}

/** A person with a live session (written straight to the database: no password hashing in every test). */
export async function createSignedInUser(ds: DataSource, email = `user-${randomUUID().slice(0, 8)}@test.tandem`): Promise<TestPrincipal> {
  const [user] = await ds.query(`INSERT INTO users (email, name) VALUES ($1, $1) RETURNING id`, [email.toLowerCase()]);
  return { userId: user.id, email: email.toLowerCase(), cookie: await openTestSession(ds, user.id) };
}

/** Another live session of a person (e.g. one per request, when a request may end its session); returns the `Cookie` header. */
export async function openTestSession(ds: DataSource, userId: string): Promise<string> {
  const secret = newSecret('tds');
  await ds.query(
    `INSERT INTO sessions (user_id, token_hash, idle_expires_at, expires_at) VALUES ($1, $2, now() + interval '1 day', now() + interval '1 day')`,
    [userId, secretHash(secret)],
  );
  return `${SESSION_COOKIE}=${secret}`;
}

/** A member of a workspace with a role and a live session. */
export async function createMember(ds: DataSource, workspaceId: string, role: Role): Promise<TestPrincipal> {
  const person = await createSignedInUser(ds, `${role}-${randomUUID().slice(0, 8)}@test.tandem`);
  await ds.query('INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)', [workspaceId, person.userId, role]);
  return person;
}

/** An API token of a workspace with a role; returns the `Authorization` header value. */
export async function createTokenHeader(ds: DataSource, workspaceId: string, role: Role): Promise<string> {
  const { token } = await issueApiToken(ds, { workspaceId, role, name: `test ${role}`, createdBy: null });
  return `Bearer ${token}`;
}

/**
 * The harnesses' caller: an admin with a session who becomes a member of every workspace a
 * test creates (a trigger in the test's own database), so that calls made without naming a
 * workspace act in the oldest one, as an installation with one workspace does.
 */
export async function createHarnessAdmin(ds: DataSource): Promise<TestPrincipal> {
  const admin = await createSignedInUser(ds, 'harness-admin@test.tandem');
  await ds.query(
    `INSERT INTO workspace_members (workspace_id, user_id, role, created_at) SELECT id, $1, 'admin', created_at FROM workspaces`,
    [admin.userId],
  );
  await ds.query(`CREATE FUNCTION harness_admin_joins() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO workspace_members (workspace_id, user_id, role, created_at)
      VALUES (NEW.id, '${admin.userId}', 'admin', NEW.created_at) ON CONFLICT DO NOTHING;
      RETURN NEW;
    END $$`);
  await ds.query('CREATE TRIGGER harness_admin_joins AFTER INSERT ON workspaces FOR EACH ROW EXECUTE FUNCTION harness_admin_joins()');
  return admin;
}

/** A member who signs in for real: a password (argon2id) and no session yet. */
export async function createMemberWithPassword(
  ds: DataSource,
  workspaceId: string,
  role: Role,
  password = 'correct horse battery',
): Promise<{ userId: string; email: string; password: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.tandem`;
  const [user] = await ds.query('INSERT INTO users (email, name, password_hash) VALUES ($1, $1, $2) RETURNING id', [
    email,
    await hashPassword(password),
  ]);
  await ds.query('INSERT INTO workspace_members (workspace_id, user_id, role) VALUES ($1, $2, $3)', [workspaceId, user.id, role]);
  return { userId: user.id, email, password };
}
