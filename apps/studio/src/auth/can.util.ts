import type { MeDto, Permission } from '@tandem/api-contract';

/**
 * Whether the signed-in caller holds `permission` in the current workspace, from the
 * permissions `/me` listed. The api decides; the studio only hides what would be refused.
 * @example hasPermission(me, 'journeys.publish')
 */
export function hasPermission(me: Pick<MeDto, 'permissions'> | null, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}
