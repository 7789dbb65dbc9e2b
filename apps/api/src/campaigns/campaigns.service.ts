import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { CampaignDto, CreateCampaignRequest } from '@tandem/api-contract';
import { BusinessNumber, Campaign, Journey, JourneyVersion } from '@tandem/db';
import { segmentPatterns } from '@tandem/journey-model';
import { refusalMessage, unsafePatterns } from '@tandem/journey-model/regex-safety';
import { campaignStart, CAMPAIGN_WORKFLOW_TYPE } from '@tandem/workflows';
import { DataSource, In } from 'typeorm';
import { WorkflowNotFoundError } from '@temporalio/client';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { parseStored } from '../journeys/journey-document.util';
import { TemporalService } from '../temporal/temporal.service';
import { CampaignProgressService } from './campaign-progress.service';
import { countSegment } from './segment-count.util';

/**
 * Campaigns: a journey's live version started for every contact of a segment. Everything is
 * read within the caller's workspace: another workspace's campaign, journey or number answers
 * exactly as an unknown one does.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: TemporalService,
    private readonly progress: CampaignProgressService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Counts the segment, records the campaign (audited as `campaign.started` in the same
   * transaction) and starts `campaignWorkflow` (id `campaign:<id>`), which starts one run per
   * contact. Only active journeys run campaigns. If Temporal refuses the start, the campaign
   * is marked failed and its audit entry stays: the start was asked for, and the row says how it ended.
   */
  async create(caller: Caller, input: CreateCampaignRequest): Promise<CampaignDto> {
    await assertSafeSegment(input.segment);
    const journey = await this.dataSource.getRepository(Journey).findOneBy({ id: input.journeyId, workspaceId: caller.workspaceId });
    if (!journey) throw new NotFoundException(`No journey ${input.journeyId}`);
    if (journey.status !== 'active' || journey.liveVersion === null) {
      throw new ConflictException(`The journey is ${journey.status}: only active journeys run campaigns`);
    }
    const live = await this.dataSource.getRepository(JourneyVersion).findOneBy({ journeyId: journey.id, version: journey.liveVersion });
    if (!live) throw new NotFoundException(`Journey ${journey.id} has no version ${journey.liveVersion}`);
    const numberId = parseStored(live.document)?.settings.numberId;
    if (!numberId) throw new UnprocessableEntityException('The live version has no WhatsApp number');
    // Any other number — unknown, the workspace's own or another workspace's — gets the same answer.
    if (input.numberId && input.numberId !== numberId)
      throw new BadRequestException('The journey runs on another number: a campaign uses the journey’s number');
    const number = await this.dataSource.getRepository(BusinessNumber).findOneBy({ id: numberId, workspaceId: caller.workspaceId });
    if (!number) throw new UnprocessableEntityException(`The journey's number ${numberId} is not registered`);
    const total = await countSegment(this.dataSource.manager, numberId, input.segment);
    const campaign = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Campaign);
      const saved = await repo.save(
        repo.create({
          workspaceId: caller.workspaceId,
          journeyId: journey.id,
          version: journey.liveVersion as number,
          segment: input.segment,
          name: input.name ?? null,
          status: 'draft',
          total,
        }),
      );
      await this.audit.record(m, caller, {
        action: 'campaign.started',
        targetType: 'campaign',
        targetId: saved.id,
        targetLabel: saved.name ?? journey.name,
        after: { journeyId: journey.id, journeyName: journey.name, version: saved.version, numberId, segment: input.segment, total },
      });
      return saved;
    });
    try {
      const client = await this.temporal.client();
      await client.workflow.start(
        CAMPAIGN_WORKFLOW_TYPE,
        campaignStart({ campaignId: campaign.id, taskQueue: this.temporal.taskQueue }).options,
      );
    } catch (error) {
      await this.dataSource.getRepository(Campaign).update({ id: campaign.id }, { status: 'failed', finishedAt: new Date() });
      throw new ServiceUnavailableException(
        `The campaign could not be started (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    return this.get(caller, campaign.id);
  }

  /**
   * Asks the campaign's workflow to stop (audited as `campaign.cancelled`): it starts no more
   * runs and ends as `cancelled` (runs already started go on to their end). A campaign whose
   * workflow never started is marked cancelled here.
   */
  async cancel(caller: Caller, id: string): Promise<CampaignDto> {
    const campaign = await this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(Campaign)
        .findOne({ where: { id, workspaceId: caller.workspaceId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundException(`No campaign ${id}`);
      if (row.status !== 'draft' && row.status !== 'running') throw new ConflictException(`The campaign has already ended (${row.status})`);
      await this.audit.record(m, caller, {
        action: 'campaign.cancelled',
        targetType: 'campaign',
        targetId: row.id,
        targetLabel: row.name,
        before: { status: row.status, started: row.started, total: row.total },
      });
      return row;
    });
    const client = await this.temporal.client();
    try {
      await client.workflow.getHandle(campaignStart({ campaignId: id, taskQueue: this.temporal.taskQueue }).workflowId).cancel();
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      await this.dataSource
        .getRepository(Campaign)
        .update({ id: campaign.id, status: In(['draft', 'running']) }, { status: 'cancelled', finishedAt: new Date() });
    }
    return this.get(caller, id);
  }

  async get(caller: Caller, id: string): Promise<CampaignDto> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id, workspaceId: caller.workspaceId });
    if (!campaign) throw new NotFoundException(`No campaign ${id}`);
    return (await this.withProgress([campaign]))[0];
  }

  async list(caller: Caller, journeyId?: string): Promise<CampaignDto[]> {
    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: { workspaceId: caller.workspaceId, ...(journeyId ? { journeyId } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return this.withProgress(campaigns);
  }

  private async withProgress(campaigns: Campaign[]): Promise<CampaignDto[]> {
    const journeyIds = [...new Set(campaigns.map((c) => c.journeyId))];
    const journeys = journeyIds.length ? await this.dataSource.getRepository(Journey).findBy({ id: In(journeyIds) }) : [];
    const names = new Map(journeys.map((j) => [j.id, j.name]));
    return Promise.all(campaigns.map(async (c) => this.progress.describe(c, names.get(c.journeyId) ?? '')));
  }
}

/** Refuses (400, with `regex-unsafe` issues) a segment whose patterns can backtrack catastrophically. */
async function assertSafeSegment(segment: CreateCampaignRequest['segment']): Promise<void> {
  const unsafe = await unsafePatterns(segmentPatterns(segment, ['segment']));
  if (unsafe.length === 0) return;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: unsafe.map(refusalMessage).join(' '),
    issues: unsafe.map((p) => ({ severity: 'error', code: 'regex-unsafe', message: refusalMessage(p), path: p.path })),
  });
}
