import type { StoredNumberHealth } from '@tandem/db';
import type { DataSource } from 'typeorm';

/**
 * The send block an auth or policy error (190, 10, 368, 131031, 133010 …) puts on a number.
 * It lives in `health.sendBlocked` so the api's scheduled health check, which rewrites the
 * rest of `health`, keeps it; only an accepted send lifts it ({@link clearSendBlock}) —
 * the one proof that Meta takes this number's sends again.
 */
export async function blockSends(ds: DataSource, numberId: string, code: number, meaning: string): Promise<void> {
  const now = new Date().toISOString();
  const reason = `Graph error ${code}: ${meaning}`;
  const health: StoredNumberHealth = {
    status: 'send_blocked',
    reasons: [reason],
    checkedAt: now,
    sendBlocked: { code, reason, since: now },
  };
  await ds.query(`UPDATE business_numbers SET health = $2, updated_at = now() WHERE id = $1`, [numberId, health]);
}

/** Lifts the block after an accepted send; the next health check recomputes the status. */
export async function clearSendBlock(ds: DataSource, numberId: string): Promise<void> {
  await ds.query(
    `UPDATE business_numbers SET health = health - 'sendBlocked', updated_at = now() WHERE id = $1 AND health ? 'sendBlocked'`,
    [numberId],
  );
}
