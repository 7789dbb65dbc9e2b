import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { JourneysModule } from '../journeys/journeys.module';
import { JourneyRunsController } from './journey-runs.controller';
import { RunStartService } from './run-start.service';
import { RunsController } from './runs.controller';
import { RunsService } from './runs.service';

/** Run history (lists, detail, cancel) and starting runs by API. */
@Module({
  imports: [JourneysModule, ConversationsModule],
  controllers: [RunsController, JourneyRunsController],
  providers: [RunsService, RunStartService],
})
export class RunsModule {}
