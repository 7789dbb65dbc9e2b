import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  campaignListSchema,
  campaignSchema,
  createCampaignRequestSchema,
  listCampaignsQuerySchema,
  type CampaignDto,
  type CreateCampaignRequest,
} from '@tandem/api-contract';
import type { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { ZodPipe } from '../common/zod.pipe';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { CampaignsService } from './campaigns.service';

@ApiTags('campaigns')
@Controller('api/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @RequirePermission('campaigns.write')
  @HttpCode(201)
  @ApiOperation({ summary: "Runs an active journey's live version for every contact of a segment (tags, attribute conditions)" })
  @ApiZodBody(createCampaignRequestSchema)
  @ApiZodResponse(201, campaignSchema, 'The campaign, with its segment size as total')
  @ApiZodResponse(
    400,
    apiErrorSchema,
    'The segment is invalid, or one of its regular expressions can backtrack catastrophically (`issues`, code `regex-unsafe`)',
  )
  @ApiZodResponse(404, apiErrorSchema, 'No such journey')
  @ApiZodResponse(409, apiErrorSchema, 'The journey is not active')
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(createCampaignRequestSchema)) body: CreateCampaignRequest,
  ): Promise<CampaignDto> {
    return this.campaigns.create(caller, body);
  }

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Campaigns, newest first (at most 200), with progress' })
  @ApiZodQuery(listCampaignsQuerySchema)
  @ApiZodResponse(200, campaignListSchema, 'The campaigns')
  async list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listCampaignsQuerySchema)) query: z.infer<typeof listCampaignsQuerySchema>,
  ): Promise<{ items: CampaignDto[] }> {
    return { items: await this.campaigns.list(caller, query.journeyId) };
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'A campaign with live progress: started, sent, completed, failed, send rate against the cap, ETA' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, campaignSchema, 'The campaign')
  @ApiZodResponse(404, apiErrorSchema, 'No such campaign')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<CampaignDto> {
    return this.campaigns.get(caller, id);
  }

  @Post(':id/cancel')
  @RequirePermission('campaigns.write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stops a campaign: no more runs start, it ends as cancelled (runs already started go on)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, campaignSchema, 'The campaign (cancelled once its workflow has stopped)')
  @ApiZodResponse(404, apiErrorSchema, 'No such campaign')
  @ApiZodResponse(409, apiErrorSchema, 'The campaign has already ended')
  cancel(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<CampaignDto> {
    return this.campaigns.cancel(caller, id);
  }
}
