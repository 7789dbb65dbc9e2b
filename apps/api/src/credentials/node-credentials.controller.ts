import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  credentialNameSchema,
  credentialSchema,
  putCredentialRequestSchema,
  type CredentialDto,
  type PutCredentialRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { NodeCredentialsService } from './node-credentials.service';

/** Node credentials (`ctx.credentials.get(name)`), write-only: no route returns a value. */
@ApiTags('credentials')
@Controller('api/credentials')
export class NodeCredentialsController {
  constructor(private readonly credentials: NodeCredentialsService) {}

  @Get()
  @RequirePermission('credentials.manage')
  @ApiOperation({ summary: "This workspace's node credentials: names and metadata, never values" })
  @ApiZodResponse(200, z.object({ items: z.array(credentialSchema) }), 'Credentials by name')
  async list(@CurrentCaller() caller: Caller): Promise<{ items: CredentialDto[] }> {
    return { items: await this.credentials.list(caller) };
  }

  @Put(':name')
  @RequirePermission('credentials.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Creates or replaces a credential; the value is encrypted and never shown again' })
  @ApiZodParam('name', credentialNameSchema)
  @ApiZodBody(putCredentialRequestSchema)
  @ApiZodResponse(200, credentialSchema, 'The credential (metadata only)')
  put(
    @CurrentCaller() caller: Caller,
    @Param('name', new ZodPipe(credentialNameSchema)) name: string,
    @Body(new ZodPipe(putCredentialRequestSchema)) body: PutCredentialRequest,
  ): Promise<CredentialDto> {
    return this.credentials.put(caller, name, body.value);
  }

  @Delete(':name')
  @RequirePermission('credentials.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a credential; nodes that use it take their error port' })
  @ApiZodParam('name', credentialNameSchema)
  @ApiZodResponse(404, errorSchema, 'No credential of that name in this workspace')
  async remove(@CurrentCaller() caller: Caller, @Param('name', new ZodPipe(credentialNameSchema)) name: string): Promise<void> {
    await this.credentials.remove(caller, name);
  }
}
