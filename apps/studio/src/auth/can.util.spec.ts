import { ROLE_PERMISSIONS } from '@tandem/api-contract';
import { hasPermission } from './can.util';

describe('hasPermission', () => {
  it('follows the permissions /me listed, whatever the role is called', () => {
    const marketer = { permissions: [...ROLE_PERMISSIONS.marketer] };
    expect(hasPermission(marketer, 'journeys.publish')).toBe(true);
    expect(hasPermission(marketer, 'numbers.manage')).toBe(false);
    expect(hasPermission(marketer, 'members.manage')).toBe(false);
    const admin = { permissions: [...ROLE_PERMISSIONS.admin] };
    expect(hasPermission(admin, 'numbers.manage')).toBe(true);
    expect(hasPermission(admin, 'audit.read')).toBe(true);
  });

  it('allows nothing before /me answered', () => {
    expect(hasPermission(null, 'workspace.read')).toBe(false);
    expect(hasPermission({ permissions: [] }, 'workspace.read')).toBe(false);
  });
});
