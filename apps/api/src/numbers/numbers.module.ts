import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NumberConnectController } from './number-connect.controller';
import { NumberConnectService } from './number-connect.service';
import { NumberOffboardService } from './number-offboard.service';
import { NumberSyncService } from './number-sync.service';
import { NumberActivityWriter, writeNumberActivity } from './number-activity.writer';
import { NumberHealthService } from './number-health.service';
import { NumbersController } from './numbers.controller';
import { NumbersService } from './numbers.service';

/** Business numbers: their REST API, health, and the activity the intake records on them. */
@Module({
  // The connect controller first: its `signup-config` route would otherwise reach `:id`.
  controllers: [NumberConnectController, NumbersController],
  providers: [
    {
      provide: NumberActivityWriter,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new NumberActivityWriter(writeNumberActivity(ds)),
    },
    NumberHealthService,
    NumbersService,
    NumberConnectService,
    NumberSyncService,
    NumberOffboardService,
  ],
  exports: [NumberActivityWriter, NumberHealthService],
})
export class NumbersModule {}
