import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  createJourneyRequestSchema,
  journeyDetailSchema,
  journeyListSchema,
  listJourneysQuerySchema,
  saveDraftRequestSchema,
  updateJourneyRequestSchema,
  validateRequestSchema,
  validateResponseSchema,
  type CreateJourneyRequest,
  type JourneyDetailDto,
  type JourneySummaryDto,
  type ValidateResponseDto,
} from '@tandem/api-contract';
import type { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { JourneyValidationService } from './journey-validation.service';
import { JourneysService } from './journeys.service';

@ApiTags('journeys')
@Controller('api/journeys')
export class JourneysController {
  constructor(
    private readonly journeys: JourneysService,
    private readonly validation: JourneyValidationService,
  ) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Journeys, most recently updated first, with their open run counts' })
  @ApiZodQuery(listJourneysQuerySchema)
  @ApiZodResponse(200, journeyListSchema, 'The journeys')
  async list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listJourneysQuerySchema)) query: z.infer<typeof listJourneysQuerySchema>,
  ): Promise<{ items: JourneySummaryDto[] }> {
    return { items: await this.journeys.list(caller.workspaceId, query.status) };
  }

  @Post()
  @RequirePermission('journeys.write')
  @HttpCode(201)
  @ApiOperation({ summary: 'Creates a journey in draft (default: one inbound-message trigger, no nodes)' })
  @ApiZodBody(createJourneyRequestSchema)
  @ApiZodResponse(201, journeyDetailSchema, 'The new journey')
  @ApiZodResponse(422, apiErrorSchema, 'The document names a number that is not registered in this workspace (`issues`)')
  create(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(createJourneyRequestSchema)) body: CreateJourneyRequest,
  ): Promise<JourneyDetailDto> {
    return this.journeys.create(caller.workspaceId, body);
  }

  @Post('validate')
  @RequirePermission('workspace.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Validates an unsaved document: issues (errors block publishing) and the ports of every node' })
  @ApiZodBody(validateRequestSchema)
  @ApiZodResponse(200, validateResponseSchema, 'Issues and ports')
  validate(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(validateRequestSchema)) body: z.infer<typeof validateRequestSchema>,
  ): Promise<ValidateResponseDto> {
    return this.validation.validate(caller.workspaceId, body.document);
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'A journey with its draft and whether the draft differs from the live version' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, journeyDetailSchema, 'The journey')
  @ApiZodResponse(404, apiErrorSchema, 'No such journey')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<JourneyDetailDto> {
    return this.journeys.get(caller.workspaceId, id);
  }

  @Patch(':id')
  @RequirePermission('journeys.write')
  @ApiOperation({ summary: 'Renames a journey' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(updateJourneyRequestSchema)
  @ApiZodResponse(200, journeyDetailSchema, 'The renamed journey')
  @ApiZodResponse(404, apiErrorSchema, 'No such journey')
  rename(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(updateJourneyRequestSchema)) body: z.infer<typeof updateJourneyRequestSchema>,
  ): Promise<JourneyDetailDto> {
    return this.journeys.rename(caller.workspaceId, id, body.name);
  }

  @Put(':id/draft')
  @RequirePermission('journeys.write')
  @ApiOperation({ summary: 'Autosaves the draft (stored even with validation errors) and answers its issues and ports' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(saveDraftRequestSchema)
  @ApiZodResponse(200, validateResponseSchema, 'Issues and ports of the saved draft')
  @ApiZodResponse(404, apiErrorSchema, 'No such journey')
  @ApiZodResponse(422, apiErrorSchema, 'The document names a number that is not registered in this workspace (`issues`)')
  saveDraft(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(saveDraftRequestSchema)) body: z.infer<typeof saveDraftRequestSchema>,
  ): Promise<ValidateResponseDto> {
    return this.journeys.saveDraft(caller.workspaceId, id, body.document);
  }
}
