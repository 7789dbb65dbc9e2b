import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { WebhookController } from './webhook.controller';
import { WebhookIntakeService } from './webhook-intake.service';

/** Meta's webhook endpoint: raw body, signature check, durable store, hand-off to the ingest. */
@Module({
  imports: [IngestModule],
  controllers: [WebhookController],
  providers: [WebhookIntakeService],
})
export class WebhooksModule {}
