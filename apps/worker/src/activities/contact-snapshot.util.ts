import { preparedStatement, runPrepared } from '@tandem/db';
import type { ContactSnapshot } from '@tandem/workflows';
import type { EntityManager } from 'typeorm';

/** The contact columns runs read. */
export interface ContactRow {
  id: string;
  workspace_id: string;
  number_id: string;
  wa_id: string | null;
  user_id: string | null;
  profile_name: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  opted_out: boolean;
  marketing_opted_out: boolean;
  human_owned: boolean;
  window_open_until: Date | null;
}

/** A contact with the number a node runs on (see {@link findContact}). */
export interface ContactWithNumber extends ContactRow {
  number_phone_number_id: string | null;
  number_mode: 'coexistence' | 'cloud' | null;
}

const CONTACT_COLUMNS = `c.id, c.workspace_id, c.number_id, c.wa_id, c.user_id, c.profile_name, c.attributes, c.tags, c.opted_out,
  c.marketing_opted_out, c.human_owned, c.window_open_until`;

// Read at every run's start and every node's execution: named prepared statements.
const selectContact = preparedStatement<ContactRow>('run_contact_find', `SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.id = $1`);
const selectContactWithNumber = preparedStatement<ContactWithNumber>(
  'run_contact_find_with_number',
  `SELECT ${CONTACT_COLUMNS}, n.phone_number_id AS number_phone_number_id, n.mode AS number_mode
   FROM contacts c LEFT JOIN business_numbers n ON n.id = $2 WHERE c.id = $1`,
);

/** Reads a contact, or `undefined` when it does not exist. */
export async function findContact(m: EntityManager, contactId: string): Promise<ContactRow | undefined>;
/** Reads a contact with the number `numberId` (its columns null when there is no such number) in the same round trip. */
export async function findContact(m: EntityManager, contactId: string, numberId: string): Promise<ContactWithNumber | undefined>;
export async function findContact(m: EntityManager, contactId: string, numberId?: string): Promise<ContactRow | undefined> {
  const { rows } =
    numberId === undefined
      ? await runPrepared(m, selectContact, [contactId])
      : await runPrepared(m, selectContactWithNumber, [contactId, numberId]);
  return rows[0];
}

/** The contact as conditions and nodes see it (absent optional fields left out). */
export function toSnapshot(row: ContactRow): ContactSnapshot {
  return {
    id: row.id,
    ...(row.wa_id ? { waId: row.wa_id } : {}),
    ...(row.user_id ? { userId: row.user_id } : {}),
    ...(row.profile_name ? { profileName: row.profile_name } : {}),
    attributes: row.attributes ?? {},
    tags: row.tags ?? [],
    optedOut: row.opted_out,
    humanOwned: row.human_owned,
    windowOpenUntil: row.window_open_until ? row.window_open_until.getTime() : null,
  };
}
