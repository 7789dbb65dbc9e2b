import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/caller.types';
import { RequirePermission } from '../../auth/permission.decorator';
import { ApiZodBody, ApiZodResponse } from '../../common/openapi.util';
import { ZodPipe } from '../../common/zod.pipe';
import { ConversationSettingsService } from './conversation-settings.service';
import { conversationSettingsSchema, updateConversationSettingsBody, type ConversationSettingsDto } from '@tandem/api-contract';

@ApiTags('conversations')
@Controller('api/workspace/conversation-settings')
export class ConversationSettingsController {
  constructor(private readonly settings: ConversationSettingsService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({
    summary: 'When human-held conversations return to the bot: after N hours without a human message and/or when the window closes',
  })
  @ApiZodResponse(200, conversationSettingsSchema, 'The setting')
  get(@CurrentCaller() caller: Caller): Promise<ConversationSettingsDto> {
    return this.settings.get(caller.workspaceId);
  }

  @Put()
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: 'Changes when human-held conversations return to the bot (admins); fields left out keep their value' })
  @ApiZodBody(updateConversationSettingsBody)
  @ApiZodResponse(200, conversationSettingsSchema, 'The setting')
  update(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(updateConversationSettingsBody)) body: Partial<ConversationSettingsDto>,
  ): Promise<ConversationSettingsDto> {
    return this.settings.update(caller, body);
  }
}
