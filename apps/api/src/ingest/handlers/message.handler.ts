import type { MessageReceivedPayload, NewEngineEvent } from '@tandem/db';
import { type MessageEchoEvent, type MessageReceivedEvent, nextWindowState, opensServiceWindow } from '@tandem/whatsapp';
import type { EntityManager } from 'typeorm';
import { type ContactRow, lockContact } from '../../conversations/contact-store.util';
import { annotateOriginal, contentPayload, insertMessage } from '../../conversations/message-store.util';
import { teammateReplied } from '../../conversations/ownership/teammate-echo.util';
import { queryRows, toIso, toMs } from '../../common/sql.util';
import { recordReceivedMedia } from '../../media/received-media.util';
import { type HandlerContext, type HandlerResult, NOTHING } from './handler.types';
import { applyOptKeyword } from './opt-keyword.util';

/** A live customer message: store it, refresh the contact's window, tell the engine. */
export async function handleMessageReceived(ctx: HandlerContext, event: MessageReceivedEvent): Promise<HandlerResult> {
  const { m, number } = ctx;
  const resolved = await lockContact(m, { workspaceId: ctx.workspaceId, numberId: number.id }, event.contact, true);
  if (!resolved) return unidentified(event);
  const at = new Date(event.timestamp);
  const messageId = await insertMessage(m, {
    workspaceId: ctx.workspaceId,
    numberId: number.id,
    contactId: resolved.contact.id,
    wamid: event.wamid,
    direction: 'inbound',
    source: 'live',
    type: event.type,
    payload: contentPayload(event),
    contextWamid: event.context?.wamid,
    metaTimestamp: at,
  });
  // Already stored under this wamid (e.g. as history): it is not a new live message.
  if (!messageId) return NOTHING;
  await annotateOriginal(m, number.id, event, event.wamid, at);
  await recordLiveMedia(ctx, messageId, event);
  await applyIdentityChange(m, number.id, resolved.contact.id, event);
  const window = await refreshWindow(ctx, resolved.contact, event);
  if (opensServiceWindow(event)) ctx.activity.inbound(number.id, at);
  const payload = receivedPayload(event, { numberId: number.id, contactId: resolved.contact.id, messageId }, window);
  if (resolved.mergedIds.length > 0) payload.mergedContactIds = resolved.mergedIds;
  const optKeyword = await applyOptKeyword(m, { workspaceId: ctx.workspaceId, contactId: resolved.contact.id }, event);
  if (optKeyword) payload.optKeyword = optKeyword;
  const engineEvent: NewEngineEvent = { kind: 'message.received', contactKey: resolved.contact.id, numberId: number.id, payload };
  return { engineEvents: [engineEvent] };
}

/** A message a teammate sent from the phone app. Never opens or extends the window. */
export async function handleMessageEcho(ctx: HandlerContext, event: MessageEchoEvent): Promise<HandlerResult> {
  const { m, number } = ctx;
  const resolved = await lockContact(m, { workspaceId: ctx.workspaceId, numberId: number.id }, event.contact, true);
  if (!resolved) return unidentified(event);
  const at = new Date(event.timestamp);
  const messageId = await insertMessage(m, {
    workspaceId: ctx.workspaceId,
    numberId: number.id,
    contactId: resolved.contact.id,
    wamid: event.wamid,
    direction: 'app_echo',
    source: 'live',
    type: event.type,
    payload: contentPayload(event),
    contextWamid: event.context?.wamid,
    metaTimestamp: at,
  });
  if (!messageId) return NOTHING;
  await annotateOriginal(m, number.id, event, event.wamid, at);
  await recordLiveMedia(ctx, messageId, event);
  await teammateReplied(m, resolved.contact.id, event.wamid, at);
  ctx.activity.echo(number.id, at);
  const engineEvent: NewEngineEvent = {
    kind: 'message.echo',
    contactKey: resolved.contact.id,
    numberId: number.id,
    payload: {
      numberId: number.id,
      contactId: resolved.contact.id,
      messageId,
      wamid: event.wamid,
      type: event.type,
      text: event.text,
      contextWamid: event.context?.wamid,
      originalWamid: event.originalWamid,
      occurredAt: at.toISOString(),
    },
  };
  return { engineEvents: [engineEvent] };
}

