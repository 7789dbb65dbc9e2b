import { recordOptEvent } from '@tandem/db';
import { matchOptKeyword, type MessageReceivedEvent, resolveOptOutSettings } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/sql.util';

/** What a keyword did (the engine event's `optKeyword`). */
export interface AppliedOptKeyword {
  kind: 'opt_out' | 'opt_in';
  /** Send the workspace's confirmation (it has one, and the keyword changed something or is a STOP). */
  confirm: boolean;
}

/**
 * The workspace's opt-out / opt-in keywords, applied in intake — before and whoever owns the
 * conversation (a teammate owning the chat must never block a STOP). Only a live customer
 * text that is, as a whole, a keyword counts. STOP is confirmed every time (the customer
 * needs to know it worked); START only when it opted the contact back in, since START may
 * also be an ordinary word of a journey. History records changes only.
 */
export async function applyOptKeyword(
  m: EntityManager,
  scope: { workspaceId: string; contactId: string },
  event: MessageReceivedEvent,
): Promise<AppliedOptKeyword | null> {
  if (event.type !== 'text' && event.type !== 'button' && event.type !== 'interactive') return null;
  const [ws] = await queryRows<{ opt_out_settings: unknown }>(m, 'SELECT opt_out_settings FROM workspaces WHERE id = $1', [
    scope.workspaceId,
  ]);
  const settings = resolveOptOutSettings(ws?.opt_out_settings);
  const kind = matchOptKeyword(event.text, settings);
  if (!kind) return null;
  const changed = await queryRows<{ id: string }>(
    m,
    `UPDATE contacts SET opted_out = $2, updated_at = now() WHERE id = $1 AND opted_out <> $2 RETURNING id`,
    [scope.contactId, kind === 'opt_out'],
  );
  if (changed.length > 0) {
    await recordOptEvent(m, {
      ...scope,
      kind,
      source: 'keyword',
      detail: { keyword: event.text?.trim().slice(0, 100), wamid: event.wamid },
      at: new Date(event.timestamp),
    });
  }
  const text = kind === 'opt_out' ? settings.optOutConfirmation : settings.optInConfirmation;
  const confirm = text.trim() !== '' && (kind === 'opt_out' || changed.length > 0);
  return { kind, confirm };
}
