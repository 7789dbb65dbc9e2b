import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { CampaignDto, CreateCampaignRequest } from '@tandem/api-contract';
import { BusinessNumber, Campaign, Journey } from '@tandem/db';
import { campaignStart, CAMPAIGN_WORKFLOW_TYPE } from '@tandem/workflows';
import { DataSource } from 'typeorm';
import { parseStored } from '../journeys/journey-document.util';
import { JourneysService } from '../journeys/journeys.service';
import { JourneyVersionsService } from '../journeys/journey-versions.service';
import { TemporalService } from '../temporal/temporal.service';
import { CampaignProgressService } from './campaign-progress.service';
import { countSegment } from './segment-count.util';

/** Campaigns: a journey's live version started for every contact of a segment. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly versions: JourneyVersionsService,
    private readonly temporal: TemporalService,
    private readonly progress: CampaignProgressService,
  ) {}

  /**
   * Counts the segment, records the campaign and starts `campaignWorkflow` (id
   * `campaign:<id>`), which starts one run per contact. Only active journeys run campaigns.
   */
  async create(input: CreateCampaignRequest): Promise<CampaignDto> {
    const journey = await this.journeys.require(input.journeyId);
    if (journey.status !== 'active' || journey.liveVersion === null) {
      throw new ConflictException(`The journey is ${journey.status}: only active journeys run campaigns`);
    }
    const doc = parseStored((await this.versions.requireVersion(journey.id, journey.liveVersion)).document);
    const numberId = doc?.settings.numberId;
    if (!numberId) throw new UnprocessableEntityException('The live version has no WhatsApp number');
    if (input.numberId && input.numberId !== numberId)
      throw new BadRequestException('The journey runs on another number: a campaign uses the journey’s number');
    const number = await this.dataSource.getRepository(BusinessNumber).findOneBy({ id: numberId });
    if (!number) throw new UnprocessableEntityException(`The journey's number ${numberId} is not registered`);
    const total = await countSegment(this.dataSource.manager, numberId, input.segment);
    const repo = this.dataSource.getRepository(Campaign);
    const campaign = await repo.save(
      repo.create({
        workspaceId: journey.workspaceId,
        journeyId: journey.id,
        version: journey.liveVersion,
        segment: input.segment,
        name: input.name ?? null,
        status: 'draft',
        total,
      }),
    );
    try {
      const client = await this.temporal.client();
      await client.workflow.start(
        CAMPAIGN_WORKFLOW_TYPE,
        campaignStart({ campaignId: campaign.id, taskQueue: this.temporal.taskQueue }).options,
      );
    } catch (error) {
      await repo.update({ id: campaign.id }, { status: 'failed', finishedAt: new Date() });
      throw new ServiceUnavailableException(
        `The campaign could not be started (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    return this.get(campaign.id);
  }

  async get(id: string): Promise<CampaignDto> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw new NotFoundException(`No campaign ${id}`);
    return (await this.withProgress([campaign]))[0];
  }

  async list(journeyId?: string): Promise<CampaignDto[]> {
    const campaigns = await this.dataSource
      .getRepository(Campaign)
      .find({ where: journeyId ? { journeyId } : {}, order: { createdAt: 'DESC' }, take: 200 });
    return this.withProgress(campaigns);
  }

  private async withProgress(campaigns: Campaign[]): Promise<CampaignDto[]> {
    const journeyIds = [...new Set(campaigns.map((c) => c.journeyId))];
    const journeys = journeyIds.length
      ? await this.dataSource.getRepository(Journey).find({ where: journeyIds.map((id) => ({ id })) })
      : [];
    const names = new Map(journeys.map((j) => [j.id, j.name]));
    return Promise.all(campaigns.map(async (c) => this.progress.describe(c, names.get(c.journeyId) ?? '')));
  }
}
