import type { Permission, Role } from '@tandem/api-contract';

/** Who is calling, resolved by the guard from a session cookie or an API token. */
export interface Caller {
  kind: 'session' | 'token';
  /** The signed-in person (sessions) or the token's creator (tokens), if known. */
  userId: string | null;
  sessionId: string | null;
  tokenId: string | null;
  /** What the audit log shows: the email, or "token <name>". */
  label: string;
  workspaceId: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
  ip: string | null;
  userAgent: string | null;
}
