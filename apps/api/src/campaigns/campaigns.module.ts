import { Module } from '@nestjs/common';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

/** Campaigns: segment counting, the campaign workflow, live progress. */
@Module({ controllers: [CampaignsController], providers: [CampaignsService, CampaignProgressService] })
export class CampaignsModule {}
