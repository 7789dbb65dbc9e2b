import { z } from 'zod';
import { pageOf } from './common.contract';

/** Roles a member or an API token holds in one workspace, least to most. */
export const ROLES = ['viewer', 'agent', 'marketer', 'developer', 'admin'] as const;

/** A role in a workspace. */
export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/**
 * What a route may require. Each route of the api declares exactly one of these (or is
 * public); {@link ROLE_PERMISSIONS} says which roles hold it.
 */
export const PERMISSIONS = {
  'workspace.read': 'Read journeys, versions, runs, contacts, messages, numbers, campaigns, templates and the node catalogue',
  'conversations.write': 'Reply in conversations, assign, tag and give a conversation back to the bot',
  'journeys.write': 'Create and edit journeys and their drafts',
  'journeys.publish': 'Publish, roll back, pause, resume and archive journeys',
  'runs.manage': 'Start a run by hand and cancel runs',
  'campaigns.write': 'Create, start and cancel campaigns',
  'contacts.write': "Edit contacts' attributes and import contacts",
  'templates.write': 'Synchronise and manage message templates',
  'runs.raw': 'Read the raw inputs and outputs of run steps',
  'nodes.manage': 'Manage custom node packages and HTTP node settings',
  'credentials.manage': 'Manage node credentials',
  'numbers.manage': 'Connect, change and offboard numbers',
  'deliveries.read': 'Read raw webhook deliveries',
  'deliveries.manage': 'Retry dead-lettered webhook deliveries',
  'members.manage': 'Invite and remove members, change roles, create password-reset links',
  'tokens.manage': 'Create, list and revoke API tokens',
  'workspace.manage': 'Change workspace settings',
  'audit.read': 'Read the audit log',
  'media.upload': 'Upload media files for sends',
  'contacts.export': 'Export contacts as CSV',
  'contacts.erase': 'Erase a contact on request (identity removed, messages and run data redacted)',
  'contacts.optout.undo': "Undo a contact's opt-out or Meta's marketing hold",
  'alerts.manage': 'Configure the URLs alerts are posted to and read their delivery log',
} as const;

/** A permission a route may require. */
export type Permission = keyof typeof PERMISSIONS;

const VIEWER: readonly Permission[] = ['workspace.read'];
const AGENT: readonly Permission[] = [...VIEWER, 'conversations.write'];
const MARKETER: readonly Permission[] = [
  ...AGENT,
  'journeys.write',
  'journeys.publish',
  'runs.manage',
  'campaigns.write',
  'contacts.write',
  'contacts.export',
  'templates.write',
  'media.upload',
];
const DEVELOPER: readonly Permission[] = [...MARKETER, 'runs.raw', 'nodes.manage', 'credentials.manage'];
const ADMIN: readonly Permission[] = [
  ...DEVELOPER,
  'numbers.manage',
  'deliveries.read',
  'deliveries.manage',
  'members.manage',
  'tokens.manage',
  'workspace.manage',
  'audit.read',
  'contacts.erase',
  'contacts.optout.undo',
  'alerts.manage',
];

/** The permission matrix: each role holds everything of the role before it, and more. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  viewer: VIEWER,
  agent: AGENT,
  marketer: MARKETER,
  developer: DEVELOPER,
  admin: ADMIN,
};

/**
 * Whether a role holds a permission.
 * @example can('marketer', 'journeys.publish') // true
 */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Not an email address' }));

/** Passwords: 10 to 200 characters; nothing else is imposed (NIST 800-63B). */
export const passwordSchema = z.string().min(10, 'At least 10 characters').max(200, 'At most 200 characters');

export const signInRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const workspaceMembershipSchema = z.object({ id: z.uuid(), name: z.string(), role: roleSchema });
export type WorkspaceMembershipDto = z.infer<typeof workspaceMembershipSchema>;

/** Who is calling, in which workspace, with which role and permissions. */
export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  /** Set when the caller is an API token. */
  token: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  workspace: workspaceMembershipSchema,
  workspaces: z.array(workspaceMembershipSchema),
  permissions: z.array(z.string()),
  session: z.object({ id: z.uuid(), expiresAt: z.string() }).nullable(),
});
export type MeDto = z.infer<typeof meSchema>;

export const changePasswordRequestSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const resetPasswordRequestSchema = z.object({ token: z.string().min(20).max(200), newPassword: passwordSchema });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const sessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const addMemberRequestSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120).optional(),
  role: roleSchema,
});
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;

export const changeRoleRequestSchema = z.object({ role: roleSchema });

/** A one-time link an admin hands over; the new member (or one who forgot) sets a password with it. */
export const passwordResetLinkSchema = z.object({ url: z.string(), token: z.string(), expiresAt: z.string() });
export type PasswordResetLinkDto = z.infer<typeof passwordResetLinkSchema>;

/** A member added: the member, and a link to set a password when the account is new. */
export const addMemberResponseSchema = z.object({ member: memberSchema, passwordLink: passwordResetLinkSchema.nullable() });

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  /** The first characters of the token, enough to recognise it. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

export const createApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  /** Days until it stops working; none = until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenRequest = z.infer<typeof createApiTokenRequestSchema>;

/** The token itself appears only in this answer. */
export const createdApiTokenSchema = apiTokenSchema.extend({ token: z.string() });

export const createWorkspaceRequestSchema = z.object({ name: z.string().trim().min(1).max(120) });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);

export const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(254).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** An IANA time zone the runtime knows, e.g. `Europe/Lisbon`. */
export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Not a known IANA time zone');

export const updateWorkspaceRequestSchema = z
  .object({ name: z.string().trim().min(1).max(120).optional(), timezone: timeZoneSchema.optional() })
  .refine((v) => v.name !== undefined || v.timezone !== undefined, 'Nothing to change');

export const workspaceSettingsSchema = z.object({ id: z.uuid(), name: z.string(), timezone: z.string() });

export const bootstrapRequestSchema = z.object({
  adminToken: z.string().min(1).max(500),
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(120).optional(),
});
