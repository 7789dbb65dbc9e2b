import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { ZodPipe } from '../common/zod.pipe';
import { errorSchema, uuidParam } from '../common/common.dto';
import {
  type ContactDto,
  contactPageSchema,
  contactSchema,
  listContactsQuery,
  type ListContactsQuery,
  listMessagesQuery,
  type MessageDto,
  messagePageSchema,
} from './contacts.dto';
import { ContactsService, type Page } from './contacts.service';
import { ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';

@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Contacts, most recently active first, filtered by number, text, tag and open window' })
  @ApiZodQuery(listContactsQuery)
  @ApiZodResponse(200, contactPageSchema, 'A page of contacts')
  list(@CurrentCaller() caller: Caller, @Query(new ZodPipe(listContactsQuery)) query: ListContactsQuery): Promise<Page<ContactDto>> {
    return this.contacts.list(caller, query);
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'One contact, with its window computed now' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, contactSchema, 'The contact')
  @ApiZodResponse(404, errorSchema, 'No such contact')
  get(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<ContactDto> {
    return this.contacts.get(caller, id);
  }

  @Get(':id/messages')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'The conversation with a contact, newest first (direction, source, status timeline, errors)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodQuery(listMessagesQuery)
  @ApiZodResponse(200, messagePageSchema, 'A page of messages')
  messages(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Query(new ZodPipe(listMessagesQuery)) query: z.infer<typeof listMessagesQuery>,
  ): Promise<Page<MessageDto>> {
    return this.contacts.messages(caller, id, query.page, query.pageSize);
  }
}
