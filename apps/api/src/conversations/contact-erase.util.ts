import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

/** What an erasure redacted, in counts only (the audit entry must hold no personal data). */
export interface ErasureCounts {
  messages: number;
  runs: number;
  steps: number;
  deliveries: number;
}

const REDACTED = { redacted: true };

/**
 * Erases a contact on request (GDPR art. 17), in the caller's transaction, after its row is
 * locked. The row stays (counts, foreign keys, "never message again") without its identity:
 * ids, names, tags and attributes are removed and it is opted out. Every message body, edit
 * and media reference, their status details, the sends' payloads, its runs' trigger events,
 * errors and step inputs/outputs, its engine events and opt history details are replaced by
 * `{"redacted":true}`; raw webhook bodies that name the person are replaced too, once
 * processed (a raw body is evidence for debugging, not a record we may keep forever).
 * What stays: the fact that messages and runs existed, with their times and statuses.
 */
export async function eraseContact(
  m: EntityManager,
  contact: { id: string; waId: string | null; userId: string | null },
): Promise<ErasureCounts> {
  const id = contact.id;
  const count = async (sql: string, params: unknown[]) =>
    (await queryRows<{ n: number }>(m, `WITH x AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM x`, params))[0].n;
  await m.query(
    `UPDATE message_status_events e SET detail = $2, error_title = NULL FROM messages msg
     WHERE msg.contact_id = $1 AND e.number_id = msg.number_id AND e.wamid = msg.wamid`,
    [id, REDACTED],
  );
  const messages = await count(`UPDATE messages SET payload = $2, edit = NULL, error_title = NULL WHERE contact_id = $1`, [id, REDACTED]);
  await m.query(`UPDATE outbox_sends SET payload = $2, error = NULL WHERE contact_id = $1`, [id, REDACTED]);
  const steps = await count(
    `UPDATE run_steps s SET input = $2, output = $2, error = CASE WHEN s.error IS NULL THEN NULL ELSE $2::jsonb END
     FROM journey_runs r WHERE r.contact_id = $1 AND s.run_id = r.id`,
    [id, REDACTED],
  );
  const runs = await count(
    `UPDATE journey_runs SET trigger_event = CASE WHEN trigger_event IS NULL THEN NULL ELSE $2::jsonb END,
       error = CASE WHEN error IS NULL THEN NULL ELSE $2::jsonb END WHERE contact_id = $1`,
    [id, REDACTED],
  );
  await m.query(`UPDATE domain_events SET payload = $2 WHERE contact_key = $1::text`, [id, REDACTED]);
  await m.query(`UPDATE contact_opt_events SET detail = '{}' WHERE contact_id = $1`, [id]);
  const needles = [contact.waId, contact.userId].filter((v): v is string => !!v);
  const deliveries =
    needles.length === 0
      ? 0
      : await count(
          `UPDATE webhook_deliveries SET body = convert_to('{"redacted":true}', 'UTF8')
           WHERE outcome IN ('processed', 'dead') AND EXISTS (SELECT 1 FROM unnest($1::text[]) AS n WHERE position(convert_to(n, 'UTF8') IN body) > 0)`,
          [needles],
        );
  await m.query(
    `UPDATE contacts SET wa_id = NULL, user_id = NULL, username = NULL, profile_name = NULL, address_book_name = NULL,
       in_address_book = false, attributes = '{}', tags = '{}', opted_out = true, marketing_held_until = NULL,
       erased_at = now(), updated_at = now() WHERE id = $1`,
    [id],
  );
  return { messages, runs, steps, deliveries };
}
