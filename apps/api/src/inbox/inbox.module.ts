import { Module } from '@nestjs/common';
import { InboxActionsService } from './inbox-actions.service';
import { InboxEventsController } from './inbox-events.controller';
import { InboxEventsService } from './inbox-events.service';
import { InboxController } from './inbox.controller';
import { InboxMembersController } from './inbox-members.controller';
import { InboxReadService } from './inbox-read.service';

/** The shared inbox: conversations, replies through the send path, assignment, tags, notes, live events. */
@Module({
  controllers: [InboxController, InboxEventsController, InboxMembersController],
  providers: [InboxReadService, InboxActionsService, InboxEventsService],
})
export class InboxModule {}
