import { Global, Module } from '@nestjs/common';
import { AlertDispatcher } from './alert-dispatcher.service';
import { AlertEndpointsController } from './alert-endpoints.controller';
import { AlertEndpointsService } from './alert-endpoints.service';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

/** Alerts: the notification centre, signed webhooks to the workspace's endpoints and their dispatcher. */
@Global()
@Module({
  controllers: [AlertsController, AlertEndpointsController],
  providers: [AlertsService, AlertEndpointsService, AlertDispatcher],
  exports: [AlertsService],
})
export class AlertsModule {}
