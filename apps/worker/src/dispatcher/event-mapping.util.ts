import type { EngineEvent as DbEngineEvent } from '@tandem/db';
import type { EngineEvent as TriggerEvent } from '@tandem/journey-model';
import type { ReplySignalPayload, StatusSignalPayload } from '@tandem/workflows';

/** Trigger fields keep at most this many characters of text (workflow inputs carry small fields only). */
export const MAX_TRIGGER_TEXT = 1024;

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * The journey-model view of a store event, which triggers are matched against and runs
 * receive as `trigger`. `undefined` for kinds that never start runs (template, history,
 * reconnect) and for contact removals.
 */
export function triggerEventOf(event: DbEngineEvent, isFirstMessage = false): TriggerEvent | undefined {
  const timestamp = Date.parse(event.createdAt);
  switch (event.kind) {
    case 'message.received': {
      const p = event.payload;
      return defined({
        kind: 'message.received' as const,
        text: p.text?.slice(0, MAX_TRIGGER_TEXT),
        buttonId: p.buttonId,
        listRowId: p.listRowId,
        buttonPayload: p.buttonPayload,
        wamid: p.wamid,
        isFirstMessage,
        timestamp,
      });
    }
    case 'message.echo':
      return defined({
        kind: 'message.echo' as const,
        text: event.payload.text?.slice(0, MAX_TRIGGER_TEXT),
        wamid: event.payload.wamid,
        timestamp,
      });
    case 'message.status':
      return defined({
        kind: 'message.status' as const,
        status: event.payload.status,
        errorCode: event.payload.errors?.[0]?.code,
        wamid: event.payload.wamid,
        timestamp,
      });
    case 'contact.synced':
      return event.payload.action === 'add' ? { kind: 'contact.synced', timestamp } : undefined;
    case 'number.disconnected':
      return { kind: 'number.disconnected', timestamp };
    case 'number.reconnected':
    case 'history.synced':
    case 'template.status':
      return undefined;
  }
}

/** The contact an event is about (`undefined` for number-level events). */
export function contactOf(event: DbEngineEvent): string | undefined {
  switch (event.kind) {
    case 'message.received':
    case 'message.echo':
    case 'contact.synced':
      return event.payload.contactId;
    case 'message.status':
      return event.payload.contactId ?? undefined;
    default:
      return undefined;
  }
}

/** The reply signal for an inbound message. */
export function replyOf(event: Extract<DbEngineEvent, { kind: 'message.received' }>): ReplySignalPayload {
  const p = event.payload;
  return defined({
    eventId: event.id,
    wamid: p.wamid,
    text: p.text?.slice(0, MAX_TRIGGER_TEXT),
    buttonId: p.buttonId,
    listRowId: p.listRowId,
    buttonPayload: p.buttonPayload,
  });
}

/** The status signal for a delivery status. */
export function statusOf(event: Extract<DbEngineEvent, { kind: 'message.status' }>): StatusSignalPayload {
  const p = event.payload;
  return defined({ eventId: event.id, wamid: p.wamid, status: p.status, errorCode: p.errors?.[0]?.code });
}

export { runIdFromCallback } from '@tandem/db';
