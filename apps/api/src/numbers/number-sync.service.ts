import { BadGatewayException, BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { BusinessNumber } from '@tandem/db';
import { isGraphApiError, WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { syncDeadline, syncFullyRequested } from './number-sync.util';

type SyncType = 'smb_app_state_sync' | 'history';

/**
 * Asks Meta for a coexistence number's contacts and history sync (`smb_app_data`): contacts
 * first, then history, each once, within 24 h of onboarding — a missed window is history lost
 * for good, so the connect flow calls this right away. Each success is stored, with its audit
 * entry, as its instant (`contact_sync_requested_at`, `sync_requested_at`); a refusal as the
 * reason shown until a later request succeeds. An advisory lock per number (not a row lock:
 * the sync's own webhooks update the row meanwhile) keeps two admins from both spending
 * Meta's one request.
 */
@Injectable()
export class NumberSyncService {
  constructor(
    private readonly ds: DataSource,
    private readonly whatsapp: WhatsAppClient,
    private readonly audit: AuditService,
  ) {}

  async request(caller: Caller, id: string, now = new Date()): Promise<void> {
    const lock = this.ds.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`number-sync:${id}`]);
      const number = await this.ds.getRepository(BusinessNumber).findOneBy({ id, workspaceId: caller.workspaceId });
      if (!number) throw new NotFoundException(`No number ${id}`);
      this.checkRequestable(number, now);
      const failure = await this.requestMissing(caller, number, now);
      if (failure) throw new BadGatewayException(failure);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`number-sync:${id}`]).catch(() => undefined);
      await lock.release();
    }
  }
  private checkRequestable(number: BusinessNumber, now: Date): void {
    const deadline = syncDeadline(number);
    if (!deadline) {
      throw new BadRequestException('Only WhatsApp Business app (coexistence) numbers have a contacts and history sync');
    }
    if (syncFullyRequested(number)) {
      throw new ConflictException(
        `The contacts and history sync were already requested (${number.syncRequestedAt?.toISOString()}); Meta allows each once per onboarding`,
      );
    }
    if (number.connectionState !== 'connected') {
      throw new ConflictException(`The number is ${number.connectionState}: connect it again before requesting a sync`);
    }
    if (now.getTime() > deadline.getTime()) {
      throw new ConflictException(
        `The sync window closed at ${deadline.toISOString()} (24 hours after onboarding); Meta no longer sends this number's contacts or history. Offboard and connect the number again to open a new window`,
      );
    }
  }

  /** Requests what is still missing; returns the reason of a refusal (nothing after it is asked). */
  private async requestMissing(caller: Caller, number: BusinessNumber, now: Date): Promise<string | undefined> {
    const steps: [SyncType, 'contactSyncRequestedAt' | 'syncRequestedAt'][] = [
      ['smb_app_state_sync', 'contactSyncRequestedAt'],
      ['history', 'syncRequestedAt'],
    ];
    for (const [type, column] of steps) {
      if (number[column]) continue;
      try {
        await this.whatsapp.requestSync(number.phoneNumberId, type);
      } catch (error) {
        if (!isGraphApiError(error)) throw error;
        const what = type === 'history' ? 'history' : 'contacts';
        const reason = `Meta refused the ${what} sync request (${error.code}${error.subcode ? `/${error.subcode}` : ''}): ${error.details ?? error.message}`;
        await this.save(caller, number, { syncRequestError: reason }, { [type]: 'refused', error: reason });
        return reason;
      }
      await this.save(caller, number, { [column]: now, syncRequestError: null }, { [type]: 'requested', at: now.toISOString() });
      number[column] = now;
    }
    return undefined;
  }

  private save(caller: Caller, number: BusinessNumber, change: Partial<BusinessNumber>, after: Record<string, unknown>): Promise<void> {
    return this.ds.transaction(async (m) => {
      await m.getRepository(BusinessNumber).update({ id: number.id }, change);
      await this.audit.record(m, caller, {
        action: 'number.sync_requested',
        targetType: 'number',
        targetId: number.id,
        targetLabel: number.displayPhoneNumber,
        after,
      });
    });
  }
}
