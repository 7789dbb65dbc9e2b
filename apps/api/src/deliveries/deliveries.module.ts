import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';

/** Stored webhook deliveries and dead letters over REST. */
@Module({
  imports: [IngestModule],
  controllers: [DeliveriesController],
  providers: [DeliveriesService],
})
export class DeliveriesModule {}
