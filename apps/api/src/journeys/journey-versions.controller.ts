import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  journeyDiffSchema,
  journeySummarySchema,
  journeyVersionDetailSchema,
  journeyVersionListSchema,
  publishRequestSchema,
  publishResponseSchema,
  rollbackRequestSchema,
  versionNumberSchema,
  versionStatsSchema,
  type JourneyDiffDto,
  type JourneySummaryDto,
  type JourneyVersionDetailDto,
  type JourneyVersionDto,
  type PublishResponseDto,
  type VersionStatsDto,
} from '@tandem/api-contract';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { JourneyStatsService } from './journey-stats.service';
import { JourneyVersionsService } from './journey-versions.service';
import { JourneysService } from './journeys.service';

const versionParam = z.coerce.number().pipe(versionNumberSchema);

@ApiTags('journeys')
@Controller('api/journeys/:id')
export class JourneyVersionsController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly versions: JourneyVersionsService,
    private readonly stats: JourneyStatsService,
  ) {}

  @Post('publish')
  @RequirePermission('journeys.publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publishes the draft as a new immutable version and makes it live; refused (422) while errors remain' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(publishRequestSchema)
  @ApiZodResponse(200, publishResponseSchema, 'The live version and the remaining warnings')
  @ApiZodResponse(422, apiErrorSchema, 'The draft has errors (`issues`)')
  @ApiZodResponse(409, apiErrorSchema, 'The journey is archived')
  publish(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(publishRequestSchema)) body: z.infer<typeof publishRequestSchema>,
  ): Promise<PublishResponseDto> {
    return this.versions.publish(caller, id, body.notes);
  }

  @Get('versions')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Published versions, newest first' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeyVersionListSchema, 'The versions')
  async list(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<{ items: JourneyVersionDto[] }> {
    return { items: await this.versions.versions(caller.workspaceId, id) };
  }

  @Get('versions/:version')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'One published version with its frozen document' })
  @ApiZodParam('id', uuidParam)
  @ApiZodParam('version', versionParam)
  @ApiZodResponse(200, journeyVersionDetailSchema, 'The version')
  @ApiZodResponse(404, apiErrorSchema, 'No such version')
  version(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Param('version', new ZodPipe(versionParam)) version: number,
  ): Promise<JourneyVersionDetailDto> {
    return this.versions.version(caller.workspaceId, id, version);
  }

  @Get('versions/:version/stats')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Runs by status and per-node counts (entered, ports, failed, WhatsApp funnel) of one version' })
  @ApiZodParam('id', uuidParam)
  @ApiZodParam('version', versionParam)
  @ApiZodResponse(200, versionStatsSchema, 'The stats')
  versionStats(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Param('version', new ZodPipe(versionParam)) version: number,
  ): Promise<VersionStatsDto> {
    return this.stats.stats(caller.workspaceId, id, version);
  }

  @Get('diff')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'The draft against the live version' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeyDiffSchema, 'Added, removed and changed ids')
  diff(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<JourneyDiffDto> {
    return this.versions.diff(caller.workspaceId, id);
  }

  @Post('rollback')
  @RequirePermission('journeys.publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publishes the document of an earlier version as a new version (the draft becomes that document)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(rollbackRequestSchema)
  @ApiZodResponse(200, publishResponseSchema, 'The new live version')
  @ApiZodResponse(422, apiErrorSchema, 'That version no longer validates (e.g. a template was disabled)')
  rollback(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(rollbackRequestSchema)) body: z.infer<typeof rollbackRequestSchema>,
  ): Promise<PublishResponseDto> {
    return this.versions.rollback(caller, id, body.version);
  }

  @Post('pause')
  @RequirePermission('journeys.publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stops new runs of an active journey (open runs continue)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeySummarySchema, 'The paused journey')
  @ApiZodResponse(409, apiErrorSchema, 'The journey is not active')
  pause(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<JourneySummaryDto> {
    return this.journeys.setStatus(caller, id, 'pause');
  }

  @Post('resume')
  @RequirePermission('journeys.publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Makes a paused or archived journey active again' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeySummarySchema, 'The journey')
  @ApiZodResponse(409, apiErrorSchema, 'The journey was never published')
  resume(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<JourneySummaryDto> {
    return this.journeys.setStatus(caller, id, 'resume');
  }

  @Post('archive')
  @RequirePermission('journeys.publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archives a journey: no new runs and no publishing until resumed (open runs continue)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeySummarySchema, 'The archived journey')
  archive(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<JourneySummaryDto> {
    return this.journeys.setStatus(caller, id, 'archive');
  }
}
