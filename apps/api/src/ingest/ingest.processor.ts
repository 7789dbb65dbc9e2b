import { Injectable, Logger } from '@nestjs/common';
import type { DeliveryNote } from '@tandem/db';
import { type NormalizedEvent, parseWebhook } from '@tandem/whatsapp';
import { DataSource, type EntityManager } from 'typeorm';
import { EngineEventsPublisher } from './engine-events.publisher';
import { appendEngineEvents, claimEvent } from './event-ledger.util';
import { EventRouter, type Route } from './event-router.util';
import { handleAccountUpdated, handleTemplateStatus } from './handlers/account.handler';
import { handleContactSynced, handleUserPreference } from './handlers/contact.handler';
import { type HandlerContext, type HandlerResult, NumberActivity, type WabaHandlerContext } from './handlers/handler.types';
import { handleHistoryDeclined, handleHistoryMedia, handleHistoryMessages } from './handlers/history.handler';
import { handleMessageEcho, handleMessageReceived } from './handlers/message.handler';
import { handleMessageStatus } from './handlers/status.handler';
import { NumberActivityWriter } from '../numbers/number-activity.writer';
import { queryRows } from '../common/sql.util';

interface DeliveryRow {
  id: string;
  body: Buffer;
  outcome: string;
  received_at: Date;
}

/**
 * Turns a stored delivery into conversation changes. One transaction per normalized event
 * (not per delivery): the ledger row commits with the event's changes, so a retry after a
 * failure part-way resumes where it stopped without repeating anything, a history chunk of
 * thousands of messages does not hold locks for the whole body, and contact row locks stay short.
 * The delivery's own closing writes ride in its last event's transaction.
 */
