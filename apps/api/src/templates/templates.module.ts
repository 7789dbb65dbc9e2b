import { Module } from '@nestjs/common';
import { TemplatesController } from './templates.controller';
import { TemplatesService } from './templates.service';
import { whatsAppClientProvider } from './whatsapp-client.provider';

/** Message templates per WhatsApp Business Account, synced from the Graph API. */
@Module({ controllers: [TemplatesController], providers: [TemplatesService, whatsAppClientProvider], exports: [TemplatesService] })
export class TemplatesModule {}
