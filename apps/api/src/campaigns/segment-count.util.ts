import { matchSegment, type Segment } from '@tandem/journey-model';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

const BATCH = 1_000;

/**
 * Contacts of a number in a campaign segment. Evaluated with the journey model's
 * `matchSegment` (the same rule the campaign uses to pick contacts), over keyset batches
 * so a large address book never loads at once.
 */
export async function countSegment(m: EntityManager, numberId: string, segment: Segment): Promise<number> {
  let count = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await queryRows<{ id: string; tags: string[]; attributes: Record<string, unknown> }>(
      m,
      `SELECT id, tags, attributes FROM contacts WHERE number_id = $1 AND id > $2 ORDER BY id LIMIT ${BATCH}`,
      [numberId, after],
    );
    for (const row of rows) if (matchSegment(segment, { tags: row.tags, attributes: row.attributes })) count++;
    if (rows.length < BATCH) return count;
    after = rows[rows.length - 1].id;
  }
}
