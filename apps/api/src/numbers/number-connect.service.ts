import { BadGatewayException, BadRequestException, ConflictException, Injectable, Logger } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { BusinessNumber, metaTokenName, MetaTokenResolver, SecretStore, secretKeysFromEnv } from '@tandem/db';
import { type GraphApiError, isGraphApiError, NETWORK_ERROR_CODE, WhatsAppClient } from '@tandem/whatsapp';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import { alertNumberConnection } from '../alerts/number-alerts.util';
import type { Caller } from '../auth/caller.types';
import { NumberSyncService } from './number-sync.service';
import type { ConnectNumberInput } from './numbers.dto';

const PHONE_FIELDS = ['display_phone_number', 'verified_name', 'is_on_biz_app', 'platform_type'];

/** What Meta says about the number the signup connected, read with the new token. */
interface SignedUpNumber {
  displayPhoneNumber: string;
  verifiedName: string | null;
  mode: 'coexistence' | 'cloud';
}

/**
 * Connects a number from Embedded Signup, all or nothing: the code is exchanged for the WABA's
 * business token, the number read and the app subscribed with it, and only then — in one
 * transaction — the number row, the sealed token and the audit entry are written. A failure
 * before that leaves nothing behind. Re-connecting a number of the same workspace keeps its
 * row (history, contacts, runs) and starts a fresh onboarding. The token is never returned,
 * logged or put in an error message.
 */
@Injectable()
export class NumberConnectService {
  private readonly cfg = loadConfig(['meta']);
  private readonly store = new SecretStore(secretKeysFromEnv());
  private readonly logger = new Logger(NumberConnectService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly whatsapp: WhatsAppClient,
    private readonly tokens: MetaTokenResolver,
    private readonly audit: AuditService,
    private readonly sync: NumberSyncService,
  ) {}

  /** Returns the number's id; the sync request that follows is best effort (its error is stored). */
  async connect(caller: Caller, input: ConnectNumberInput): Promise<string> {
    await this.refuseTaken(this.ds.manager, caller, input);
    const token = await this.exchange(input.code);
    const meta = this.whatsapp.withToken(token);
    const number = await this.read(meta, input.phoneNumberId);
    await meta.subscribeApp(input.wabaId).catch((error: unknown) => {
      throw this.graphFailure(error, 'Meta refused to subscribe Tandem to the account’s webhooks');
    });
    const id = await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`waba:${input.wabaId}`]);
      await this.refuseTaken(m, caller, input);
      const saved = await this.save(m, caller, input, number);
      await this.store.put(m, caller.workspaceId, metaTokenName(input.wabaId), token, caller.userId);
      return saved;
    });
    this.tokens.forget();
    if (number.mode === 'coexistence') {
      await this.sync.request(caller, id).catch((error: unknown) => {
        this.logger.warn(`number ${id}: sync request after connect failed: ${error instanceof Error ? error.message : 'unknown'}`);
      });
    }
    return id;
  }

  /** A WABA belongs to one workspace; a phone number id to one row installation-wide. */
  private async refuseTaken(m: EntityManager, caller: Caller, input: ConnectNumberInput): Promise<void> {
    const rows: { workspace_id: string; phone_number_id: string }[] = await m.query(
      'SELECT workspace_id, phone_number_id FROM business_numbers WHERE (waba_id = $1 OR phone_number_id = $2) AND workspace_id <> $3',
      [input.wabaId, input.phoneNumberId, caller.workspaceId],
    );
    if (rows.length > 0) {
      throw new ConflictException(
        `This WhatsApp Business account (${input.wabaId}) is already connected to another Tandem workspace: disconnect it there first`,
      );
    }
  }

  private async exchange(code: string): Promise<string> {
    try {
      const { accessToken } = await this.whatsapp.exchangeCode({ appId: this.cfg.META_APP_ID, appSecret: this.cfg.META_APP_SECRET, code });
      return accessToken;
    } catch (error) {
      if (isGraphApiError(error) && error.code !== NETWORK_ERROR_CODE && (error.httpStatus ?? 400) < 500) {
        throw new BadRequestException(
          `Meta did not accept the signup code (${describe(error)}): it may have expired or been used already — run the signup again`,
        );
      }
      throw this.graphFailure(error, 'Meta could not be reached to exchange the signup code');
    }
  }

  private async read(meta: WhatsAppClient, phoneNumberId: string): Promise<SignedUpNumber> {
    const info = await meta.getPhoneNumber(phoneNumberId, PHONE_FIELDS).catch((error: unknown) => {
      throw this.graphFailure(error, `The signed-up phone number ${phoneNumberId} cannot be read with the account’s token`);
    });
    const display = typeof info.display_phone_number === 'string' ? info.display_phone_number.replace(/\D/g, '') : '';
    if (!display) throw new BadGatewayException(`Meta did not return the display number of ${phoneNumberId}`);
    return {
      displayPhoneNumber: display,
      verifiedName: typeof info.verified_name === 'string' ? info.verified_name : null,
      mode: info.is_on_biz_app === true ? 'coexistence' : 'cloud',
    };
  }

  private async save(m: EntityManager, caller: Caller, input: ConnectNumberInput, meta: SignedUpNumber): Promise<string> {
    const repo = m.getRepository(BusinessNumber);
    const existing = await repo.findOne({ where: { phoneNumberId: input.phoneNumberId }, lock: { mode: 'pessimistic_write' } });
    const now = new Date();
    const onboarding = {
      wabaId: input.wabaId,
      displayPhoneNumber: meta.displayPhoneNumber,
      verifiedName: meta.verifiedName,
      mode: meta.mode,
      onboardedAt: now,
      connectionState: 'connected' as const,
      connectionReason: null,
      connectionInitiatedBy: null,
      connectionChangedAt: now,
      // A new onboarding opens a new 24-hour window in which Meta takes each request once more.
      syncRequestedAt: null,
      contactSyncRequestedAt: null,
      syncRequestError: null,
    };
    const cap = input.throughputCap ?? (meta.mode === 'coexistence' ? this.cfg.COEXISTENCE_DEFAULT_MPS : this.cfg.CLOUD_DEFAULT_MPS);
    const saved = existing
      ? await repo.save(Object.assign(existing, onboarding, input.name === undefined ? {} : { name: input.name }))
      : await repo.save(
          repo.create({
            ...onboarding,
            workspaceId: caller.workspaceId,
            phoneNumberId: input.phoneNumberId,
            name: input.name ?? null,
            throughputCap: cap,
          }),
        );
    await this.audit.record(m, caller, {
      action: existing ? 'number.reconnected' : 'number.connected',
      targetType: 'number',
      targetId: saved.id,
      targetLabel: saved.displayPhoneNumber,
      after: { phoneNumberId: saved.phoneNumberId, wabaId: saved.wabaId, mode: saved.mode, throughputCap: saved.throughputCap },
    });
    // Connected again: a disconnect or offboarding alert of the number is resolved.
    if (existing) {
      await alertNumberConnection(m, {
        workspaceId: caller.workspaceId,
        number: saved,
        state: 'connected',
        event: 'a reconnection',
        reason: null,
        initiatedBy: null,
      });
    }
    return saved.id;
  }

  private graphFailure(error: unknown, what: string): Error {
    if (!isGraphApiError(error)) return error instanceof Error ? error : new Error(what);
    return new BadGatewayException(`${what} (${describe(error)})`);
  }
}

function describe(error: GraphApiError): string {
  const code = `${error.code}${error.subcode ? `/${error.subcode}` : ''}`;
  return error.details ? `${code}: ${error.details}` : code;
}
