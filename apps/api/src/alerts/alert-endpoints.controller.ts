import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  alertDeliverySchema,
  alertEndpointSchema,
  alertEndpointWithSecretSchema,
  createAlertEndpointRequestSchema,
  updateAlertEndpointRequestSchema,
  type CreateAlertEndpointRequest,
  type UpdateAlertEndpointRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema, uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { AlertEndpointsService } from './alert-endpoints.service';

/** Signed alert webhooks: where a workspace's alerts are posted (admins). */
@ApiTags('alerts')
@Controller('api/alert-endpoints')
export class AlertEndpointsController {
  constructor(private readonly endpoints: AlertEndpointsService) {}

  @Get()
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: 'The URLs alerts are posted to (never their secrets)' })
  @ApiZodResponse(200, z.object({ items: z.array(alertEndpointSchema) }), 'Endpoints, oldest first')
  async list(@CurrentCaller() caller: Caller) {
    return { items: await this.endpoints.list(caller) };
  }

  @Post()
  @RequirePermission('alerts.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Adds an endpoint; the answer holds its signing secret, shown this once' })
  @ApiZodBody(createAlertEndpointRequestSchema)
  @ApiZodResponse(201, alertEndpointWithSecretSchema, 'The endpoint and its secret')
  create(@CurrentCaller() caller: Caller, @Body(new ZodPipe(createAlertEndpointRequestSchema)) body: CreateAlertEndpointRequest) {
    return this.endpoints.create(caller, body);
  }

  @Patch(':id')
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: "Changes an endpoint's URL, description, kinds or whether it is enabled" })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(updateAlertEndpointRequestSchema)
  @ApiZodResponse(200, alertEndpointSchema, 'The endpoint')
  @ApiZodResponse(404, errorSchema, 'No such endpoint in this workspace')
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(updateAlertEndpointRequestSchema)) body: UpdateAlertEndpointRequest,
  ) {
    return this.endpoints.update(caller, id, body);
  }

  @Post(':id/rotate-secret')
  @RequirePermission('alerts.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replaces the signing secret (the old one stops working at once); shown this once' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, alertEndpointWithSecretSchema, 'The endpoint and its new secret')
  @ApiZodResponse(404, errorSchema, 'No such endpoint in this workspace')
  rotate(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string) {
    return this.endpoints.rotateSecret(caller, id);
  }

  @Delete(':id')
  @RequirePermission('alerts.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes an endpoint, its secret and its delivery log' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(404, errorSchema, 'No such endpoint in this workspace')
  async remove(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<void> {
    await this.endpoints.remove(caller, id);
  }

  @Get(':id/deliveries')
  @RequirePermission('alerts.manage')
  @ApiOperation({ summary: "The endpoint's delivery log: attempts, answers, next attempt, newest first" })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, z.object({ items: z.array(alertDeliverySchema) }), 'The last 50 deliveries')
  @ApiZodResponse(404, errorSchema, 'No such endpoint in this workspace')
  async deliveries(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string) {
    return { items: await this.endpoints.deliveries(caller, id) };
  }
}
