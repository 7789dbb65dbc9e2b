import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiTokenSchema,
  createApiTokenRequestSchema,
  createdApiTokenSchema,
  type ApiTokenDto,
  type CreateApiTokenRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { ApiTokensService } from './api-tokens.service';
import { CurrentCaller } from './caller.decorator';
import type { Caller } from './caller.types';
import { RequirePermission } from './permission.decorator';

/** API tokens for automation (admins). */
@ApiTags('api-tokens')
@Controller('api/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @RequirePermission('tokens.manage')
  @ApiOperation({ summary: "This workspace's API tokens (never the tokens themselves)" })
  @ApiZodResponse(200, z.object({ items: z.array(apiTokenSchema) }), 'Tokens, newest first')
  async list(@CurrentCaller() caller: Caller): Promise<{ items: ApiTokenDto[] }> {
    return { items: await this.tokens.list(caller) };
  }

  @Post()
  @RequirePermission('tokens.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Creates a token with a role and an optional expiry; the token is shown in this answer only' })
  @ApiZodBody(createApiTokenRequestSchema)
  @ApiZodResponse(201, createdApiTokenSchema, 'The token, with its secret')
  create(@CurrentCaller() caller: Caller, @Body(new ZodPipe(createApiTokenRequestSchema)) body: CreateApiTokenRequest) {
    return this.tokens.create(caller, body);
  }

  @Delete(':id')
  @RequirePermission('tokens.manage')
  @ApiOperation({ summary: 'Revokes a token: it stops working at once' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, apiTokenSchema, 'The revoked token')
  @HttpCode(200)
  revoke(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<ApiTokenDto> {
    return this.tokens.revoke(caller, id);
  }
}
