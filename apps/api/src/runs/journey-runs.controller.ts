import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  startRunRequestSchema,
  startRunResponseSchema,
  type StartRunRequest,
  type StartRunResponseDto,
} from '@tandem/api-contract';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { RunStartService } from './run-start.service';

@ApiTags('runs')
@Controller('api/journeys/:id/runs')
export class JourneyRunsController {
  constructor(private readonly starter: RunStartService) {}

  @Post()
  @RequirePermission('runs.manage')
  @HttpCode(202)
  @ApiOperation({ summary: 'Starts a run of the live version for one contact (by id or wa_id); answers the deterministic workflow id' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(startRunRequestSchema)
  @ApiZodResponse(202, startRunResponseSchema, 'The run was started')
  @ApiZodResponse(409, apiErrorSchema, 'The journey is not active, or re-entry refuses another run for this contact')
  @ApiZodResponse(404, apiErrorSchema, 'No such journey, or no such contact on its number')
  start(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(startRunRequestSchema)) body: StartRunRequest,
  ): Promise<StartRunResponseDto> {
    return this.starter.start(caller.workspaceId, id, body);
  }
}
