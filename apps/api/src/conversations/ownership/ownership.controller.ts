import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/caller.types';
import { RequirePermission } from '../../auth/permission.decorator';
import { errorSchema, uuidParam } from '../../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../../common/openapi.util';
import { ZodPipe } from '../../common/zod.pipe';
import { ConversationTimelineService } from './conversation-timeline.service';
import {
  ownershipActionBody,
  ownershipStateSchema,
  conversationTimelineSchema,
  type ConversationEventDto,
  type OwnershipActionBody,
  type OwnershipStateDto,
} from '@tandem/api-contract';
import { OwnershipService } from './ownership.service';

/** Who holds a conversation (a contact on a number): take it, give it back to the bot, close it; its timeline. */
@ApiTags('conversations')
@Controller('api/conversations/:contactId')
export class OwnershipController {
  constructor(
    private readonly ownership: OwnershipService,
    private readonly timeline: ConversationTimelineService,
  ) {}

  @Get('ownership')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Who holds the conversation now (bot, human, closed) and when it returns to the bot on its own' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodResponse(200, ownershipStateSchema, 'The ownership')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  state(@CurrentCaller() caller: Caller, @Param('contactId', new ZodPipe(uuidParam)) contactId: string): Promise<OwnershipStateDto> {
    return this.ownership.state(caller, contactId);
  }

  @Get('timeline')
  @RequirePermission('workspace.read')
  @ApiOperation({
    summary: 'The ownership changes of the conversation (the latest 500), oldest first: who, when, why, and what it did to runs',
  })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodResponse(200, conversationTimelineSchema, 'The timeline')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  async events(
    @CurrentCaller() caller: Caller,
    @Param('contactId', new ZodPipe(uuidParam)) contactId: string,
  ): Promise<{ items: ConversationEventDto[] }> {
    return { items: await this.timeline.ofContact(caller, contactId) };
  }

  @Post('take')
  @HttpCode(200)
  @RequirePermission('conversations.write')
  @ApiOperation({
    summary:
      "The calling member takes the conversation from the bot: journeys stay quiet; running runs apply their journey's teammate-reply setting",
  })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodResponse(200, ownershipStateSchema, 'The ownership after the change')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  take(@CurrentCaller() caller: Caller, @Param('contactId', new ZodPipe(uuidParam)) contactId: string): Promise<OwnershipStateDto> {
    return this.ownership.take(caller, contactId);
  }

  @Post('give-back')
  @HttpCode(200)
  @RequirePermission('conversations.write')
  @ApiOperation({
    summary: "Gives the conversation back to the bot; paused runs resume where they paused or end, by their journey's setting",
  })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(ownershipActionBody)
  @ApiZodResponse(200, ownershipStateSchema, 'The ownership after the change')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  giveBack(
    @CurrentCaller() caller: Caller,
    @Param('contactId', new ZodPipe(uuidParam)) contactId: string,
    @Body(new ZodPipe(ownershipActionBody)) body: OwnershipActionBody,
  ): Promise<OwnershipStateDto> {
    return this.ownership.giveBack(caller, contactId, body?.reason);
  }

  @Post('close')
  @HttpCode(200)
  @RequirePermission('conversations.write')
  @ApiOperation({ summary: 'Closes the conversation: paused runs end; the next customer message may start journeys again' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(ownershipActionBody)
  @ApiZodResponse(200, ownershipStateSchema, 'The ownership after the change')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  close(
    @CurrentCaller() caller: Caller,
    @Param('contactId', new ZodPipe(uuidParam)) contactId: string,
    @Body(new ZodPipe(ownershipActionBody)) body: OwnershipActionBody,
  ): Promise<OwnershipStateDto> {
    return this.ownership.close(caller, contactId, body?.reason);
  }
}
