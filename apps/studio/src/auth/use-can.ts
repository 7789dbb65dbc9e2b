import type { Permission } from '@tandem/api-contract';
import { useAuthStore } from './auth.store';
import { hasPermission } from './can.util';

/**
 * Whether the signed-in person may do `permission` here: the one way components decide to
 * show or enable an action (never by role name).
 * @example const canPublish = useCan('journeys.publish');
 */
export function useCan(permission: Permission): boolean {
  return useAuthStore((s) => hasPermission(s.me, permission));
}
