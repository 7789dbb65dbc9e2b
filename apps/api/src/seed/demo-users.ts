import { ROLES, type Role } from '@tandem/api-contract';
import { User, WorkspaceMember } from '@tandem/db';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.util';

/**
 * The one password of every demo user, printed by `npm start` and written in the README.
 * Demo accounts only: anyone who reads the README can sign in with them, so a real
 * installation adds its people through the Members page instead.
 */
export const DEMO_PASSWORD = 'tandem-demo-password';

/** `admin@demo.tandem.dev`, `marketer@demo.tandem.dev` …: one user per role. */
export const demoUserEmail = (role: Role): string => `${role}@demo.tandem.dev`;

const displayName = (role: Role) => `Demo ${role}`;

/**
 * One user per role in the demo workspace. Idempotent: an existing user keeps its password
 * and name, an existing membership keeps its role (an admin may have changed it on purpose).
 */
export async function seedDemoUsers(ds: DataSource, workspaceId: string, created: string[], log: (line: string) => void): Promise<void> {
  const users = ds.getRepository(User);
  const members = ds.getRepository(WorkspaceMember);
  let hash: string | undefined;
  for (const role of ROLES) {
    const email = demoUserEmail(role);
    let user = await users.findOneBy({ email });
    if (!user) {
      hash ??= await hashPassword(DEMO_PASSWORD);
      user = await users.save(users.create({ email, name: displayName(role), passwordHash: hash }));
      created.push(`user:${role}`);
    }
    if (!(await members.existsBy({ workspaceId, userId: user.id }))) {
      await members.insert({ workspaceId, userId: user.id, role });
      created.push(`member:${role}`);
    }
  }
  log(`demo users: ${ROLES.map(demoUserEmail).join(', ')} (password: ${DEMO_PASSWORD})`);
}