/** Media of a live message or echo: downloaded off this transaction, within its link's lifetime. */
function recordLiveMedia(ctx: HandlerContext, messageId: string, event: MessageReceivedEvent | MessageEchoEvent): Promise<void> {
  return recordReceivedMedia(ctx.m, {
    workspaceId: ctx.workspaceId,
    numberId: ctx.number.id,
    messageId,
    source: 'live',
    sentAt: new Date(event.timestamp),
    onboardedAt: ctx.number.onboardedAt,
    media: event.media,
  });
}

function receivedPayload(
  event: MessageReceivedEvent,
  ids: { numberId: string; contactId: string; messageId: string },
  window: { opened: boolean; until: string | null },
): MessageReceivedPayload {
  return {
    ...ids,
    wamid: event.wamid,
    type: event.type,
    text: event.text,
    buttonId: event.buttonId,
    buttonPayload: event.buttonPayload,
    listRowId: event.listRowId,
    interactiveType: event.interactiveType,
    contextWamid: event.context?.wamid,
    referral: event.referral ? { ...event.referral } : undefined,
    originalWamid: event.originalWamid,
    occurredAt: new Date(event.timestamp).toISOString(),
    windowOpened: window.opened,
    windowOpenUntil: window.until,
  };
}

async function refreshWindow(
  ctx: HandlerContext,
  contact: ContactRow,
  event: MessageReceivedEvent,
): Promise<{ opened: boolean; until: string | null }> {
  const current = { lastLiveInboundAt: toMs(contact.lastInboundAt), windowOpenUntil: toMs(contact.windowOpenUntil) };
  const next = nextWindowState(current, event, { mode: ctx.number.mode, onboardedAt: toMs(ctx.number.onboardedAt) });
  const at = new Date(event.timestamp);
  const counts = opensServiceWindow(event);
  const [row] = await queryRows<{ window_open_until: Date | null }>(
    ctx.m,
    `UPDATE contacts SET
       last_inbound_at = CASE WHEN $2 THEN greatest(last_inbound_at, $3) ELSE last_inbound_at END,
       first_inbound_at = CASE WHEN $2 THEN least(first_inbound_at, $3) ELSE first_inbound_at END,
       window_open_until = greatest(window_open_until, $4), updated_at = now()
     WHERE id = $1 RETURNING window_open_until`,
    [contact.id, counts, at, next.windowOpenUntil === null ? null : new Date(next.windowOpenUntil)],
  );
  return { opened: next !== current, until: toIso(row.window_open_until) };
}

/** `user_changed_number` / `user_changed_user_id` system messages carry the person's new id. */
async function applyIdentityChange(m: EntityManager, numberId: string, contactId: string, event: MessageReceivedEvent) {
  const change = event.type === 'system' ? event.system : undefined;
  for (const [column, value] of [
    ['wa_id', change?.newWaId],
    ['user_id', change?.newUserId],
  ] as const) {
    if (!value) continue;
    await m.query(
      `UPDATE contacts SET ${column} = $3, updated_at = now() WHERE id = $2
       AND NOT EXISTS (SELECT 1 FROM contacts WHERE number_id = $1 AND ${column} = $3)`,
      [numberId, contactId, value],
    );
  }
}

function unidentified(event: MessageReceivedEvent | MessageEchoEvent): HandlerResult {
  return {
    engineEvents: [],
    notes: [{ kind: event.kind, reason: 'no wa_id or user_id identifies the contact', dedupKey: event.dedupKey }],
  };
}
