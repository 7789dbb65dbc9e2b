import { ApplicationFailure } from '@temporalio/activity';
import type { SendOutcome, SendRefusalReason } from '@tandem/node-sdk';
import { applyContactEffect } from '@tandem/db';
import { contactEffectOfError, reactionFor, type GraphApiError, type GraphErrorClassification } from '@tandem/whatsapp';
import type { DataSource } from 'typeorm';
import { blockSends } from './send-block.util';
import type { OutboxNote, OutboxRepository, OutboxRow, SendOrigin } from './outbox.repository';

/** The outcome an ended outbox row stands for (what a retried attempt returns). */
export function outcomeOfRow(row: OutboxRow): SendOutcome {
  const note: OutboxNote = row.error ?? {};
  switch (row.state) {
    case 'accepted':
      return { status: 'accepted', wamid: row.wamid ?? '', ...(row.payload.usedFallback ? { usedFallback: true } : {}) };
    case 'refused':
      return { status: 'refused', reason: (note.reason ?? 'window_closed') as SendRefusalReason, detail: note.detail ?? '' };
    case 'failed':
      return {
        status: 'failed',
        code: row.error_code ?? note.code ?? 0,
        classification: (note.classification ?? 'permanent') as GraphErrorClassification,
        detail: note.detail ?? '',
      };
    case 'pending':
      throw new Error(`outbox row ${row.id} is still pending`);
  }
}

interface ReactionContext {
  request: SendOrigin;
  row: OutboxRow;
  outbox: OutboxRepository;
  ds: DataSource;
  /** Earlier tries of this send (0 = first). */
  attempt: number;
  /** The send path's clock (ms). */
  now: () => number;
}

/**
 * Applies `reactionFor` to a Graph error: retry (throw a retryable activity failure with
 * Meta's back-off; the row stays pending, marked not sent when Meta answered), window
 * closed (refused), or failed — with side effects on the contact (131049 hold, 131050 marketing stop) or the
 * number (auth/policy: its health says sends are blocked).
 */
export async function reactToGraphError(error: GraphApiError, ctx: ReactionContext): Promise<SendOutcome> {
  const reaction = reactionFor(error, { attempt: ctx.attempt, httpStatus: error.httpStatus });
  const { key } = ctx.request;
  const detail = error.details ?? reaction.meaning;
  switch (reaction.action) {
    case 'retry':
      // No HTTP status = no answer: the message may have gone out, so the next attempt reconciles.
      if (error.httpStatus !== undefined) await ctx.outbox.settle(key, 'pending', { notSent: true, code: reaction.code, detail });
      throw ApplicationFailure.create({
        message: `Graph ${reaction.code}: ${reaction.meaning} (retry, ${reaction.scope})`,
        type: 'GraphRetryLater',
        nextRetryDelay: reaction.delayMs > 0 ? reaction.delayMs : undefined,
      });
    case 'window_closed':
      await applyEffectOf(reaction.code, ctx);
      await ctx.outbox.settle(key, 'refused', { reason: 'window_closed', detail, code: reaction.code });
      return { status: 'refused', reason: 'window_closed', detail };
    case 'suppress_marketing':
      await applyEffectOf(reaction.code, ctx);
      return failed(ctx, reaction.code, error.classification, detail);
    case 'stop_number':
      await blockSends(ctx.ds, ctx.request.numberId, reaction.code, reaction.meaning);
      return failed(ctx, reaction.code, error.classification, detail);
    case 'fail':
      return failed(ctx, reaction.code, error.classification, detail);
  }
}

/** The contact effect of the code (131049 hold, 131050 marketing stop, 131047 window closed at Meta). */
async function applyEffectOf(code: number, ctx: ReactionContext): Promise<void> {
  const effect = contactEffectOfError(code);
  if (!effect) return;
  const { workspaceId, contactId } = ctx.request;
  await ctx.ds.transaction((m) => applyContactEffect(m, { workspaceId, contactId, effect, at: new Date(ctx.now()) }));
}

async function failed(ctx: ReactionContext, code: number, classification: GraphErrorClassification, detail: string): Promise<SendOutcome> {
  await ctx.outbox.settle(ctx.request.key, 'failed', { code, classification, detail });
  return { status: 'failed', code, classification, detail };
}
