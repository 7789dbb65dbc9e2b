import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { BusinessNumber, metaTokenName } from '@tandem/db';
import { ThroughputGovernor } from '@tandem/whatsapp';
import type Redis from 'ioredis';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { REDIS } from '../redis/redis.module';
import { NumberHealthService } from './number-health.service';
import { lastAppActivity } from './number-health.util';
import type { CreateNumberInput, NumberDto, UpdateNumberInput } from './numbers.dto';
import { toIso } from '../common/sql.util';
import { syncRequestView } from './number-sync.util';

@Injectable()
export class NumbersService {
  private readonly cfg = loadConfig(['meta', 'redis']);
  /** Read-only view of the worker's governor (same Redis keys) for the current send rate. */
  private readonly governor: ThroughputGovernor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly healthService: NumberHealthService,
    private readonly audit: AuditService,
    @Inject(REDIS) redis: Redis,
  ) {
    this.governor = new ThroughputGovernor({ redis, keyPrefix: `${this.cfg.QUEUE_PREFIX}:gov` });
  }

  /** The numbers of the caller's workspace. */
  async list(caller: Caller): Promise<NumberDto[]> {
    const numbers = await this.dataSource
      .getRepository(BusinessNumber)
      .find({ where: { workspaceId: caller.workspaceId }, order: { createdAt: 'ASC' } });
    const now = new Date();
    return Promise.all(numbers.map((n) => this.toDto(n, now)));
  }

  /** A number of the caller's workspace; another workspace's answers 404 like a missing one. */
  async get(caller: Caller, id: string): Promise<NumberDto> {
    const number = await this.dataSource.getRepository(BusinessNumber).findOneBy({ id, workspaceId: caller.workspaceId });
    if (!number) throw new NotFoundException(`No number ${id}`);
    return this.toDto(number, new Date());
  }

  /**
   * Registers a number in the caller's workspace (nobody picks another), audited with it.
   */
  async create(caller: Caller, input: CreateNumberInput): Promise<NumberDto> {
    const cap = input.throughputCap ?? (input.mode === 'coexistence' ? this.cfg.COEXISTENCE_DEFAULT_MPS : this.cfg.CLOUD_DEFAULT_MPS);
    this.checkCap(input.mode, cap);
    let id: string;
    try {
      id = await this.dataSource.transaction(async (m) => {
        const repo = m.getRepository(BusinessNumber);
        const saved = await repo.save(
          repo.create({
            workspaceId: caller.workspaceId,
            phoneNumberId: input.phoneNumberId,
            wabaId: input.wabaId,
            displayPhoneNumber: input.displayPhoneNumber.replace(/\D/g, ''),
            mode: input.mode,
            throughputCap: cap,
            onboardedAt: input.onboardedAt ? new Date(input.onboardedAt) : new Date(),
          }),
        );
        await this.audit.record(m, caller, {
          action: 'number.added',
          targetType: 'number',
          targetId: saved.id,
          targetLabel: saved.displayPhoneNumber,
          after: { phoneNumberId: saved.phoneNumberId, wabaId: saved.wabaId, mode: saved.mode, throughputCap: saved.throughputCap },
        });
        return saved.id;
      });
    } catch (err) {
      // A phone_number_id belongs to one installation-wide number (webhooks are routed by it).
      // The answer is the same whichever workspace holds it — the caller's or another — so it
      // tells that the id is taken (unavoidable: it cannot be registered twice) but not by whom.
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw new ConflictException(`phone_number_id ${input.phoneNumberId} is already registered`);
      }
      throw err;
    }
    return this.get(caller, id);
  }

  /** Changes a number's settings (cap, name), audited as `number.changed` with old and new values. */
  async update(caller: Caller, id: string, input: UpdateNumberInput): Promise<NumberDto> {
    await this.dataSource.transaction(async (m) => {
      const number = await m
        .getRepository(BusinessNumber)
        .findOne({ where: { id, workspaceId: caller.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!number) throw new NotFoundException(`No number ${id}`);
      if (input.throughputCap !== undefined) this.checkCap(number.mode, input.throughputCap);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const change = { throughputCap: input.throughputCap, name: input.name } as const;
      for (const key of ['throughputCap', 'name'] as const) {
        if (change[key] === undefined || change[key] === number[key]) continue;
        before[key] = number[key];
        after[key] = change[key];
      }
      if (Object.keys(after).length === 0) return;
      await m.getRepository(BusinessNumber).update({ id }, after);
      await this.audit.record(m, caller, {
        action: 'number.changed',
        targetType: 'number',
        targetId: id,
        targetLabel: number.displayPhoneNumber,
        before,
        after,
      });
    });
    return this.get(caller, id);
  }

  /** Coexistence throughput is fixed by Meta: the cap may be lowered, never raised. */
  private checkCap(mode: string, cap: number): void {
    const maxCap = mode === 'coexistence' ? this.cfg.COEXISTENCE_DEFAULT_MPS : 1000;
    if (cap > maxCap) throw new BadRequestException(`A coexistence number cannot send more than ${maxCap} messages/second`);
  }

  /** Metadata of the WABA's stored business token: whether there is one and when it was set. */
  private async tokenState(n: BusinessNumber): Promise<NumberDto['metaToken']> {
    const [row]: { updated_at: Date }[] = await this.dataSource.query(
      'SELECT updated_at FROM secrets WHERE workspace_id = $1 AND name = $2',
      [n.workspaceId, metaTokenName(n.wabaId)],
    );
    return { stored: !!row, updatedAt: row ? row.updated_at.toISOString() : null };
  }

  private async toDto(n: BusinessNumber, now: Date): Promise<NumberDto> {
    return {
      id: n.id,
      workspaceId: n.workspaceId,
      phoneNumberId: n.phoneNumberId,
      wabaId: n.wabaId,
      displayPhoneNumber: n.displayPhoneNumber,
      mode: n.mode,
      throughputCap: n.throughputCap,
      currentRatePerSec: await this.governor.currentRate(n.phoneNumberId),
      onboardedAt: toIso(n.onboardedAt),
      connection: {
        state: n.connectionState,
        reason: n.connectionReason,
        initiatedBy: n.connectionInitiatedBy,
        changedAt: toIso(n.connectionChangedAt),
      },
      lastWebhookAt: toIso(n.lastWebhookAt),
      lastInboundAt: toIso(n.lastInboundAt),
      lastEchoAt: toIso(n.lastEchoAt),
      lastAppActivityAt: toIso(lastAppActivity(n)),
      historySync: n.historySync,
      contactSyncAt: toIso(n.contactSyncAt),
      name: n.name,
      verifiedName: n.verifiedName,
      syncRequest: syncRequestView(n, now),
      metaToken: await this.tokenState(n),
      createdAt: n.createdAt.toISOString(),
      health: this.healthService.health(n, now),
    };
  }
}
