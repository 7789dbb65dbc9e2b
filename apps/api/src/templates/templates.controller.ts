import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createTemplateRequestSchema,
  templateSchema,
  type CreateTemplateRequest,
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
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { TemplateSubmissionService } from './template-submission.service';
import { TemplatesService } from './templates.service';

type TemplatesQuery = z.infer<typeof templatesQuerySchema>;

@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly submissions: TemplateSubmissionService,
  ) {}

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

  @Post()
  @RequirePermission('templates.write')
  @HttpCode(201)
  @ApiOperation({ summary: "Creates a template on the number's account and submits it to Meta for review (PENDING until Meta decides)" })
  @ApiZodBody(createTemplateRequestSchema)
  @ApiZodResponse(201, templateSchema, 'The template, PENDING')
  @ApiZodResponse(400, errorSchema, 'A definition Meta would refuse (every problem listed), or Meta refused it')
  @ApiZodResponse(404, errorSchema, 'No such number')
  @ApiZodResponse(409, errorSchema, 'The account already has a template of that name in that language')
  @ApiZodResponse(502, errorSchema, 'The Graph API could not be reached')
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(createTemplateRequestSchema)) body: CreateTemplateRequest,
  ): Promise<TemplateDto> {
    return this.submissions.create(caller, body);
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
