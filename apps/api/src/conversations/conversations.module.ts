import { Module } from '@nestjs/common';
import { ContactsAdminController } from './contacts-admin.controller';
import { ContactsAdminService } from './contacts-admin.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

/** The conversation store's REST API: contacts and their messages; edit, import, export and erase. */
@Module({
  // The admin controller first: its `export` route must match before `:id`.
  controllers: [ContactsAdminController, ContactsController],
  providers: [ContactsService, ContactsAdminService],
})
export class ConversationsModule {}
