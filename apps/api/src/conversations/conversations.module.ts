import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { ContactsAdminController } from './contacts-admin.controller';
import { ContactsAdminService } from './contacts-admin.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { ConversationSettingsController } from './ownership/conversation-settings.controller';
import { ConversationSettingsService } from './ownership/conversation-settings.service';
import { ConversationTimelineService } from './ownership/conversation-timeline.service';
import { OwnershipController } from './ownership/ownership.controller';
import { OwnershipService } from './ownership/ownership.service';
import { OwnershipSweeper } from './ownership/ownership.sweeper';

/** The conversation store's REST API: contacts and their messages (edit, import, export, erase); who holds each conversation, and its timeline. */
@Module({
  imports: [TemporalModule],
  // The admin controller first: its `export` route must match before `:id`.
  controllers: [ContactsAdminController, ContactsController, OwnershipController, ConversationSettingsController],
  providers: [
    ContactsService,
    ContactsAdminService,
    OwnershipService,
    ConversationTimelineService,
    ConversationSettingsService,
    OwnershipSweeper,
  ],
  exports: [ConversationTimelineService, OwnershipService],
})
export class ConversationsModule {}
