import { Module } from '@nestjs/common';
import { TemplatesController } from './templates.controller';
import { TemplateSubmissionService } from './template-submission.service';
import { TemplatesService } from './templates.service';
import { whatsAppClientProvider } from './whatsapp-client.provider';

/** Message templates per WhatsApp Business Account, synced from the Graph API. */
@Module({
  controllers: [TemplatesController],
  providers: [TemplatesService, TemplateSubmissionService, whatsAppClientProvider],
  exports: [TemplatesService],
})
export class TemplatesModule {}
