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

const CONTACT_COLUMNS = `id, workspace_id, number_id, wa_id, user_id, profile_name, attributes, tags, opted_out,
  marketing_opted_out, human_owned, window_open_until`;

/** Reads a contact, or `undefined` when it does not exist. */
export async function findContact(m: EntityManager, contactId: string): Promise<ContactRow | undefined> {
  const rows: ContactRow[] = await m.query(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = $1`, [contactId]);
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
