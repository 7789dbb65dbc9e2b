import { appendEngineEvents, type DeliveryNote } from '@tandem/db';
import type { NormalizedEvent } from '@tandem/whatsapp';
import type { DataSource, EntityManager } from 'typeorm';
import { claimEvent } from './event-ledger.util';
import type { EventRouter, Route } from './event-router.util';
import { handleAccountUpdated, handleTemplateStatus } from './handlers/account.handler';
import { handleContactSynced, handleUserPreference } from './handlers/contact.handler';
import type { HandlerContext, HandlerResult, NumberActivity, WabaHandlerContext } from './handlers/handler.types';
import { handleHistoryDeclined, handleHistoryMedia, handleHistoryMessages } from './handlers/history.handler';
import { handleMessageEcho, handleMessageReceived } from './handlers/message.handler';
import { handleMessageStatuses } from './handlers/status.handler';
import { handleTemplateCategory, handleTemplateQuality } from './handlers/template.handler';

/** One delivery to apply event by event, with what its events need. */
export interface DeliveryRun {
  id: string;
  events: readonly NormalizedEvent[];
  router: EventRouter;
  activity: NumberActivity;
  /** Called before each event: keeps the delivery's claim alive while a long one runs. */
  beforeEvent: () => Promise<void>;
}

/**
 * Applies a delivery with one transaction per normalized event (not per delivery): the ledger
 * row commits with the event's changes, so a retry after a failure part-way resumes where it
 * stopped without repeating anything, a history chunk of thousands of messages does not hold
 * locks for the whole body, and contact row locks stay short. The delivery's processed mark
 * rides in its last event's transaction (on its own if that event needs none). Resolves with
 * how many engine events it appended.
 */
export async function applyDelivery(ds: DataSource, run: DeliveryRun): Promise<number> {
  const notes: DeliveryNote[] = [];
  const finish: Finish = (m, lastNotes) => markProcessed(m, run.id, run.events.length, [...notes, ...lastNotes]);
  let engineEvents = 0;
  let finished = false;
  for (const [i, event] of run.events.entries()) {
    await run.beforeEvent();
    const applied = await applyEvent(ds, run, event, i === run.events.length - 1 ? finish : undefined);
    notes.push(...applied.notes);
    engineEvents += applied.engineEvents;
    finished = applied.finished;
  }
  if (!finished) await markProcessed(ds.manager, run.id, run.events.length, notes);
  return engineEvents;
}

/** The processed mark, with the delivery's notes, in `m`'s transaction. */
export async function markProcessed(m: EntityManager, deliveryId: string, eventCount: number, notes: DeliveryNote[]): Promise<void> {
  await m.query(
    `UPDATE webhook_deliveries SET outcome = 'processed', processed_at = now(), attempts = attempts + 1, claimed_by = NULL,
       last_error = NULL, event_count = $2, notes = $3::jsonb WHERE id = $1`,
    [deliveryId, eventCount, JSON.stringify(notes)],
  );
}

/** Runs the delivery's closing writes in the transaction it is given; `lastNotes` are the last event's. */
type Finish = (m: EntityManager, lastNotes: DeliveryNote[]) => Promise<void>;

async function applyEvent(
  ds: DataSource,
  run: DeliveryRun,
  event: NormalizedEvent,
  finish?: Finish,
): Promise<{ notes: DeliveryNote[]; engineEvents: number; finished: boolean }> {
  if (event.kind === 'unknown' || event.kind === 'account.errors') {
    return { notes: await recordOnly(event, run), engineEvents: 0, finished: false };
  }
  const routing = await run.router.route(event);
  if ('unroutable' in routing) return { notes: [routing.unroutable], engineEvents: 0, finished: false };
  const notes: DeliveryNote[] = [];
  let engineEvents = 0;
  for (const [i, route] of routing.routes.entries()) {
    if (route.scope === 'number') run.activity.touch(route.number.id);
    else route.numbers.forEach((n) => run.activity.touch(n.id));
    const finishHere = i === routing.routes.length - 1 ? finish : undefined;
    const result = await ds.transaction(async (m) => {
      const handled = await handle(m, route, event, run);
      if (handled) await appendEngineEvents(m, { workspaceId: route.workspaceId, deliveryId: run.id }, handled.engineEvents);
      if (finishHere) await finishHere(m, [...notes, ...(handled?.notes ?? [])]);
      return handled;
    });
    notes.push(...(result?.notes ?? []));
    engineEvents += result?.engineEvents.length ?? 0;
  }
  return { notes, engineEvents, finished: finish !== undefined };
}

/** Group chats, unknown fields and account-level errors: kept raw on the delivery, no domain change. */
async function recordOnly(event: NormalizedEvent, run: DeliveryRun): Promise<DeliveryNote[]> {
  const routing = event.phoneNumberId ? await run.router.route(event) : undefined;
  if (routing && 'routes' in routing) routing.routes.forEach((r) => r.scope === 'number' && run.activity.touch(r.number.id));
  const base = { kind: event.kind, dedupKey: event.dedupKey, phoneNumberId: event.phoneNumberId, wabaId: event.wabaId };
  return event.kind === 'unknown'
    ? [{ ...base, reason: `${event.reason} (${event.field})`, raw: event.value }]
    : [{ ...base, reason: 'account-level errors', raw: event.kind === 'account.errors' ? event.errors : undefined }];
}

/** The event's handler, after its claim in the ledger; null when it was applied before. */
async function handle(m: EntityManager, route: Route, event: NormalizedEvent, run: DeliveryRun): Promise<HandlerResult | null> {
  if (event.kind === 'message.status' && route.scope === 'number') {
    // The status handler claims its statuses itself (it takes one or many).
    const status = { deliveryId: run.id, workspaceId: route.workspaceId, numberId: route.number.id, event };
    return { engineEvents: (await handleMessageStatuses(m, [status])).map((s) => s.engineEvent) };
  }
  const numberId = route.scope === 'number' ? route.number.id : null;
  if (!(await claimEvent(m, { workspaceId: route.workspaceId, numberId, deliveryId: run.id }, event))) return null;
  return dispatch(m, route, event, run);
}

function dispatch(m: EntityManager, route: Route, event: NormalizedEvent, run: DeliveryRun): Promise<HandlerResult> {
  if (route.scope === 'waba') {
    const ctx: WabaHandlerContext = { m, workspaceId: route.workspaceId, wabaId: route.wabaId, numbers: route.numbers, deliveryId: run.id };
    if (event.kind === 'account.updated') return handleAccountUpdated(ctx, event);
    if (event.kind === 'template.status') return handleTemplateStatus(ctx, event);
    if (event.kind === 'template.quality') return handleTemplateQuality(ctx, event);
    if (event.kind === 'template.category') return handleTemplateCategory(ctx, event);
    throw new Error(`${event.kind} cannot be routed by WABA`);
  }
  const ctx: HandlerContext = { m, workspaceId: route.workspaceId, number: route.number, deliveryId: run.id, activity: run.activity };
  switch (event.kind) {
    case 'message.received':
      return handleMessageReceived(ctx, event);
    case 'message.echo':
      return handleMessageEcho(ctx, event);
    case 'history.messages':
      return handleHistoryMessages(ctx, event);
    case 'history.media':
      return handleHistoryMedia(ctx, event);
    case 'history.declined':
      return handleHistoryDeclined(ctx, event);
    case 'contact.synced':
      return handleContactSynced(ctx, event);
    case 'user.preference':
      return handleUserPreference(ctx, event);
    default:
      throw new Error(`${event.kind} cannot be routed to a number`);
  }
}
