import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { TemplatesModule } from '../templates/templates.module';
import { JourneyStatsService } from './journey-stats.service';
import { JourneyValidationService } from './journey-validation.service';
import { JourneyVersionsController } from './journey-versions.controller';
import { JourneyVersionsService } from './journey-versions.service';
import { JourneysController } from './journeys.controller';
import { JourneysService } from './journeys.service';

/** Journeys: drafts, validation, publishing, versions, lifecycle and per-version stats. */
@Module({
  imports: [CatalogueModule, TemplatesModule],
  controllers: [JourneysController, JourneyVersionsController],
  providers: [JourneysService, JourneyValidationService, JourneyVersionsService, JourneyStatsService],
  exports: [JourneysService, JourneyVersionsService, JourneyValidationService],
})
export class JourneysModule {}
