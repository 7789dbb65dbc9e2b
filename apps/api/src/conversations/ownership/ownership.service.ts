import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { changeOwnership, type Ownership, type OwnershipActor, type OwnershipResult } from '@tandem/db';
import { botReturnDue, botReturnReasonText, type BotReturnSettings } from '@tandem/whatsapp';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../auth/audit.service';
import type { Caller } from '../../auth/caller.types';
import { TemporalService } from '../../temporal/temporal.service';
import { activeRuns, effectsOf, pausedRuns, signalRuns, type RunToSignal } from './conversation-runs.util';
import { holdOf, lockConversation, type ConversationRow } from './conversation-row.util';
import { ownershipState } from './ownership-state.util';
import type { OwnershipStateDto } from '@tandem/api-contract';

/** A change made, and the runs to tell once it is committed. */
interface Applied {
  result: OwnershipResult;
  runs: RunToSignal[];
  reason: string;
}

/**
 * Takes, gives back and closes conversations — for members (REST) and for the return-to-bot
 * sweeper. Each change, its timeline event and its audit entry commit together; the affected
 * runs are signalled after the commit (a paused run resumes where it paused or ends, by its
 * journey's `onGiveBack`; a running one hears that a human took over).
 */
@Injectable()
export class OwnershipService {
  private readonly logger = new Logger(OwnershipService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly temporal: TemporalService,
  ) {}

  /** An agent in Tandem takes the conversation from the bot (or from a teammate). */
  take(caller: Caller, contactId: string): Promise<OwnershipStateDto> {
    return this.act(caller, contactId, 'human', async (m) => {
      const runs = await activeRuns(m, contactId);
      const reason = `taken in Tandem by ${caller.label}`;
      const result = await changeOwnership(m, {
        contactId,
        to: 'human',
        ownerKind: 'agent',
        ownerUserId: caller.userId,
        actor: memberOf(caller),
        reason,
        runs: effectsOf(runs),
      });
      return { result, runs, reason };
    });
  }

  /** Back to the bot: paused runs resume or end by their journey's setting. */
  giveBack(caller: Caller, contactId: string, note?: string): Promise<OwnershipStateDto> {
    return this.act(caller, contactId, 'bot', (m) =>
      this.release(m, contactId, 'bot', memberOf(caller), note ?? `given back to the bot by ${caller.label}`),
    );
  }

  /** Closed: the bot may start journeys again on the next customer message; paused runs end. */
  close(caller: Caller, contactId: string, note?: string): Promise<OwnershipStateDto> {
    return this.act(caller, contactId, 'closed', (m) =>
      this.release(m, contactId, 'closed', memberOf(caller), note ?? `closed by ${caller.label}`),
    );
  }

  /**
   * The sweeper's give-back of one candidate: re-judged under the row lock with fresh values,
   * so a human message that arrived since the scan keeps the conversation. Answers whether it moved.
   */
  async returnIfDue(contactId: string, now: number): Promise<boolean> {
    const applied = await this.ds.transaction(async (m) => {
      const row = await lockConversation(m, { contactId });
      if (!row || row.ownership !== 'human') return undefined;
      const settings = settingsOf(row);
      const due = botReturnDue(holdOf(row), settings, now);
      if (!due) return undefined;
      return this.release(m, contactId, 'bot', { kind: 'system' }, botReturnReasonText(due, settings));
    });
    if (!applied?.result.changed) return false;
    await this.signal(applied, 'the return-to-bot rule');
    return true;
  }

  async state(caller: Caller, contactId: string): Promise<OwnershipStateDto> {
    const row = await lockConversation(this.ds.manager, { contactId, workspaceId: caller.workspaceId }, false);
    if (!row) throw new NotFoundException(`No contact ${contactId}`);
    return ownershipState(row);
  }

  private async release(m: EntityManager, contactId: string, to: Ownership, actor: OwnershipActor, reason: string): Promise<Applied> {
    const runs = await pausedRuns(m, contactId, to === 'closed');
    const result = await changeOwnership(m, { contactId, to, actor, reason, runs: effectsOf(runs) });
    return { result, runs: result.changed ? runs : [], reason };
  }

  private async act(
    caller: Caller,
    contactId: string,
    to: Ownership,
    change: (m: EntityManager) => Promise<Applied>,
  ): Promise<OwnershipStateDto> {
    const applied = await this.ds.transaction(async (m) => {
      const before = await lockConversation(m, { contactId, workspaceId: caller.workspaceId });
      if (!before) throw new NotFoundException(`No contact ${contactId}`);
      const done = await change(m);
      if (done.result.changed) {
        await this.audit.record(m, caller, {
          action: `conversation.${to === 'human' ? 'taken' : to === 'bot' ? 'given_back' : 'closed'}`,
          targetType: 'contact',
          targetId: contactId,
          targetLabel: before.label,
          before: { ownership: before.ownership, ownerKind: before.owner_kind, ownerUserId: before.owner_user_id },
          after: { ownership: to, runs: effectsOf(done.runs) },
        });
      }
      return done;
    });
    await this.signal(applied, caller.label);
    return this.state(caller, contactId);
  }

  /** After the commit; a failure is logged — the run keeps its state and the sweeper's repair pass retries. */
  private async signal(applied: Applied, who: string): Promise<void> {
    if (applied.runs.length === 0 || !applied.result.eventId) return;
    try {
      const client = await this.temporal.client();
      await signalRuns(client, applied.runs, { who, why: applied.reason, eventId: applied.result.eventId });
    } catch (error) {
      this.logger.warn(`could not signal runs ${applied.runs.map((r) => r.runId).join(', ')}: ${String(error)}`);
    }
  }
}

function memberOf(caller: Caller): OwnershipActor {
  return { kind: 'member', id: caller.userId ?? caller.tokenId };
}

function settingsOf(row: ConversationRow): BotReturnSettings {
  return { afterHours: row.bot_returns_after_hours, onWindowClose: row.bot_returns_on_window_close };
}
