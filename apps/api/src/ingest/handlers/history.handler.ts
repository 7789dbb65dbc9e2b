import type { HistorySyncState, NewEngineEvent } from '@tandem/db';
import type { HistoryDeclinedEvent, HistoryMediaEvent, HistoryMessagesEvent, HistoryThread, MediaRef } from '@tandem/whatsapp';
import { lockContact } from '../../conversations/contact-store.util';
import { advanceHistorySync, declineHistorySync, historyStatus } from '../history-sync.util';
import { contentPayload, insertMessage } from '../../conversations/message-store.util';
import { queryRows } from '../../common/sql.util';
import { recordReceivedMedia } from '../../media/received-media.util';
import { lockNumberBackfill } from './backfill-lock.util';
import type { HandlerContext, HandlerResult } from './handler.types';

/**
 * A backfill chunk. History is context only: stored with source=history, it never opens
 * the window, never counts as live inbound and never triggers journeys (only the number's
 * sync progress is announced).
 */
export async function handleHistoryMessages(ctx: HandlerContext, event: HistoryMessagesEvent): Promise<HandlerResult> {
  await lockNumberBackfill(ctx);
  let stored = 0;
  const notes = [];
  for (const thread of event.threads) {
    const count = await storeThread(ctx, thread);
    if (count === null) notes.push({ kind: event.kind, reason: 'history thread without contact id', dedupKey: event.dedupKey });
    else stored += count;
  }
  const state = await updateSyncState(ctx, (s) =>
    advanceHistorySync(s, {
      phase: event.phase,
      chunkOrder: event.chunkOrder,
      progress: event.progress,
      messageCount: stored,
      at: new Date(),
    }),
  );
  const engineEvent: NewEngineEvent = {
    kind: 'history.synced',
    contactKey: `number:${ctx.number.id}`,
    numberId: ctx.number.id,
    payload: {
      numberId: ctx.number.id,
      status: state.status === 'complete' ? 'complete' : 'in_progress',
      phase: event.phase,
      chunkOrder: event.chunkOrder,
      progress: event.progress,
      messageCount: stored,
    },
  };
  return { engineEvents: [engineEvent], notes };
}

/** Media for an earlier placeholder: attached to it (or stored as history if the chunk is late). */
export async function handleHistoryMedia(ctx: HandlerContext, event: HistoryMediaEvent): Promise<HandlerResult> {
  const media = { ...contentPayload(event), placeholderResolved: true };
  const attached = await queryRows<{ id: string }>(
    ctx.m,
    `UPDATE messages SET type = $3, payload = payload || $4::jsonb, media_placeholder = false, updated_at = now()
     WHERE number_id = $1 AND wamid = $2 RETURNING id`,
    [ctx.number.id, event.wamid, event.type, media],
  );
  if (attached.length > 0) {
    await recordHistoryMedia(ctx, attached[0].id, event.timestamp, event.media);
    return { engineEvents: [] };
  }
  const resolved = await lockContact(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, event.contact, true);
  if (!resolved)
    return { engineEvents: [], notes: [{ kind: event.kind, reason: 'history media without contact id', dedupKey: event.dedupKey }] };
  const id = await insertMessage(ctx.m, {
    workspaceId: ctx.workspaceId,
    numberId: ctx.number.id,
    contactId: resolved.contact.id,
    wamid: event.wamid,
    direction: event.direction === 'inbound' ? 'inbound' : 'app_echo',
    source: 'history',
    type: event.type,
    payload: contentPayload(event),
    metaTimestamp: new Date(event.timestamp),
  });
  if (id) await recordHistoryMedia(ctx, id, event.timestamp, event.media);
  return { engineEvents: [] };
}

export async function handleHistoryDeclined(ctx: HandlerContext, event: HistoryDeclinedEvent): Promise<HandlerResult> {
  const codes = event.errors.map((e) => e.code);
  await updateSyncState(ctx, (s) => declineHistorySync(s, codes, new Date(event.timestamp)));
  const engineEvent: NewEngineEvent = {
    kind: 'history.synced',
    contactKey: `number:${ctx.number.id}`,
    numberId: ctx.number.id,
    payload: { numberId: ctx.number.id, status: 'declined', messageCount: 0, errorCodes: codes },
  };
  return { engineEvents: [engineEvent] };
}

async function storeThread(ctx: HandlerContext, thread: HistoryThread): Promise<number | null> {
  const resolved = await lockContact(ctx.m, { workspaceId: ctx.workspaceId, numberId: ctx.number.id }, thread.contact, true);
  if (!resolved) return null;
  let stored = 0;
  for (const msg of thread.messages) {
    const id = await insertMessage(ctx.m, {
      workspaceId: ctx.workspaceId,
      numberId: ctx.number.id,
      contactId: resolved.contact.id,
      wamid: msg.wamid,
      direction: msg.direction === 'inbound' ? 'inbound' : 'app_echo',
      source: 'history',
      type: msg.type,
      payload: { ...contentPayload(msg), historyStatus: msg.status },
      metaTimestamp: new Date(msg.timestamp),
      status: msg.direction === 'outbound' ? historyStatus(msg.status) : null,
      mediaPlaceholder: msg.type === 'media_placeholder',
    });
    if (!id) continue;
    stored++;
    if (msg.media || msg.type === 'media_placeholder') await recordHistoryMedia(ctx, id, msg.timestamp, msg.media);
  }
  const inbound = thread.messages.filter((msg) => msg.direction === 'inbound').map((msg) => msg.timestamp);
  if (inbound.length > 0) {
    await ctx.m.query('UPDATE contacts SET first_inbound_at = least(first_inbound_at, $2) WHERE id = $1', [
      resolved.contact.id,
      new Date(Math.min(...inbound)),
    ]);
  }
  return stored;
}

/** History media: downloaded only when sent within 14 days of onboarding, else marked not available. */
function recordHistoryMedia(ctx: HandlerContext, messageId: string, sentAtMs: number, media: MediaRef | undefined): Promise<void> {
  return recordReceivedMedia(ctx.m, {
    workspaceId: ctx.workspaceId,
    numberId: ctx.number.id,
    messageId,
    source: 'history',
    sentAt: new Date(sentAtMs),
    onboardedAt: ctx.number.onboardedAt,
    media,
  });
}

async function updateSyncState(ctx: HandlerContext, next: (state: HistorySyncState) => HistorySyncState): Promise<HistorySyncState> {
  const [row] = await queryRows<{ history_sync: HistorySyncState }>(
    ctx.m,
    'SELECT history_sync FROM business_numbers WHERE id = $1 FOR UPDATE',
    [ctx.number.id],
  );
  const state = next(row.history_sync);
  await ctx.m.query('UPDATE business_numbers SET history_sync = $2, updated_at = now() WHERE id = $1', [ctx.number.id, state]);
  return state;
}
