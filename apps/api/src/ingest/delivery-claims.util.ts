import { alertDeadLetter } from '../alerts/dead-letter-alerts.util';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../common/sql.util';

// Who processes a stored delivery is decided in PostgreSQL: the row names its owner
// (`claimed_by`, one id per api process) and how long it keeps it (`next_attempt_at`). The
// process that stored a delivery owns it from the start; the sweeper of any replica takes a
// row only once that time has passed. A failed row carries its retry time the same way.

/** A delivery claimed for a batch, as stored. */
export interface ClaimedDelivery {
  id: string;
  body: Buffer;
  outcome: 'pending' | 'failed';
  receivedAt: Date;
}

/**
 * The deliveries of `ids` that `owner` still holds (another replica may have taken a row it
 * kept too long), with their bodies; a lease with less than half of `leaseSeconds` left is renewed.
 */
export async function claimForBatch(
  m: EntityManager,
  ids: readonly string[],
  owner: string,
  leaseSeconds: number,
): Promise<ClaimedDelivery[]> {
  const rows = await queryRows<{ id: string; body: Buffer; outcome: 'pending' | 'failed'; received_at: Date }>(
    m,
    `WITH renewed AS (
       UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $3)
       WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND outcome IN ('pending', 'failed')
         AND next_attempt_at < now() + make_interval(secs => $3 / 2.0) RETURNING id)
     SELECT id, body, outcome, received_at FROM webhook_deliveries
     WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND outcome IN ('pending', 'failed') ORDER BY received_at`,
    [ids, owner, leaseSeconds],
  );
  return rows.map((r) => ({ id: r.id, body: r.body, outcome: r.outcome, receivedAt: new Date(r.received_at) }));
}

/** Extends `owner`'s lease on a delivery that is taking long (a large history chunk). */
export async function renewClaim(m: EntityManager, id: string, owner: string, leaseSeconds: number): Promise<void> {
  await m.query(`UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1 AND claimed_by = $2`, [
    id,
    owner,
    leaseSeconds,
  ]);
}

/**
 * Claims for `owner` up to `limit` deliveries that are due: pending rows whose holder let go
 * (a crash, a shutdown) or kept them past their time, and failed rows whose retry time has
 * come. SKIP LOCKED: two replicas sweeping at once take disjoint rows.
 */
export async function takeDue(m: EntityManager, owner: string, leaseSeconds: number, limit: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    m,
    `UPDATE webhook_deliveries d SET claimed_by = $1, next_attempt_at = now() + make_interval(secs => $2)
     FROM (SELECT id FROM webhook_deliveries WHERE outcome IN ('pending', 'failed') AND next_attempt_at <= now()
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE d.id = due.id RETURNING d.id`,
    [owner, leaseSeconds, limit],
  );
  return rows.map((r) => r.id);
}

/** Hands deliveries back (shutdown before they ran): due at once for any replica's sweeper. */
export async function releaseClaims(m: EntityManager, ids: readonly string[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await m.query(`UPDATE webhook_deliveries SET claimed_by = NULL, next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND claimed_by = $2`, [
    ids,
    owner,
  ]);
}

/**
 * Records a failed attempt: `failed` with the next attempt after an exponential backoff
 * (`backoffMs` · 2^(attempts before), at most an hour), or `dead` after `maxAttempts`. The
 * claim is dropped, so the retry is the sweeper's. Resolves with the outcome and the retry time.
 */
export async function recordFailure(
  m: EntityManager,
  id: string,
  error: unknown,
  policy: { maxAttempts: number; backoffMs: number },
): Promise<{ outcome: 'failed' | 'dead'; nextAttemptAt: Date } | undefined> {
  const message = error instanceof Error ? error.message : String(error);
  const [row] = await queryRows<{ outcome: 'failed' | 'dead'; next_attempt_at: Date }>(
    m,
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = $2, claimed_by = NULL,
       outcome = CASE WHEN attempts + 1 >= $3 THEN 'dead' ELSE 'failed' END,
       next_attempt_at = now() + make_interval(secs => least($4::float8 * power(2, attempts) / 1000, 3600))
     WHERE id = $1 AND outcome IN ('pending', 'failed') RETURNING outcome, next_attempt_at`,
    [id, message.slice(0, 2000), policy.maxAttempts, policy.backoffMs],
  );
  if (row?.outcome === 'dead') await alertDeadLetter(m, id, message);
  return row ? { outcome: row.outcome, nextAttemptAt: new Date(row.next_attempt_at) } : undefined;
}
