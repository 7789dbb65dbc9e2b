import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  alertListSchema,
  alertsQuerySchema,
  markAlertsReadRequestSchema,
  type AlertListDto,
  type AlertsQuery,
  type MarkAlertsReadRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema } from '../common/common.dto';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { AlertsService } from './alerts.service';

/** The notification centre: every member sees the workspace's alerts and keeps their own read marks. */
@ApiTags('alerts')
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: "The workspace's alerts, newest first, with the caller's read marks and unread count" })
  @ApiZodQuery(alertsQuerySchema)
  @ApiZodResponse(200, alertListSchema, 'Alerts and how many the caller has not read')
  list(@CurrentCaller() caller: Caller, @Query(new ZodPipe(alertsQuerySchema)) query: AlertsQuery): Promise<AlertListDto> {
    return this.alerts.list(caller, query);
  }

  @Post('read')
  @RequirePermission('workspace.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks alerts read for the caller (their own marks only)' })
  @ApiZodBody(markAlertsReadRequestSchema)
  @ApiZodResponse(200, z.object({ marked: z.number().int() }), 'How many alerts were newly marked')
  @ApiZodResponse(400, errorSchema, 'An API token without a member behind it')
  markRead(@CurrentCaller() caller: Caller, @Body(new ZodPipe(markAlertsReadRequestSchema)) body: MarkAlertsReadRequest) {
    return this.alerts.markRead(caller, body);
  }
}
