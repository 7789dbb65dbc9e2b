import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { ZodPipe } from '../common/zod.pipe';
import { errorSchema, uuidParam } from '../common/common.dto';
import type { Page } from '../conversations/contacts.service';
import {
  deliveryDetailSchema,
  type DeliveryDetailDto,
  type DeliveryDto,
  deliveryPageSchema,
  deliverySchema,
  listDeadLettersQuery,
  listDeliveriesQuery,
} from './deliveries.dto';
import { DeliveriesService } from './deliveries.service';
import { ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';

@ApiTags('webhook deliveries')
@Controller('api')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('webhook-deliveries')
  @RequirePermission('deliveries.read')
  @ApiOperation({ summary: "Stored webhook deliveries naming a number or WABA of the caller's workspace, newest first, by outcome" })
  @ApiZodQuery(listDeliveriesQuery)
  @ApiZodResponse(200, deliveryPageSchema, 'A page of deliveries (bodies omitted)')
  list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listDeliveriesQuery)) q: z.infer<typeof listDeliveriesQuery>,
  ): Promise<Page<DeliveryDto>> {
    return this.deliveries.list(caller, q.outcome, q.page, q.pageSize);
  }

  @Get('webhook-deliveries/:id')
  @RequirePermission('deliveries.read')
  @ApiOperation({ summary: 'One delivery with its raw body and signature' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, deliveryDetailSchema, 'The delivery')
  @ApiZodResponse(404, errorSchema, 'No such delivery')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<DeliveryDetailDto> {
    return this.deliveries.get(caller, id);
  }

  @Get('dead-letters')
  @RequirePermission('deliveries.read')
  @ApiOperation({ summary: 'Deliveries that failed every processing attempt, with the last error' })
  @ApiZodQuery(listDeadLettersQuery)
  @ApiZodResponse(200, deliveryPageSchema, 'A page of dead-lettered deliveries')
  deadLetters(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listDeadLettersQuery)) q: z.infer<typeof listDeadLettersQuery>,
  ): Promise<Page<DeliveryDto>> {
    return this.deliveries.list(caller, 'dead', q.page, q.pageSize);
  }

  @Post('dead-letters/:id/retry')
  @RequirePermission('deliveries.manage')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queues a dead-lettered delivery again (already-applied events are skipped)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(202, deliverySchema, 'Queued again; outcome is pending')
  @ApiZodResponse(404, errorSchema, 'No such delivery')
  @ApiZodResponse(409, errorSchema, 'The delivery is not dead-lettered')
  retry(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<DeliveryDto> {
    return this.deliveries.retry(caller, id);
  }
}
