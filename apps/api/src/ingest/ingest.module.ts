import { Module } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { NumbersModule } from '../numbers/numbers.module';
import { EngineEventsPublisher } from './engine-events.publisher';
import { IngestQueue } from './ingest-queue.service';
import { IngestProcessor } from './ingest.processor';
import { IntakeSweeper } from './intake.sweeper';
import { StatusBatchProcessor } from './status-batch.processor';
import { StatusBatcher } from './status-batcher';

/** Turns stored webhook deliveries into conversation changes and engine events. */
@Module({
  imports: [NumbersModule],
  providers: [
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
    EngineEventsPublisher,
    IntakeSweeper,
  ],
  exports: [IngestQueue, StatusBatcher, EngineEventsPublisher],
})
export class IngestModule {}
