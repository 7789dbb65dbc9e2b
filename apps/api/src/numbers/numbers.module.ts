import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NumberActivityWriter, writeNumberActivity } from './number-activity.writer';
import { NumberHealthService } from './number-health.service';
import { NumbersController } from './numbers.controller';
import { NumbersService } from './numbers.service';

/** Business numbers: their REST API, health, and the activity the intake records on them. */
@Module({
  controllers: [NumbersController],
  providers: [
    {
      provide: NumberActivityWriter,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new NumberActivityWriter(writeNumberActivity(ds)),
    },
    NumberHealthService,
    NumbersService,
  ],
  exports: [NumberActivityWriter, NumberHealthService],
})
export class NumbersModule {}
