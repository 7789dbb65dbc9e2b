import { Module } from '@nestjs/common';
import { TemplatesController } from './templates.controller';
import { TemplateSubmissionService } from './template-submission.service';
import { TemplatesService } from './templates.service';

/** Message templates per WhatsApp Business Account: synced from the Graph API and submitted to it (WhatsAppClient from MetaModule). */
@Module({
  controllers: [TemplatesController],
  providers: [TemplatesService, TemplateSubmissionService],
  exports: [TemplatesService],
})
export class TemplatesModule {}
