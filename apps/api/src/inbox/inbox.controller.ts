import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  assignRequestSchema,
  conversationNoteSchema,
  conversationPageSchema,
  conversationThreadSchema,
  inboxQuerySchema,
  inboxReplyRequestSchema,
  inboxReplyResultSchema,
  noteRequestSchema,
  readRequestSchema,
  tagsRequestSchema,
  threadQuerySchema,
  type AssignRequest,
  type ConversationNoteDto,
  type ConversationPageDto,
  type ConversationThreadDto,
  type InboxQuery,
  type InboxReplyRequest,
  type InboxReplyResultDto,
  type NoteRequest,
  type ReadRequest,
  type TagsRequest,
} from '@tandem/api-contract';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema, uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { InboxActionsService } from './inbox-actions.service';
import { InboxReadService } from './inbox-read.service';

const contactParam = new ZodPipe(uuidParam);

/** The shared inbox: conversations (a contact on a number), their threads, and what agents do in them. */
@ApiTags('inbox')
@Controller('api/inbox/conversations')
export class InboxController {
  constructor(
    private readonly reads: InboxReadService,
    private readonly actions: InboxActionsService,
  ) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({
    summary: 'Conversations, latest activity first: filter by assignee, owner, window, unread, tag; search name, phone, text',
  })
  @ApiZodQuery(inboxQuerySchema)
  @ApiZodResponse(200, conversationPageSchema, 'A page of conversations')
  list(@CurrentCaller() caller: Caller, @Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery): Promise<ConversationPageDto> {
    return this.reads.list(caller, query);
  }

  @Get(':contactId')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'One conversation: every message with its origin, ticks and errors, the window, the notes' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodQuery(threadQuerySchema)
  @ApiZodResponse(200, conversationThreadSchema, 'The thread')
  @ApiZodResponse(404, errorSchema, 'No such conversation in this workspace')
  thread(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Query(new ZodPipe(threadQuerySchema)) query: z.infer<typeof threadQuerySchema>,
  ): Promise<ConversationThreadDto> {
    return this.reads.thread(caller, contactId, query.limit);
  }

  @Post(':contactId/replies')
  @RequirePermission('conversations.write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replies as the caller through the send path: free-form inside the window, else a template; takes the chat from the bot',
  })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(inboxReplyRequestSchema)
  @ApiZodResponse(200, inboxReplyResultSchema, 'Sent, or refused by the send rules with the reason, or failed at Meta')
  @ApiZodResponse(404, errorSchema, 'No such conversation in this workspace')
  reply(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodPipe(inboxReplyRequestSchema)) body: InboxReplyRequest,
  ): Promise<InboxReplyResultDto> {
    return this.actions.reply(caller, contactId, body);
  }

  @Put(':contactId/assignee')
  @RequirePermission('conversations.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Assigns the conversation to a member of the workspace, or to nobody (null)' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(assignRequestSchema)
  @ApiZodResponse(400, errorSchema, 'Not a member of this workspace')
  async assign(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodPipe(assignRequestSchema)) body: AssignRequest,
  ): Promise<void> {
    await this.actions.assign(caller, contactId, body.userId);
  }

  @Put(':contactId/tags')
  @RequirePermission('conversations.write')
  @HttpCode(200)
  @ApiOperation({ summary: "Replaces the contact's tags" })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(tagsRequestSchema)
  @ApiZodResponse(200, tagsRequestSchema, 'The tags now')
  async tags(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodPipe(tagsRequestSchema)) body: TagsRequest,
  ): Promise<TagsRequest> {
    return { tags: await this.actions.setTags(caller, contactId, body.tags) };
  }

  @Post(':contactId/notes')
  @RequirePermission('conversations.write')
  @ApiOperation({ summary: 'Adds an internal note (never sent to the customer)' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(noteRequestSchema)
  @ApiZodResponse(201, conversationNoteSchema, 'The note')
  note(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodPipe(noteRequestSchema)) body: NoteRequest,
  ): Promise<ConversationNoteDto> {
    return this.actions.addNote(caller, contactId, body.body);
  }

  @Put(':contactId/read')
  @RequirePermission('conversations.write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Marks the conversation read (up to now) or unread for the calling member' })
  @ApiZodParam('contactId', uuidParam)
  @ApiZodBody(readRequestSchema)
  async read(
    @CurrentCaller() caller: Caller,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodPipe(readRequestSchema)) body: ReadRequest,
  ): Promise<void> {
    await this.actions.setRead(caller, contactId, body.read);
  }
}
