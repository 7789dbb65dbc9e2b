import { Injectable } from '@nestjs/common';
import { webhookErrorItem } from '../common/error-catalogue';
import { unixSeconds } from '../common/ids.util';
import { SimStateService } from '../state/sim-state.service';
import type { SimNumber, StagedThread } from '../state/sim-state.types';
import { WebhookEmitterService } from '../webhooks/webhook-emitter.service';
import { HistoryItem, buildHistoryChunks, chunkThreads, hasFollowUpMedia, isBusinessSent } from './history-chunks.util';

export interface HistoryRunOptions {
  /** Threads to sync; defaults to the number's staged history. */
  threads?: StagedThread[];
  chunkSize?: number;
  /** Deliver the chunks of each phase in random order (Meta does not promise order). */
  shuffleChunks?: boolean;
  /** Business declined history sharing: one webhook with error 2593109 and nothing else. */
  declined?: boolean;
}

export interface HistoryRunResult {
  deliveryIds: number[];
  chunks: { phase: number; chunkOrder: number; progress: number; messages: number }[];
  mediaFollowUps: number;
  placeholdersOnly: number;
  declined: boolean;
}

/** Plays Meta's history backfill: phased chunks, then follow-up webhooks for recent media. */
@Injectable()
export class HistorySyncService {
  constructor(
    private readonly state: SimStateService,
    private readonly emitter: WebhookEmitterService,
  ) {}

  run(number: SimNumber, options: HistoryRunOptions = {}): HistoryRunResult {
    const declined = options.declined ?? !number.historyShared;
    if (declined) {
      const delivery = this.emitter.forNumber(number, 'history', 'history', {
        history: [{ errors: [webhookErrorItem(2593109, { href: false })] }],
      });
      return { deliveryIds: delivery ? [delivery.id] : [], chunks: [], mediaFollowUps: 0, placeholdersOnly: 0, declined: true };
    }
    const chunks = buildHistoryChunks(options.threads ?? number.stagedHistory, number.onboardedAt, options.chunkSize ?? 50);
    const ordered = options.shuffleChunks ? shuffleWithinPhase(chunks) : chunks;
    const deliveryIds: number[] = [];
    for (const chunk of ordered) {
      for (const item of chunk.items) this.store(number, item);
      const value = {
        history: [
          {
            metadata: { phase: chunk.phase, chunk_order: chunk.chunkOrder, progress: chunk.progress },
            threads: chunkThreads(chunk, number.displayPhoneNumber),
          },
        ],
      };
      const delivery = this.emitter.forNumber(number, 'history', 'history', value);
      if (delivery) deliveryIds.push(delivery.id);
    }
    const media = chunks.flatMap((c) => c.items).filter((i) => i.staged.type !== 'text');
    const followUps = media.filter((i) => hasFollowUpMedia(i, number.onboardedAt));
    for (const item of followUps) {
      const delivery = this.emitter.forNumber(number, 'history', 'history', this.followUp(number, item));
      if (delivery) deliveryIds.push(delivery.id);
    }
    return {
      deliveryIds,
      chunks: ordered.map((c) => ({ phase: c.phase, chunkOrder: c.chunkOrder, progress: c.progress, messages: c.items.length })),
      mediaFollowUps: followUps.length,
      placeholdersOnly: media.length - followUps.length,
      declined: false,
    };
  }

  /** History is context only: stored as `source: history`, never touching the window. */
  private store(number: SimNumber, item: HistoryItem): void {
    const contact = this.state.upsertContact({ waId: item.thread.waId, userId: item.thread.userId });
    const { staged } = item;
    this.state.addMessage(this.state.conversation(number, contact), {
      wamid: item.wamid,
      direction: isBusinessSent(item) ? 'outbound_app' : 'inbound',
      source: 'history',
      type: staged.type,
      content: staged.type === 'text' ? { body: staged.text ?? '' } : { caption: staged.caption },
      preview: staged.type === 'text' ? (staged.text ?? '') : `[${staged.type}]${staged.caption ? ` ${staged.caption}` : ''}`,
      at: staged.at,
      statuses: [],
    });
  }

  private followUp(number: SimNumber, item: HistoryItem): Record<string, unknown> {
    const { staged, thread } = item;
    const media = this.state.addMedia(staged.type);
    const content: Record<string, unknown> = { mime_type: media.mimeType, sha256: media.sha256, id: media.id };
    if (staged.caption) content.caption = staged.caption;
    const base = { id: item.wamid, timestamp: unixSeconds(staged.at), type: staged.type, [staged.type]: content };
    return isBusinessSent(item)
      ? { message_echoes: [{ from: number.displayPhoneNumber, to: thread.waId, ...base }] }
      : { messages: [{ from: thread.waId, ...base }] };
  }
}

function shuffleWithinPhase<T extends { phase: number }>(chunks: T[]): T[] {
  return [0, 1, 2].flatMap((phase) => chunks.filter((c) => c.phase === phase).sort(() => Math.random() - 0.5));
}