@Injectable()
export class IngestProcessor {
  private readonly logger = new Logger(IngestProcessor.name);
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EngineEventsPublisher,
    private readonly activityWriter: NumberActivityWriter,
  ) {}

  async process(deliveryId: string): Promise<void> {
    const [delivery] = await queryRows<DeliveryRow>(
      this.dataSource.manager,
      'SELECT id, body, outcome, received_at FROM webhook_deliveries WHERE id = $1',
      [deliveryId],
    );
    if (!delivery || delivery.outcome === 'processed' || delivery.outcome === 'dead') return;
    const events = parseWebhook(delivery.body, { receivedAt: new Date(delivery.received_at).getTime() });
    const router = new EventRouter(this.dataSource);
    const activity = new NumberActivity(new Date(delivery.received_at));
    const notes: DeliveryNote[] = [];
    // The delivery's processed mark commits with its last event's changes — one transaction per
    // delivery fewer; on its own if that event needs none. Number activity is written after, batched.
    const finish: Finish = (m, lastNotes) => this.finish(m, deliveryId, events.length, [...notes, ...lastNotes]);
    let engineEvents = 0;
    let finished = false;
    for (const [i, event] of events.entries()) {
      const applied = await this.applyEvent(event, router, activity, deliveryId, i === events.length - 1 ? finish : undefined);
      notes.push(...applied.notes);
      engineEvents += applied.engineEvents;
      finished = applied.finished;
    }
    if (!finished) await this.finish(this.dataSource.manager, deliveryId, events.length, notes);
    this.activityWriter.record(activity);
    // Most deliveries (statuses) add no engine event: then there is nothing to publish — unless
    // this is a retry, whose earlier attempt may have committed events it never published.
    if (engineEvents === 0 && delivery.outcome === 'pending') return;
    await this.publisher.publishPending().catch((err: unknown) => {
      this.logger.warn(`engine events not published yet (the sweeper will retry): ${String(err)}`);
    });
  }

  /** Stores why processing failed; `final` dead-letters the delivery. */
  async recordFailure(deliveryId: string, error: unknown, final: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET outcome = $2, attempts = attempts + 1, last_error = $3
       WHERE id = $1 AND outcome <> 'processed'`,
      [deliveryId, final ? 'dead' : 'failed', message.slice(0, 2000)],
    );
  }

  /**
   * Applies one event; its delivery notes, how many engine events it appended, and whether
   * `finish` (given for the delivery's last event) ran inside its last transaction.
   */
  private async applyEvent(
    event: NormalizedEvent,
    router: EventRouter,
    activity: NumberActivity,
    deliveryId: string,
    finish?: Finish,
  ): Promise<{ notes: DeliveryNote[]; engineEvents: number; finished: boolean }> {
    if (event.kind === 'unknown' || event.kind === 'account.errors') {
      return { notes: await this.recordOnly(event, router, activity), engineEvents: 0, finished: false };
    }
    const routing = await router.route(event);
    if ('unroutable' in routing) return { notes: [routing.unroutable], engineEvents: 0, finished: false };
    const notes: DeliveryNote[] = [];
    let engineEvents = 0;
    for (const [i, route] of routing.routes.entries()) {
      if (route.scope === 'number') activity.touch(route.number.id);
      else route.numbers.forEach((n) => activity.touch(n.id));
      const finishHere = i === routing.routes.length - 1 ? finish : undefined;
      const result = await this.dataSource.transaction(async (m) => {
        const numberId = route.scope === 'number' ? route.number.id : null;
        const claimed = await claimEvent(m, { workspaceId: route.workspaceId, numberId, deliveryId }, event);
        const handled = claimed ? await dispatch(m, route, event, deliveryId, activity) : null;
        if (handled) await appendEngineEvents(m, { workspaceId: route.workspaceId, deliveryId }, handled.engineEvents);
        if (finishHere) await finishHere(m, [...notes, ...(handled?.notes ?? [])]);
        return handled;
      });
      notes.push(...(result?.notes ?? []));
      engineEvents += result?.engineEvents.length ?? 0;
    }
    return { notes, engineEvents, finished: finish !== undefined };
  }

  /** Group chats, unknown fields and account-level errors: kept raw on the delivery, no domain change. */
  private async recordOnly(event: NormalizedEvent, router: EventRouter, activity: NumberActivity): Promise<DeliveryNote[]> {
    const routing = event.phoneNumberId ? await router.route(event) : undefined;
    if (routing && 'routes' in routing) routing.routes.forEach((r) => r.scope === 'number' && activity.touch(r.number.id));
    const base = { kind: event.kind, dedupKey: event.dedupKey, phoneNumberId: event.phoneNumberId, wabaId: event.wabaId };
    return event.kind === 'unknown'
      ? [{ ...base, reason: `${event.reason} (${event.field})`, raw: event.value }]
      : [{ ...base, reason: 'account-level errors', raw: event.kind === 'account.errors' ? event.errors : undefined }];
  }

  /** The processed mark, with the delivery's notes, in `m`'s transaction. */
  private async finish(m: EntityManager, deliveryId: string, eventCount: number, notes: DeliveryNote[]): Promise<void> {
    await m.query(
      `UPDATE webhook_deliveries SET outcome = 'processed', processed_at = now(), attempts = attempts + 1,
         last_error = NULL, event_count = $2, notes = $3::jsonb WHERE id = $1`,
      [deliveryId, eventCount, JSON.stringify(notes)],
    );
  }
}

/** Runs the delivery's closing writes in the transaction it is given; `lastNotes` are the last event's. */
type Finish = (m: EntityManager, lastNotes: DeliveryNote[]) => Promise<void>;

function dispatch(
  m: EntityManager,
  route: Route,
  event: NormalizedEvent,
  deliveryId: string,
  activity: NumberActivity,
): Promise<HandlerResult> {
  if (route.scope === 'waba') {
    const ctx: WabaHandlerContext = { m, workspaceId: route.workspaceId, wabaId: route.wabaId, numbers: route.numbers, deliveryId };
    if (event.kind === 'account.updated') return handleAccountUpdated(ctx, event);
    if (event.kind === 'template.status') return handleTemplateStatus(ctx, event);
    throw new Error(`${event.kind} cannot be routed by WABA`);
  }
  const ctx: HandlerContext = { m, workspaceId: route.workspaceId, number: route.number, deliveryId, activity };
  switch (event.kind) {
    case 'message.received':
      return handleMessageReceived(ctx, event);
    case 'message.echo':
      return handleMessageEcho(ctx, event);
    case 'message.status':
      return handleMessageStatus(ctx, event);
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
