import { loadConfig } from '@tandem/config';
import type { EntityManager } from 'typeorm';
import { unwrapUpdate } from '../status/message-status.util';

/** One line of a contact's opt history (`contact_opt_events`). */
export interface OptEventInput {
  workspaceId: string;
  contactId: string;
  kind: 'opt_out' | 'opt_in' | 'held' | 'undo';
  /** `marketing`: only marketing templates (131050, 131049); `all`: every message. */
  scope?: 'all' | 'marketing';
  source: 'keyword' | 'admin' | 'api' | 'meta_code' | 'journey';
  detail?: Record<string, unknown>;
  actorUserId?: string | null;
  at?: Date;
}

/** Appends a line to a contact's opt history (in the caller's transaction). */
export async function recordOptEvent(m: EntityManager, e: OptEventInput): Promise<void> {
  await m.query(
    `INSERT INTO contact_opt_events (workspace_id, contact_id, kind, scope, source, detail, actor_user_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, now()))`,
    [e.workspaceId, e.contactId, e.kind, e.scope ?? 'all', e.source, e.detail ?? {}, e.actorUserId ?? null, e.at ?? null],
  );
}

/** The contact effect of a failed send (see `contactEffectOfError` in @tandem/whatsapp). */
export interface ContactEffectInput {
  workspaceId: string;
  contactId: string;
  effect: { kind: 'marketing_hold' | 'marketing_opt_out' | 'window_closed'; code: number };
  /** When Meta reported the failure (the hold runs from then). */
  at: Date;
  /** The hold period; default MARKETING_HOLD_HOURS. */
  holdMs?: number;
  wamid?: string | null;
}

/** The configured 131049 hold period. */
export function marketingHoldMs(): number {
  return loadConfig(['meta']).MARKETING_HOLD_HOURS * 60 * 60 * 1000;
}

/**
 * Applies a failed send's contact effect, with its history line, in the caller's transaction:
 * 131049 holds marketing until `at` + the period (a later hold extends it, never shortens
 * it); 131050 is a marketing opt-out (recorded once while it lasts); 131047 closes the
 * local window (Meta is the judge of the window, whatever our clock said).
 */
export async function applyContactEffect(m: EntityManager, input: ContactEffectInput): Promise<void> {
  const { effect, contactId, workspaceId, at } = input;
  const detail = { code: effect.code, ...(input.wamid ? { wamid: input.wamid } : {}) };
  switch (effect.kind) {
    case 'marketing_hold': {
      const until = new Date(at.getTime() + (input.holdMs ?? marketingHoldMs()));
      const rows = unwrapUpdate<{ id: string }>(
        await m.query(
          `UPDATE contacts SET marketing_held_until = $2, updated_at = now()
         WHERE id = $1 AND (marketing_held_until IS NULL OR marketing_held_until < $2) RETURNING id`,
          [contactId, until],
        ),
      );
      if (rows.length > 0) {
        await recordOptEvent(m, {
          workspaceId,
          contactId,
          kind: 'held',
          scope: 'marketing',
          source: 'meta_code',
          detail: { ...detail, until: until.toISOString() },
          at,
        });
      }
      return;
    }
    case 'marketing_opt_out': {
      const rows = unwrapUpdate<{ id: string }>(
        await m.query(
          `UPDATE contacts SET marketing_opted_out = true, updated_at = now() WHERE id = $1 AND NOT marketing_opted_out RETURNING id`,
          [contactId],
        ),
      );
      if (rows.length > 0) {
        await recordOptEvent(m, { workspaceId, contactId, kind: 'opt_out', scope: 'marketing', source: 'meta_code', detail, at });
      }
      return;
    }
    case 'window_closed':
      await m.query(`UPDATE contacts SET window_open_until = $2, updated_at = now() WHERE id = $1 AND window_open_until > $2`, [
        contactId,
        at,
      ]);
      return;
  }
}
