import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { BusinessNumber, Workspace } from '@tandem/db';
import { ThroughputGovernor } from '@tandem/whatsapp';
import type Redis from 'ioredis';
import { DataSource, QueryFailedError } from 'typeorm';
import { REDIS } from '../redis/redis.module';
import { NumberHealthService } from './number-health.service';
import type { CreateNumberInput, NumberDto } from './numbers.dto';
import { toIso } from '../common/sql.util';

@Injectable()
export class NumbersService {
  private readonly cfg = loadConfig(['meta', 'redis']);
  /** Read-only view of the worker's governor (same Redis keys) for the current send rate. */
  private readonly governor: ThroughputGovernor;

  constructor(
    private readonly dataSource: DataSource,
    private readonly healthService: NumberHealthService,
    @Inject(REDIS) redis: Redis,
  ) {
    this.governor = new ThroughputGovernor({ redis, keyPrefix: `${this.cfg.QUEUE_PREFIX}:gov` });
  }

  async list(): Promise<NumberDto[]> {
    const numbers = await this.dataSource.getRepository(BusinessNumber).find({ order: { createdAt: 'ASC' } });
    const now = new Date();
    return Promise.all(numbers.map((n) => this.toDto(n, now)));
  }

  async get(id: string): Promise<NumberDto> {
    const number = await this.dataSource.getRepository(BusinessNumber).findOneBy({ id });
    if (!number) throw new NotFoundException(`No number ${id}`);
    return this.toDto(number, new Date());
  }

  /** Registers a number. Coexistence throughput is fixed by Meta: the cap may be lowered, never raised. */
  async create(input: CreateNumberInput): Promise<NumberDto> {
    const maxCap = input.mode === 'coexistence' ? this.cfg.COEXISTENCE_DEFAULT_MPS : 1000;
    const cap = input.throughputCap ?? (input.mode === 'coexistence' ? this.cfg.COEXISTENCE_DEFAULT_MPS : this.cfg.CLOUD_DEFAULT_MPS);
    if (cap > maxCap) throw new BadRequestException(`A coexistence number cannot send more than ${maxCap} messages/second`);
    const workspaceId = input.workspaceId ?? (await this.defaultWorkspaceId());
    const repo = this.dataSource.getRepository(BusinessNumber);
    try {
      const saved = await repo.save(
        repo.create({
          workspaceId,
          phoneNumberId: input.phoneNumberId,
          wabaId: input.wabaId,
          displayPhoneNumber: input.displayPhoneNumber.replace(/\D/g, ''),
          mode: input.mode,
          throughputCap: cap,
          onboardedAt: input.onboardedAt ? new Date(input.onboardedAt) : new Date(),
        }),
      );
      return this.get(saved.id);
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') {
        throw new ConflictException(`phone_number_id ${input.phoneNumberId} is already registered`);
      }
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23503') {
        throw new NotFoundException(`No workspace ${input.workspaceId}`);
      }
      throw err;
    }
  }

  private async defaultWorkspaceId(): Promise<string> {
    const repo = this.dataSource.getRepository(Workspace);
    const [oldest] = await repo.find({ order: { createdAt: 'ASC' }, take: 1 });
    return oldest?.id ?? (await repo.save(repo.create({ name: 'Default workspace' }))).id;
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
      historySync: n.historySync,
      contactSyncAt: toIso(n.contactSyncAt),
      createdAt: n.createdAt.toISOString(),
      health: this.healthService.health(n, now),
    };
  }
}
