import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { ConversationSettingsController } from './ownership/conversation-settings.controller';
import { ConversationSettingsService } from './ownership/conversation-settings.service';
import { ConversationTimelineService } from './ownership/conversation-timeline.service';
import { OwnershipController } from './ownership/ownership.controller';
import { OwnershipService } from './ownership/ownership.service';
import { OwnershipSweeper } from './ownership/ownership.sweeper';

/** The conversation store's REST API: contacts and their messages; who holds each conversation, and its timeline. */
@Module({
  imports: [TemporalModule],
  controllers: [ContactsController, OwnershipController, ConversationSettingsController],
  providers: [ContactsService, OwnershipService, ConversationTimelineService, ConversationSettingsService, OwnershipSweeper],
  exports: [ConversationTimelineService, OwnershipService],
})
export class ConversationsModule {}
