import { ROLES, type Role } from '@tandem/api-contract';
import type { DataSource } from 'typeorm';
import { createMember, createTokenHeader, type TestPrincipal } from './principals';

/** One workspace of the pair: its id, a coexistence number, a member per role and an admin token. */
export interface TestWorkspace {
  id: string;
  numberId: string;
  phoneNumberId: string;
  wabaId: string;
  members: Record<Role, TestPrincipal>;
  /** `Authorization` header of an admin API token of this workspace. */
  adminToken: string;
}

async function workspace(ds: DataSource, name: string, phoneNumberId: string, wabaId: string): Promise<TestWorkspace> {
  const [ws] = await ds.query('INSERT INTO workspaces (name) VALUES ($1) RETURNING id', [name]);
  const [num] = await ds.query(
    `INSERT INTO business_numbers (workspace_id, phone_number_id, waba_id, display_phone_number, mode, throughput_cap, onboarded_at)
     VALUES ($1, $2, $3, $4, 'coexistence', 20, now() - interval '3 days') RETURNING id`,
    [ws.id, phoneNumberId, wabaId, `1555${phoneNumberId.slice(-7)}`],
  );
  const members = {} as Record<Role, TestPrincipal>;
  for (const role of ROLES) members[role] = await createMember(ds, ws.id, role);
  return { id: ws.id, numberId: num.id, phoneNumberId, wabaId, members, adminToken: await createTokenHeader(ds, ws.id, 'admin') };
}

/**
 * Two businesses on one installation ("Acme" and "Globex"), each with a number, one member
 * per role and an admin token — for isolation and authorization tests.
 */
export async function createTwoWorkspaces(ds: DataSource): Promise<{ a: TestWorkspace; b: TestWorkspace }> {
  const a = await workspace(ds, 'Acme', '900000000000001', '910000000000001');
  const b = await workspace(ds, 'Globex', '900000000000002', '910000000000002');
  return { a, b };
}
