import {
  addMemberResponseSchema,
  memberSchema,
  passwordResetLinkSchema,
  type AddMemberRequest,
  type MemberDto,
  type PasswordResetLinkDto,
  type Role,
} from '@tandem/api-contract';
import { z } from 'zod';
import { request } from './client';

const path = (userId: string) => `/api/members/${encodeURIComponent(userId)}`;

/** Members of the current workspace (`/api/members…`, `members.manage`). */
export const membersApi = {
  list: (signal?: AbortSignal): Promise<MemberDto[]> =>
    request('/api/members', { schema: z.object({ items: z.array(memberSchema) }), signal }).then((r) => r.items),
  /** A new account comes with a one-time link to set its password; an existing one with none. */
  add: (body: AddMemberRequest) => request('/api/members', { method: 'POST', body, schema: addMemberResponseSchema }),
  changeRole: (userId: string, role: Role): Promise<MemberDto> =>
    request(path(userId), { method: 'PATCH', body: { role }, schema: memberSchema }),
  remove: (userId: string): Promise<void> => request(path(userId), { method: 'DELETE' }),
  passwordLink: (userId: string): Promise<PasswordResetLinkDto> =>
    request(`${path(userId)}/password-link`, { method: 'POST', schema: passwordResetLinkSchema }),
};
