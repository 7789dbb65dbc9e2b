import { DynamicModule, Module } from '@nestjs/common';
import { BehaviourService } from './common/behaviour.service';
import { SchedulerService } from './common/scheduler.service';
import { AccountEventsService } from './control/account-events.service';
import { AdminController } from './control/admin.controller';
import { BusinessAppService } from './control/business-app.service';
import { ContactSyncService } from './control/contact-sync.service';
import { CustomerService } from './control/customer.service';
import { BusinessAppController, CustomersController } from './control/customers.controller';
import { HistorySyncService } from './control/history-sync.service';
import { InspectionController } from './control/inspection.controller';
import { MediaAdminController } from './control/media-admin.controller';
import { MediaController } from './control/media.controller';
import { MetaAdminService } from './control/meta-admin.service';
import { MetaController } from './control/meta.controller';
import { SimulatorAdminService } from './control/simulator-admin.service';
import { GraphAuthGuard } from './graph/graph-auth.guard';
import { TemplateSubmissionService } from './graph/template-submission.service';
import { GraphObjectsService } from './graph/graph-objects.service';
import { GraphMediaController } from './graph/graph-media.controller';
import { GraphController } from './graph/graph.controller';
import { SendService } from './graph/send.service';
import { RateLimiterService } from './limits/rate-limiter.service';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from './simulator-options.types';
import { LedgerService } from './state/ledger.service';
import { SimStateService } from './state/sim-state.service';
import { EmbeddedSignupService } from './signup/embedded-signup.service';
import { SignupController } from './signup/signup.controller';
import { SignupControlController } from './signup/signup-control.controller';
import { StatusProgressionService } from './status/status-progression.service';
import { WebhookDispatcherService } from './webhooks/webhook-dispatcher.service';
import { WebhookEmitterService } from './webhooks/webhook-emitter.service';

@Module({})
export class SimulatorModule {
  static register(options: ResolvedSimulatorOptions): DynamicModule {
    return {
      module: SimulatorModule,
      // Control controllers come first: Graph's `/:version/:id` routes would otherwise
      // swallow `/_sim/...` paths.
      controllers: [
        CustomersController,
        BusinessAppController,
        MetaController,
        InspectionController,
        AdminController,
        MediaController,
        MediaAdminController,
        GraphMediaController,
        SignupControlController,
        SignupController,
        GraphController,
      ],
      providers: [
        { provide: SIM_OPTIONS, useValue: options },
        BehaviourService,
        SchedulerService,
        SimStateService,
        LedgerService,
        RateLimiterService,
        WebhookDispatcherService,
        WebhookEmitterService,
        StatusProgressionService,
        SendService,
        GraphObjectsService,
        TemplateSubmissionService,
        GraphAuthGuard,
        CustomerService,
        BusinessAppService,
        HistorySyncService,
        ContactSyncService,
        AccountEventsService,
        MetaAdminService,
        SimulatorAdminService,
        EmbeddedSignupService,
      ],
    };
  }
}
