import { Injectable, Logger } from '@nestjs/common';
import { recomputeMessageStatuses, type RecomputedStatus, statusesListenedTo } from '@tandem/db';
import { type MessageStatusEvent, parseWebhook } from '@tandem/whatsapp';
import { DataSource, type EntityManager } from 'typeorm';
import { EngineEventsPublisher } from './engine-events.publisher';
import { appendEngineEvents } from './event-ledger.util';
import { EventRouter } from './event-router.util';
import { NumberActivity } from './handlers/handler.types';
import { lockRecipient, statusColumns, statusEngineEvent } from './handlers/status.handler';
import { NumberActivityWriter } from '../numbers/number-activity.writer';
import { queryRows } from '../common/sql.util';

/** A stored delivery, as the webhook received it. */
export interface StatusDelivery {
  id: string;
  /** The body, parsed once by the webhook controller. */
  body: unknown;
  receivedAt: Date;
}

export interface StatusBatchResult {
  /** Deliveries applied and marked processed by the batch. */
  processed: string[];
  /** Deliveries that are not (only) statuses of registered numbers: for the one-by-one path. */
  individually: string[];
}

/** One status of the batch, with where it goes. */
interface Item {
  deliveryId: string;
  workspaceId: string;
  numberId: string;
  event: MessageStatusEvent;
}

/**
 * Applies the statuses of many deliveries in one transaction, with the same result as the
 * one-by-one path (`IngestProcessor` + `handleMessageStatus`): each status claimed once in the
 * ledger, stored once per (wamid, status), the contacts locked before their messages are
 * folded, an engine event only for statuses something acts on, each delivery marked processed.
 * Statuses are three of every four webhooks of a conversation and nobody waits for them, so
 * they are worth gathering: one transaction of eight statements for a batch instead of ten
 * round trips for each delivery.
 */
@Injectable()
export class StatusBatchProcessor {
  private readonly logger = new Logger(StatusBatchProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EngineEventsPublisher,
    private readonly activity: NumberActivityWriter,
  ) {}

  async process(deliveries: readonly StatusDelivery[]): Promise<StatusBatchResult> {
    const router = new EventRouter(this.dataSource);
    const items: Item[] = [];
    const batched: { delivery: StatusDelivery; events: number }[] = [];
    const individually: string[] = [];
    const activity = new Map<string, NumberActivity>();
    for (const delivery of deliveries) {
      const events = parseWebhook(delivery.body, { receivedAt: delivery.receivedAt.getTime() });
      const mine: Item[] = [];
      for (const event of events) {
        if (event.kind !== 'message.status') break;
        const routing = await router.route(event);
        if (!('routes' in routing) || routing.routes[0]?.scope !== 'number') break;
        const { workspaceId, number } = routing.routes[0];
        mine.push({ deliveryId: delivery.id, workspaceId, numberId: number.id, event });
      }
      if (events.length === 0 || mine.length < events.length) {
        individually.push(delivery.id);
        continue;
      }
      items.push(...mine);
      batched.push({ delivery, events: events.length });
      const touched = new NumberActivity(delivery.receivedAt);
      mine.forEach((i) => touched.touch(i.numberId));
      activity.set(delivery.id, touched);
    }
    if (batched.length === 0) return { processed: [], individually };

    const engineEvents = await this.dataSource.transaction(async (m) => {
      const claimed = await claim(m, items);
      const stored = await storeStatuses(m, claimed);
      const contacts = await lockContacts(m, stored);
      const folded = await fold(m, stored);
      const listened = new Set<Item>();
      for (const [workspaceId, list] of groupBy(stored, (i) => i.workspaceId)) {
        const flags = await statusesListenedTo(
          m,
          workspaceId,
          list.map((i) => ({ messageId: folded.get(key(i))?.id ?? null, callback: i.event.bizOpaqueCallbackData })),
        );
        list.forEach((i, n) => flags[n] && listened.add(i));
      }
      // In the order the statuses arrived, as the one-by-one path appends them.
      const events = stored
        .filter((i) => listened.has(i))
        .map((i) => ({ ...i, event: statusEngineEvent(i.numberId, i.event, contacts.get(key(i)) ?? null, folded.get(key(i))) }));
      for (const e of events) await appendEngineEvents(m, { workspaceId: e.workspaceId, deliveryId: e.deliveryId }, [e.event]);
      await m.query(
        `UPDATE webhook_deliveries d SET outcome = 'processed', processed_at = now(), attempts = d.attempts + 1,
           last_error = NULL, event_count = x.n, notes = '[]'::jsonb
         FROM unnest($1::uuid[], $2::int[]) AS x(id, n) WHERE d.id = x.id AND d.outcome NOT IN ('processed', 'dead')`,
        [batched.map((b) => b.delivery.id), batched.map((b) => b.events)],
      );
      return events.length;
    });

    for (const touched of activity.values()) this.activity.record(touched);
    if (engineEvents > 0) {
      await this.publisher.publishPending().catch((err: unknown) => {
        this.logger.warn(`engine events not published yet (the sweeper will retry): ${String(err)}`);
      });
    }
    return { processed: batched.map((b) => b.delivery.id), individually };
  }
}

