import { Module } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { DataSource } from 'typeorm';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { IngestQueue } from './ingest-queue.service';
import { IngestProcessor } from './ingest.processor';
import { IntakeSweeper } from './intake.sweeper';
import { NumberHealthService } from './number-health.service';
import { NumbersController } from './numbers.controller';
import { NumberActivityWriter, writeNumberActivity } from './number-activity.writer';
import { NumbersService } from './numbers.service';
import { StatusBatchProcessor } from './status-batch.processor';
import { StatusBatcher } from './status-batcher';
import { WebhookController } from './webhook.controller';
import { WebhookIntakeService } from './webhook-intake.service';

/** Meta webhook intake, the conversation store and its REST API, number health. */
@Module({
  controllers: [WebhookController, NumbersController, ContactsController, DeliveriesController],
  providers: [
    WebhookIntakeService,
    IngestQueue,
    IngestProcessor,
    StatusBatchProcessor,
    {
      provide: StatusBatcher,
      inject: [StatusBatchProcessor],
      useFactory: (statuses: StatusBatchProcessor) => {
        const lingerMs = loadConfig(['api']).WEBHOOK_STATUS_BATCH_MS;
        return new StatusBatcher((d) => statuses.process(d), { enabled: lingerMs > 0, lingerMs, maxBatch: 100, maxInFlight: 2 });
      },
    },
    {
      provide: NumberActivityWriter,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new NumberActivityWriter(writeNumberActivity(ds)),
    },
    IntakeSweeper,
    NumberHealthService,
    NumbersService,
    ContactsService,
    DeliveriesService,
  ],
  exports: [NumberHealthService],
})
export class IntakeModule {}
