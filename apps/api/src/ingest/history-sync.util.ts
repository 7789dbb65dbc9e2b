import type { HistorySyncState } from '@tandem/db';

export interface HistoryChunk {
  phase: number;
  chunkOrder: number;
  progress: number;
  messageCount: number;
  at: Date;
}

/**
 * Folds one history chunk into the number's sync state. Chunks arrive in any order, so
 * phase and progress only grow; progress 100 means the whole sync is done.
 */
export function advanceHistorySync(state: HistorySyncState, chunk: HistoryChunk): HistorySyncState {
  const key = `${chunk.phase}:${chunk.chunkOrder}`;
  const chunks = state.chunks ?? [];
  const progress = Math.max(state.progress ?? 0, chunk.progress);
  const seen = chunks.includes(key);
  return {
    status: progress >= 100 || state.status === 'complete' ? 'complete' : 'in_progress',
    phase: Math.max(state.phase ?? 0, chunk.phase),
    progress,
    chunks: seen ? chunks : [...chunks, key],
    messageCount: (state.messageCount ?? 0) + (seen ? 0 : chunk.messageCount),
    updatedAt: chunk.at.toISOString(),
  };
}

/** The business declined (or turned off) history sharing: nothing else will come. */
export function declineHistorySync(state: HistorySyncState, errorCodes: number[], at: Date): HistorySyncState {
  return { ...state, status: 'declined', errorCodes, updatedAt: at.toISOString() };
}

/** `history_context.status` (upper case) → our status; PENDING has no equivalent. */
export function historyStatus(status: string | undefined): 'sent' | 'delivered' | 'read' | 'played' | 'failed' | null {
  switch (status?.toUpperCase()) {
    case 'SENT':
      return 'sent';
    case 'DELIVERED':
      return 'delivered';
    case 'READ':
      return 'read';
    case 'PLAYED':
      return 'played';
    case 'ERROR':
      return 'failed';
    default:
      return null;
  }
}
