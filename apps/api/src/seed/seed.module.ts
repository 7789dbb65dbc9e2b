import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@tandem/db';
import { AuthModule } from '../auth/auth.module';
import { JourneysModule } from '../journeys/journeys.module';
import { MetaModule } from '../meta/meta.module';
import { TemplatesModule } from '../templates/templates.module';
import { DemoSeedService } from './demo-seed.service';

/**
 * The seed's own application context: the database and the journey and template services
 * (with the audit log publishing records to), without the HTTP server, the webhook queues
 * or Temporal.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions({ poolSize: 2 }) }),
    AuthModule,
    JourneysModule,
    TemplatesModule,
    MetaModule,
  ],
  providers: [DemoSeedService],
})
export class SeedModule {}
