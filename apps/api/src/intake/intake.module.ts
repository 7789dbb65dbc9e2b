import { Module } from '@nestjs/common';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { EngineEventsPublisher } from './engine-events.publisher';
import { IngestQueue } from './ingest-queue.service';
import { IngestProcessor } from './ingest.processor';
import { IntakeSweeper } from './intake.sweeper';
import { NumberHealthService } from './number-health.service';
import { NumbersController } from './numbers.controller';
import { NumbersService } from './numbers.service';
import { WebhookController } from './webhook.controller';
import { WebhookIntakeService } from './webhook-intake.service';

/** Meta webhook intake, the conversation store and its REST API, number health. */
@Module({
  controllers: [WebhookController, NumbersController, ContactsController, DeliveriesController],
  providers: [
    WebhookIntakeService,
    IngestQueue,
    IngestProcessor,
    EngineEventsPublisher,
    IntakeSweeper,
    NumberHealthService,
    NumbersService,
    ContactsService,
    DeliveriesService,
  ],
  exports: [EngineEventsPublisher, NumberHealthService],
})
export class IntakeModule {}
