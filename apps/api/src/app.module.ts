import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@tandem/db';
import { AuthModule } from './auth/auth.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CredentialsModule } from './credentials/credentials.module';
import { ConversationsModule } from './conversations/conversations.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { HealthModule } from './health/health.module';
import { IngestModule } from './ingest/ingest.module';
import { InboxModule } from './inbox/inbox.module';
import { JourneysModule } from './journeys/journeys.module';
import { MediaModule } from './media/media.module';
import { MetaModule } from './meta/meta.module';
import { NumbersModule } from './numbers/numbers.module';
import { RedisModule } from './redis/redis.module';
import { RunsModule } from './runs/runs.module';
import { TemporalModule } from './temporal/temporal.module';
import { TemplatesModule } from './templates/templates.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { OptOutModule } from './opt-out/opt-out.module';
import { AlertsModule } from './alerts/alerts.module';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions() }),
    RedisModule,
    AuthModule,
    TemporalModule,
    HealthModule,
    WebhooksModule,
    IngestModule,
    ConversationsModule,
    NumbersModule,
    DeliveriesModule,
    CatalogueModule,
    TemplatesModule,
    JourneysModule,
    RunsModule,
    CampaignsModule,
    CredentialsModule,
    MediaModule,
    MetaModule,
    InboxModule,
    OptOutModule,
    AlertsModule,
  ],
})
export class AppModule {}
