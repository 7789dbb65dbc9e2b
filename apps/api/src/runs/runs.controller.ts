import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  cancelRunRequestSchema,
  cancelRunResponseSchema,
  listRunsQuerySchema,
  pageOf,
  runDetailSchema,
  runSummarySchema,
  type ListRunsQuery,
  type RunDetailDto,
  type RunSummaryDto,
} from '@tandem/api-contract';
import type { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { RunsService } from './runs.service';

@ApiTags('runs')
@Controller('api/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Runs, newest first, filtered by journey, version, status, contact, wamid, error code and time; cursor paging' })
  @ApiZodQuery(listRunsQuerySchema)
  @ApiZodResponse(200, pageOf(runSummarySchema), 'A page of runs')
  list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listRunsQuerySchema)) query: ListRunsQuery,
  ): Promise<{ items: RunSummaryDto[]; nextCursor: string | null; total?: number }> {
    return this.runs.list(caller.workspaceId, query);
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({
    summary:
      "One run with its steps in order (input, output, error, timing) and a link to Temporal's Web UI; step inputs and outputs need `runs.raw` (withheld as null otherwise)",
  })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, runDetailSchema, 'The run')
  @ApiZodResponse(404, apiErrorSchema, 'No such run')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<RunDetailDto> {
    return this.runs.get(caller, id);
  }

  @Post(':id/cancel')
  @RequirePermission('runs.manage')
  @HttpCode(202)
  @ApiOperation({ summary: 'Asks a running run to stop; it ends as cancelled' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(cancelRunRequestSchema)
  @ApiZodResponse(202, cancelRunResponseSchema, 'The workflow was signalled')
  @ApiZodResponse(409, apiErrorSchema, 'The run already ended')
  @ApiZodResponse(404, apiErrorSchema, 'No such run')
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(cancelRunRequestSchema)) body: z.infer<typeof cancelRunRequestSchema>,
  ): Promise<z.infer<typeof cancelRunResponseSchema>> {
    return this.runs.cancel(caller.workspaceId, id, body.reason);
  }
}
