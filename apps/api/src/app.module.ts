import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@tandem/db';
import { AdminTokenGuard } from './common/admin-token.guard';
import { HealthModule } from './health/health.module';
import { IntakeModule } from './intake/intake.module';
import { RedisModule } from './redis/redis.module';
import { TemporalModule } from './temporal/temporal.module';

@Module({
  imports: [TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions() }), RedisModule, TemporalModule, HealthModule, IntakeModule],
  providers: [{ provide: APP_GUARD, useClass: AdminTokenGuard }],
})
export class AppModule {}
