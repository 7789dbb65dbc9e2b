import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

/** The conversation store's REST API: contacts and their messages. */
@Module({
  controllers: [ContactsController],
  providers: [ContactsService],
})
export class ConversationsModule {}
