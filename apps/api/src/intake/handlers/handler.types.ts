import type { BusinessNumber, DeliveryNote, NewEngineEvent } from '@tandem/db';
import type { EntityManager } from 'typeorm';

export interface ActivityEntry {
  webhookAt: Date;
  inboundAt?: Date;
  echoAt?: Date;
  contactSyncAt?: Date;
}

/** Per-delivery record of number activity, written once after the events (keeps the number row cool). */
export class NumberActivity {
  private readonly byNumber = new Map<string, ActivityEntry>();

  constructor(private readonly receivedAt: Date) {}

  touch(numberId: string): void {
    if (!this.byNumber.has(numberId)) this.byNumber.set(numberId, { webhookAt: this.receivedAt });
  }

  inbound(numberId: string, at: Date): void {
    const entry = this.entry(numberId);
    if (!entry.inboundAt || entry.inboundAt < at) entry.inboundAt = at;
  }

  echo(numberId: string, at: Date): void {
    const entry = this.entry(numberId);
    if (!entry.echoAt || entry.echoAt < at) entry.echoAt = at;
  }

  contactSync(numberId: string, at: Date): void {
    const entry = this.entry(numberId);
    if (!entry.contactSyncAt || entry.contactSyncAt < at) entry.contactSyncAt = at;
  }

  entries(): [string, ActivityEntry][] {
    return [...this.byNumber.entries()];
  }

  private entry(numberId: string): ActivityEntry {
    this.touch(numberId);
    const entry = this.byNumber.get(numberId);
    if (!entry) throw new Error('unreachable: touched above');
    return entry;
  }
}

/**
 * Which number-activity writes are worth a statement. A delivery with inbound, echo or contact
 * sync activity always writes; one that only proves the webhook is alive (most: statuses)
 * writes at most every {@link ActivityWrites.WEBHOOK_EVERY_MS} per number and process — the
 * number's health only asks whether a webhook came in the last hour.
 */
export class ActivityWrites {
  static readonly WEBHOOK_EVERY_MS = 5_000;
  private readonly webhookWrittenAt = new Map<string, number>();

  /** Whether `entry` should be written now; records the write when it should. */
  due(numberId: string, entry: ActivityEntry): boolean {
    const at = entry.webhookAt.getTime();
    const written = this.webhookWrittenAt.get(numberId);
    const onlyWebhook = !entry.inboundAt && !entry.echoAt && !entry.contactSyncAt;
    if (onlyWebhook && written !== undefined && at >= written && at - written < ActivityWrites.WEBHOOK_EVERY_MS) return false;
    if (written === undefined || at > written) this.webhookWrittenAt.set(numberId, at);
    return true;
  }
}

/** Everything a handler may use; it runs inside the event's transaction (`m`). */
export interface HandlerContext {
  m: EntityManager;
  workspaceId: string;
  /** The number the event is about (message-type fields). */
  number: BusinessNumber;
  deliveryId: string;
  activity: NumberActivity;
}

/** Account-level events (routed by WABA) see every number of the WABA in the workspace. */
export interface WabaHandlerContext {
  m: EntityManager;
  workspaceId: string;
  wabaId: string;
  numbers: BusinessNumber[];
  deliveryId: string;
}

export interface HandlerResult {
  engineEvents: NewEngineEvent[];
  notes?: DeliveryNote[];
}

export const NOTHING: HandlerResult = { engineEvents: [] };
