import { Module } from '@nestjs/common';
import { NumbersModule } from '../numbers/numbers.module';
import { IngestProcessor } from './ingest.processor';
import { IngestScheduler } from './ingest.scheduler';
import { IntakeSweeper } from './intake.sweeper';

/** Turns stored webhook deliveries into conversation changes and engine events: one processor, fed by one scheduler. */
@Module({
  imports: [NumbersModule],
  providers: [IngestProcessor, IngestScheduler, IntakeSweeper],
  exports: [IngestScheduler],
})
export class IngestModule {}
