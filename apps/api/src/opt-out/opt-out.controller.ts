import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  optHistorySchema,
  optInRequestSchema,
  optOutRequestSchema,
  optOutSettingsSchema,
  type OptHistoryDto,
  type OptInRequest,
  type OptOutRequest,
  type OptOutSettingsDto,
} from '@tandem/api-contract';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { OptOutService } from './opt-out.service';

@ApiTags('opt-out')
@Controller('api')
export class OptOutController {
  constructor(private readonly optOut: OptOutService) {}

  @Get('contacts/:id/opt-history')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: "A contact's opt state (opt-out, marketing stop, Meta's hold) and its history, newest first" })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, optHistorySchema, 'State and history')
  @ApiZodResponse(404, apiErrorSchema, 'No such contact')
  history(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<OptHistoryDto> {
    return this.optOut.history(caller, id);
  }

  @Post('contacts/:id/opt-in')
  @HttpCode(200)
  @RequirePermission('contacts.optout.undo')
  @ApiOperation({ summary: "Undoes an opt-out, a marketing stop or Meta's 131049 hold (audited, on the contact's history)" })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(optInRequestSchema)
  @ApiZodResponse(200, optHistorySchema, 'State and history after the undo')
  @ApiZodResponse(400, apiErrorSchema, 'Invalid body')
  @ApiZodResponse(404, apiErrorSchema, 'No such contact')
  optIn(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(optInRequestSchema)) body: OptInRequest,
  ): Promise<OptHistoryDto> {
    return this.optOut.optIn(caller, id, body);
  }

  @Post('contacts/:id/opt-out')
  @HttpCode(200)
  @RequirePermission('conversations.write')
  @ApiOperation({ summary: 'Opts a contact out on their request, of everything or of marketing (audited, on its history)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(optOutRequestSchema)
  @ApiZodResponse(200, optHistorySchema, 'State and history after the opt-out')
  @ApiZodResponse(400, apiErrorSchema, 'Invalid body')
  @ApiZodResponse(404, apiErrorSchema, 'No such contact')
  optOutContact(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(optOutRequestSchema)) body: OptOutRequest,
  ): Promise<OptHistoryDto> {
    return this.optOut.optOut(caller, id, body);
  }

  @Get('settings/opt-out')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: "The workspace's opt-out / opt-in keywords and confirmation texts" })
  @ApiZodResponse(200, optOutSettingsSchema, 'The settings (defaults until changed)')
  settings(@CurrentCaller() caller: Caller): Promise<OptOutSettingsDto> {
    return this.optOut.settings(caller);
  }

  @Put('settings/opt-out')
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: "Replaces the workspace's opt-out / opt-in keywords and confirmation texts (audited)" })
  @ApiZodBody(optOutSettingsSchema)
  @ApiZodResponse(200, optOutSettingsSchema, 'The settings')
  @ApiZodResponse(400, apiErrorSchema, 'Invalid body')
  updateSettings(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(optOutSettingsSchema)) body: OptOutSettingsDto,
  ): Promise<OptOutSettingsDto> {
    return this.optOut.updateSettings(caller, body);
  }
}
