import { newWamid, unixSeconds } from '../common/ids.util';
import type { StagedHistoryMessage, StagedThread } from '../state/sim-state.types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Media older than this before onboarding is never downloadable; it stays a placeholder. */
export const MEDIA_FOLLOW_UP_WINDOW_MS = 14 * DAY_MS;
export const HISTORY_HORIZON_MS = 180 * DAY_MS;

export interface HistoryItem {
  thread: StagedThread;
  staged: StagedHistoryMessage;
  wamid: string;
  phase: 0 | 1 | 2;
}

export interface HistoryChunk {
  phase: 0 | 1 | 2;
  chunkOrder: number;
  progress: number;
  items: HistoryItem[];
}

/** Phase of a message by its age at onboarding: 0 = day 0–1, 1 = day 1–90, 2 = day 90–180. */
export function phaseOf(ageMs: number): 0 | 1 | 2 | undefined {
  if (ageMs < 0 || ageMs > HISTORY_HORIZON_MS) return undefined;
  if (ageMs < DAY_MS) return 0;
  return ageMs < 90 * DAY_MS ? 1 : 2;
}

/**
 * Splits staged threads into history chunks: phases in order, `chunkSize` messages per chunk,
 * `progress` rising to 100 on the last chunk. Messages after onboarding or older than 180 days
 * are not history. Empty phases produce no chunk.
 */
export function buildHistoryChunks(threads: StagedThread[], onboardedAt: number, chunkSize: number): HistoryChunk[] {
  const byPhase: HistoryItem[][] = [[], [], []];
  for (const thread of threads) {
    const sorted = [...thread.messages].sort((a, b) => a.at - b.at);
    for (const staged of sorted) {
      const phase = phaseOf(onboardedAt - staged.at);
      if (phase !== undefined) byPhase[phase].push({ thread, staged, phase, wamid: newWamid(thread.waId) });
    }
  }
  const slices = byPhase.flatMap((items) => {
    const out: HistoryItem[][] = [];
    for (let i = 0; i < items.length; i += chunkSize) out.push(items.slice(i, i + chunkSize));
    return out;
  });
  const chunkOrder = [0, 0, 0];
  return slices.map((items, index) => ({
    phase: items[0].phase,
    chunkOrder: ++chunkOrder[items[0].phase],
    progress: Math.round((100 * (index + 1)) / slices.length),
    items,
  }));
}

export function isBusinessSent(item: HistoryItem): boolean {
  return item.staged.direction === 'outbound';
}

export function hasFollowUpMedia(item: HistoryItem, onboardedAt: number): boolean {
  return item.staged.type !== 'text' && onboardedAt - item.staged.at <= MEDIA_FOLLOW_UP_WINDOW_MS;
}

/** One message of a `history` thread; media arrive as `media_placeholder` without content. */
export function historyMessageItem(item: HistoryItem, displayPhoneNumber: string): Record<string, unknown> {
  const { staged, thread } = item;
  const base: Record<string, unknown> = isBusinessSent(item)
    ? { from: displayPhoneNumber, to: thread.waId, id: item.wamid, timestamp: unixSeconds(staged.at) }
    : { from: thread.waId, id: item.wamid, timestamp: unixSeconds(staged.at) };
  if (staged.type === 'text') Object.assign(base, { type: 'text', text: { body: staged.text ?? '' } });
  else base.type = 'media_placeholder';
  base.history_context = { status: staged.status };
  return base;
}

/** Groups a chunk's items back into `threads[]`, one per contact, in first-seen order. */
export function chunkThreads(chunk: HistoryChunk, displayPhoneNumber: string): Record<string, unknown>[] {
  const threads = new Map<StagedThread, Record<string, unknown>[]>();
  for (const item of chunk.items) {
    const list = threads.get(item.thread) ?? [];
    list.push(historyMessageItem(item, displayPhoneNumber));
    threads.set(item.thread, list);
  }
  return [...threads].map(([thread, messages]) => ({
    id: thread.waId,
    ...(thread.userId ? { context: { wa_id: thread.waId, user_id: thread.userId } } : {}),
    messages,
  }));
}