const key = (i: Pick<Item, 'numberId' | 'event'>): string => `${i.numberId} ${i.event.wamid}`;

// Rows are inserted in key order: two batches that share keys then wait for each other in
// the same order, never in a circle (the one-by-one path has one key per transaction).

/** Claims the statuses in the idempotency ledger; returns those claimed now (first of repeats). */
async function claim(m: EntityManager, items: readonly Item[]): Promise<Item[]> {
  const rows = await queryRows<{ workspace_id: string; dedup_key: string }>(
    m,
    `INSERT INTO processed_events (workspace_id, number_id, dedup_key, kind, delivery_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[])
     ON CONFLICT (workspace_id, dedup_key) DO NOTHING RETURNING workspace_id, dedup_key`,
    columns(
      sortedBy(items, (i) => `${i.workspaceId} ${i.event.dedupKey}`),
      [(i) => i.workspaceId, (i) => i.numberId, (i) => i.event.dedupKey, (i) => i.event.kind, (i) => i.deliveryId],
    ),
  );
  const fresh = new Set(rows.map((r) => `${r.workspace_id} ${r.dedup_key}`));
  return items.filter((i) => fresh.delete(`${i.workspaceId} ${i.event.dedupKey}`));
}

/** Stores the statuses; returns those new per (number, wamid, status) — the rest changes nothing. */
async function storeStatuses(m: EntityManager, items: readonly Item[]): Promise<Item[]> {
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
 * Locks the contacts of the statuses' messages (by id, so two batches never wait on each
 * other in a circle) — the same lock the one-by-one path takes before folding; a status
 * whose message is not stored yet locks its recipient's contact, if known.
 */
async function lockContacts(m: EntityManager, items: readonly Item[]): Promise<Map<string, string | null>> {
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
    if (!contacts.has(key(i))) contacts.set(key(i), await lockRecipient(m, { workspaceId: i.workspaceId, numberId: i.numberId }, i.event));
  }
  return contacts;
}

/** Folds the new statuses into their messages, per number; by (number, wamid). */
async function fold(m: EntityManager, items: readonly Item[]): Promise<Map<string, RecomputedStatus>> {
  const folded = new Map<string, RecomputedStatus>();
  for (const [numberId, list] of groupBy(items, (i) => i.numberId)) {
    for (const row of await recomputeMessageStatuses(m, numberId, [...new Set(list.map((i) => i.event.wamid))])) {
      folded.set(`${numberId} ${row.wamid}`, row);
    }
  }
  return folded;
}

function sortedBy<T>(list: readonly T[], by: (t: T) => string): T[] {
  return [...list].sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0));
}

function columns<T>(list: readonly T[], of: ((t: T) => unknown)[]): unknown[][] {
  return of.map((f) => list.map(f));
}

function groupBy<T>(list: readonly T[], by: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of list) groups.set(by(t), [...(groups.get(by(t)) ?? []), t]);
  return groups;
}
