import { RequirePermission } from '../auth/permission.decorator';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { ZodPipe } from '../common/zod.pipe';
import { errorSchema, uuidParam } from '../common/common.dto';
import {
  type CreateNumberInput,
  createNumberSchema,
  updateNumberSchema,
  type UpdateNumberInput,
  type NumberDto,
  numberListSchema,
  numberSchema,
} from './numbers.dto';
import { NumbersService } from './numbers.service';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';

@ApiTags('numbers')
@Controller('api/numbers')
export class NumbersController {
  constructor(private readonly numbers: NumbersService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Every registered number with its health (connected, at risk, disconnected, offboarded)' })
  @ApiZodResponse(200, numberListSchema, 'Numbers, oldest first')
  async list(@CurrentCaller() caller: Caller): Promise<{ items: NumberDto[] }> {
    return { items: await this.numbers.list(caller) };
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'One number with its health' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, numberSchema, 'The number')
  @ApiZodResponse(404, errorSchema, 'No such number')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<NumberDto> {
    return this.numbers.get(caller, id);
  }

  @Post()
  @RequirePermission('numbers.manage')
  @HttpCode(201)
  @ApiOperation({ summary: "Registers a number in the caller's workspace (webhooks for unregistered numbers are recorded as unroutable)" })
  @ApiZodBody(createNumberSchema)
  @ApiZodResponse(201, numberSchema, 'The registered number')
  @ApiZodResponse(409, errorSchema, 'phone_number_id already registered (in this or any other workspace)')
  create(@CurrentCaller() caller: Caller, @Body(new ZodPipe(createNumberSchema)) body: CreateNumberInput): Promise<NumberDto> {
    return this.numbers.create(caller, body);
  }

  @Patch(':id')
  @RequirePermission('numbers.manage')
  @ApiOperation({
    summary: "Changes a number's settings: name, throughput cap (a coexistence number's may only go below Meta's fixed rate)",
  })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(updateNumberSchema)
  @ApiZodResponse(200, numberSchema, 'The number')
  @ApiZodResponse(400, errorSchema, 'A cap above what the number may send')
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(updateNumberSchema)) body: UpdateNumberInput,
  ): Promise<NumberDto> {
    return this.numbers.update(caller, id, body);
  }
}
