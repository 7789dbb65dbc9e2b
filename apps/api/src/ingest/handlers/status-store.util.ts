import { recomputeMessageStatuses, type RecomputedStatus } from '@tandem/db';
import type { MessageStatusEvent } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { lockContact } from '../../conversations/contact-store.util';
import { queryRows } from '../../common/sql.util';

/** A status routed to a registered number, with the delivery it came in. */
export interface RoutedStatus {
  deliveryId: string;
  workspaceId: string;
  numberId: string;
  event: MessageStatusEvent;
}

/** (number, wamid): a status's message. */
export const messageKey = (s: Pick<RoutedStatus, 'numberId' | 'event'>): string => `${s.numberId} ${s.event.wamid}`;

// Rows are written in key order and contacts locked in id order: two transactions that share
// keys then wait for each other in the same order, never in a circle.

/** Claims the statuses in the idempotency ledger; returns those claimed now (the first of repeats). */
export async function claimStatuses(m: EntityManager, items: readonly RoutedStatus[]): Promise<RoutedStatus[]> {
  const sorted = sortedBy(items, (i) => `${i.workspaceId} ${i.event.dedupKey}`);
  const rows = await queryRows<{ workspace_id: string; dedup_key: string }>(
    m,
    `INSERT INTO processed_events (workspace_id, number_id, dedup_key, kind, delivery_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[])
     ON CONFLICT (workspace_id, dedup_key) DO NOTHING RETURNING workspace_id, dedup_key`,
    [
      sorted.map((i) => i.workspaceId),
      sorted.map((i) => i.numberId),
      sorted.map((i) => i.event.dedupKey),
      sorted.map((i) => i.event.kind),
      sorted.map((i) => i.deliveryId),
    ],
  );
  const fresh = new Set(rows.map((r) => `${r.workspace_id} ${r.dedup_key}`));
  return items.filter((i) => fresh.delete(`${i.workspaceId} ${i.event.dedupKey}`));
}

/** Stores the statuses; returns those new per (number, wamid, status) — the rest changes nothing. */
export async function storeStatuses(m: EntityManager, items: readonly RoutedStatus[]): Promise<RoutedStatus[]> {
  if (items.length === 0) return [];
  const rows = sortedBy(items, (i) => `${i.numberId} ${i.event.wamid} ${i.event.status}`).map((i) => {
    const c = statusColumns(i.event);
    return {
      workspace_id: i.workspaceId,
      number_id: i.numberId,
      wamid: i.event.wamid,
      status: i.event.status,
      occurred_at: c.occurredAt.toISOString(),
      error_code: c.errorCode,
      error_title: c.errorTitle,
      pricing_category: c.pricingCategory,
      pricing_type: c.pricingType,
      detail: c.detail,
    };
  });
  const inserted = await queryRows<{ number_id: string; wamid: string; status: string }>(
    m,
    `INSERT INTO message_status_events (workspace_id, number_id, wamid, status, occurred_at, error_code, error_title,
       pricing_category, pricing_type, detail)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(workspace_id uuid, number_id uuid, wamid text, status text,
       occurred_at timestamptz, error_code int, error_title text, pricing_category text, pricing_type text, detail jsonb)
     ON CONFLICT (number_id, wamid, status) DO NOTHING RETURNING number_id, wamid, status`,
    [JSON.stringify(rows)],
  );
  const fresh = new Set(inserted.map((r) => `${r.number_id} ${r.wamid} ${r.status}`));
  return items.filter((i) => fresh.delete(`${i.numberId} ${i.event.wamid} ${i.event.status}`));
}

/**
 * Locks the contacts of the statuses' messages before their messages are folded — the same
 * order as inbound handling and merges. A merge that moved a message away re-checks the join
 * after the lock wait. A status whose message is not stored (yet) locks its recipient's
 * contact, if known. By (number, wamid).
 */
export async function lockStatusContacts(m: EntityManager, items: readonly RoutedStatus[]): Promise<Map<string, string | null>> {
  const contacts = new Map<string, string | null>();
  if (items.length === 0) return contacts;
  const rows = await queryRows<{ number_id: string; wamid: string; contact_id: string }>(
    m,
    `SELECT msg.number_id, msg.wamid, c.id AS contact_id FROM messages msg JOIN contacts c ON c.id = msg.contact_id
     WHERE (msg.number_id, msg.wamid) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
     ORDER BY c.id FOR UPDATE OF c`,
    [items.map((i) => i.numberId), items.map((i) => i.event.wamid)],
  );
  for (const r of rows) contacts.set(`${r.number_id} ${r.wamid}`, r.contact_id);
  for (const i of items) {
    if (contacts.has(messageKey(i))) continue;
    const known = await lockContact(m, { workspaceId: i.workspaceId, numberId: i.numberId }, i.event.recipient, false);
    contacts.set(messageKey(i), known?.contact.id ?? null);
  }
  return contacts;
}

/** Folds the new statuses into their messages, per number; by (number, wamid). */
export async function foldStatuses(m: EntityManager, items: readonly RoutedStatus[]): Promise<Map<string, RecomputedStatus>> {
  const folded = new Map<string, RecomputedStatus>();
  for (const [numberId, list] of groupBy(items, (i) => i.numberId)) {
    for (const row of await recomputeMessageStatuses(m, numberId, [...new Set(list.map((i) => i.event.wamid))])) {
      folded.set(`${numberId} ${row.wamid}`, row);
    }
  }
  return folded;
}

/** What a status row stores besides its key (the raw detail and the columns the fold reads). */
export function statusColumns(event: MessageStatusEvent) {
  const error = event.errors?.[0];
  return {
    occurredAt: new Date(event.timestamp),
    errorCode: error?.code ?? null,
    errorTitle: error?.title ?? null,
    pricingCategory: event.pricing?.category ?? null,
    pricingType: event.pricing?.type ?? null,
    detail: {
      errors: event.errors,
      pricing: event.pricing,
      conversation: event.conversation,
      bizOpaqueCallbackData: event.bizOpaqueCallbackData,
      recipient: event.recipient,
    },
  };
}

function sortedBy<T>(list: readonly T[], by: (t: T) => string): T[] {
  return [...list].sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0));
}

export function groupBy<T>(list: readonly T[], by: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of list) groups.set(by(t), [...(groups.get(by(t)) ?? []), t]);
  return groups;
}
