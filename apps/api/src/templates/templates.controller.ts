import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  templateListSchema,
  templatesQuerySchema,
  templateSyncResponseSchema,
  type TemplateDto,
  type TemplateSyncResponseDto,
} from '@tandem/api-contract';
import type { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { ZodPipe } from '../common/zod.pipe';
import { errorSchema } from '../common/common.dto';
import { ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { TemplatesService } from './templates.service';

type TemplatesQuery = z.infer<typeof templatesQuerySchema>;

@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: "The templates of a number's WhatsApp Business Account, as last synced" })
  @ApiZodQuery(templatesQuerySchema)
  @ApiZodResponse(200, templateListSchema, 'Templates by name and language')
  @ApiZodResponse(404, errorSchema, 'No such number')
  async list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(templatesQuerySchema)) query: TemplatesQuery,
  ): Promise<{ items: TemplateDto[] }> {
    return { items: await this.templates.list(caller.workspaceId, query.numberId) };
  }

  @Post('sync')
  @RequirePermission('templates.write')
  @HttpCode(200)
  @ApiOperation({ summary: "Pulls the number's templates from the Graph API and stores them (Meta's status wins)" })
  @ApiZodQuery(templatesQuerySchema)
  @ApiZodResponse(200, templateSyncResponseSchema, 'The templates after the sync, with counts')
  @ApiZodResponse(404, errorSchema, 'No such number')
  @ApiZodResponse(502, errorSchema, 'The Graph API refused or could not be reached')
  sync(@CurrentCaller() caller: Caller, @Query(new ZodPipe(templatesQuerySchema)) query: TemplatesQuery): Promise<TemplateSyncResponseDto> {
    return this.templates.sync(caller.workspaceId, query.numberId);
  }
}
