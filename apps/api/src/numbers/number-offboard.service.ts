import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { BusinessNumber, metaTokenName, MetaTokenResolver, SecretStore, secretKeysFromEnv } from '@tandem/db';
import { WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { alertNumberConnection } from '../alerts/number-alerts.util';

/** Why a number Tandem offboarded is disconnected (connection_reason). */
export const OFFBOARDED_REASON = 'OFFBOARDED_IN_TANDEM';

/**
 * Offboards a number from Tandem's side: the app stops listening to the WABA (when no other
 * number of it stays connected), the business token is deleted, the number is marked
 * disconnected. Its row — conversations, contacts, history, runs — stays, so connecting it
 * again through the signup picks up where it was. Never Meta's Deregister API: for a
 * coexistence number that would cut the business app off.
 */
@Injectable()
export class NumberOffboardService {
  private readonly store = new SecretStore(secretKeysFromEnv());
  private readonly logger = new Logger(NumberOffboardService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly whatsapp: WhatsAppClient,
    private readonly tokens: MetaTokenResolver,
    private readonly audit: AuditService,
  ) {}

  async offboard(caller: Caller, id: string): Promise<void> {
    const number = await this.ds.getRepository(BusinessNumber).findOneBy({ id, workspaceId: caller.workspaceId });
    if (!number) throw new NotFoundException(`No number ${id}`);
    if (number.connectionState !== 'connected' && number.connectionReason === OFFBOARDED_REASON) {
      throw new ConflictException('The number is already offboarded');
    }
    const siblings: unknown[] = await this.ds.query(
      `SELECT 1 FROM business_numbers WHERE waba_id = $1 AND id <> $2 AND connection_state = 'connected'`,
      [number.wabaId, id],
    );
    // The business may already have removed Tandem at Meta: offboarding still completes here.
    if (siblings.length === 0) {
      await this.whatsapp.unsubscribeApp(number.wabaId).catch((error: unknown) => {
        this.logger.warn(`number ${id}: unsubscribe failed: ${error instanceof Error ? error.message : 'unknown'}`);
      });
    }
    await this.ds.transaction(async (m) => {
      const now = new Date();
      await m
        .getRepository(BusinessNumber)
        .update(
          { id },
          { connectionState: 'disconnected', connectionReason: OFFBOARDED_REASON, connectionInitiatedBy: 'USER', connectionChangedAt: now },
        );
      if (siblings.length === 0) await this.store.remove(m, caller.workspaceId, metaTokenName(number.wabaId));
      await this.audit.record(m, caller, {
        action: 'number.offboarded',
        targetType: 'number',
        targetId: id,
        targetLabel: number.displayPhoneNumber,
        before: { connectionState: number.connectionState },
        after: { connectionState: 'disconnected', reason: OFFBOARDED_REASON },
      });
      await alertNumberConnection(m, {
        workspaceId: caller.workspaceId,
        number,
        state: 'offboarded',
        event: 'an offboarding',
        reason: OFFBOARDED_REASON,
        initiatedBy: null,
        reportedBy: caller.label,
      });
    });
    this.tokens.forget();
  }
}
