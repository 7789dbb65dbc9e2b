import type { HistoryMessage, HistoryThread, NormalizedEvent } from './events.types';
import { parseHistoryMedia } from './parse-echoes.util';
import { parseContent } from './parse-content.util';
import {
  asArray,
  type ChangeContext,
  compactContact,
  entryTimeMs,
  eventBase,
  mapErrors,
  nonEmpty,
  phoneDigits,
  pick,
  stableHash,
  toMs,
  unknownEvent,
} from './webhook-common.util';
import { historyChunkSchema, historyErrorsSchema, historyMessageSchema } from './webhook-payload.schema';

/** Error code Meta sends when the business turned history sharing off. */
export const HISTORY_DECLINED_CODE = 2593109;

type HistoryThreadInput = ReturnType<typeof historyChunkSchema.parse>['threads'][number];

/**
 * The `history` field: backfill chunks (`value.history[]`), the refusal (`history[].errors`)
 * and media follow-ups (`value.messages` / `value.message_echoes`).
 */
export function parseHistoryValue(ctx: ChangeContext, value: Record<string, unknown>): NormalizedEvent[] {
  const events = asArray(value.history).map((item) => parseHistoryItem(ctx, item));
  return [...events, ...parseHistoryMedia(ctx, value)];
}

function parseHistoryItem(ctx: ChangeContext, raw: unknown): NormalizedEvent {
  const refusal = pick(historyErrorsSchema, raw);
  if (refusal) {
    const errors = mapErrors(refusal.errors) ?? [];
    const declined = errors.some((e) => e.code === HISTORY_DECLINED_CODE);
    const key = `${ctx.phoneNumberId ?? ctx.wabaId}:${stableHash(refusal.errors)}`;
    return declined
      ? { ...eventBase(ctx, `history-declined:${key}`, entryTimeMs(ctx)), kind: 'history.declined', errors }
      : { ...eventBase(ctx, `history-errors:${key}`, entryTimeMs(ctx)), kind: 'account.errors', errors };
  }
  const chunk = pick(historyChunkSchema, raw);
  if (!chunk) return unknownEvent(ctx, 'unknown_item', raw);
  const { phase, chunk_order: chunkOrder, progress } = chunk.metadata;
  const threads = chunk.threads.map((t) => parseThread(ctx, t));
  const newest = Math.max(0, ...threads.flatMap((t) => t.messages.map((m) => m.timestamp)));
  return {
    ...eventBase(ctx, `history:${ctx.phoneNumberId ?? ctx.wabaId}:${phase}:${chunkOrder}`, newest || entryTimeMs(ctx)),
    kind: 'history.messages',
    phase,
    chunkOrder,
    progress,
    threads,
  };
}

function parseThread(ctx: ChangeContext, thread: HistoryThreadInput): HistoryThread {
  const contact = compactContact({
    waId: phoneDigits(nonEmpty(thread.context?.wa_id) ?? thread.id),
    userId: nonEmpty(thread.context?.user_id),
    username: nonEmpty(thread.context?.username),
  });
  const business = phoneDigits(ctx.displayPhoneNumber);
  const messages = thread.messages.flatMap((raw): HistoryMessage[] => {
    const m = pick(historyMessageSchema, raw);
    // An item without wamid/timestamp cannot be stored or deduplicated; history is context only.
    if (!m) return [];
    const outbound = business !== undefined ? phoneDigits(m.from) === business : m.from !== thread.id;
    const message: HistoryMessage = {
      ...parseContent(m),
      wamid: m.id,
      timestamp: toMs(m.timestamp, ctx.receivedAt),
      direction: outbound ? 'outbound' : 'inbound',
      from: m.from,
      raw,
    };
    if (m.to) message.to = m.to;
    if (m.history_context?.status) message.status = m.history_context.status;
    return [message];
  });
  return { contact, messages };
}
