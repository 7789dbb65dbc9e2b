import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@tandem/db';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { AdminTokenGuard } from './common/admin-token.guard';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { JourneysModule } from './journeys/journeys.module';
import { RedisModule } from './redis/redis.module';
import { RunsModule } from './runs/runs.module';
import { TemporalModule } from './temporal/temporal.module';
import { TemplatesModule } from './templates/templates.module';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions() }),
    RedisModule,
    TemporalModule,
    HealthModule,
    IntakeModule,
    CatalogueModule,
    TemplatesModule,
    JourneysModule,
    RunsModule,
    CampaignsModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: AdminTokenGuard }],
})
export class AppModule {}
