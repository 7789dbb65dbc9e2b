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
