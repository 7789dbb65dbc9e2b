import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { BusinessNumber } from '@tandem/db';
import { DataSource } from 'typeorm';
import { alertNumberHealth } from '../alerts/number-health-alerts.util';
import { computeNumberHealth, type NumberHealth } from './number-health.util';

/**
 * Computes number health on read (REST) and on a schedule (HEALTH_CHECK_INTERVAL_SECONDS).
 * The scheduled check stores the result on the number and logs every change, so a number
 * going silent or at risk is noticed even when nobody is looking at the studio.
 */
@Injectable()
export class NumberHealthService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NumberHealthService.name);
  private readonly cfg = loadConfig(['api']);
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    const check = () => {
      this.checkAll().catch((err: unknown) => this.logger.error(`health check failed: ${String(err)}`));
    };
    check();
    this.timer = setInterval(check, this.cfg.HEALTH_CHECK_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  health(number: BusinessNumber, now = new Date()): NumberHealth {
    return computeNumberHealth(number, now, this.cfg.HEALTH_SILENT_AFTER_MINUTES * 60 * 1000);
  }

  /**
   * Recomputes every number; stores and logs the ones whose health changed (returns those),
   * and raises or resolves their health alerts.
   */
  async checkAll(now = new Date()): Promise<{ number: BusinessNumber; health: NumberHealth }[]> {
    const repo = this.dataSource.getRepository(BusinessNumber);
    const changed: { number: BusinessNumber; health: NumberHealth }[] = [];
    for (const number of await repo.find()) {
      const health = this.health(number, now);
      await alertNumberHealth(this.dataSource.manager, number, health, now);
      const reasons = health.issues.map((i) => i.code);
      const stored = number.health;
      if (stored && stored.status === health.status && stored.reasons.join() === reasons.join()) continue;
      // Merged in SQL, not written whole: the worker's `sendBlocked` (set or lifted meanwhile) stays as it is now.
      await this.dataSource.query(
        `UPDATE business_numbers SET health = coalesce(health, '{}'::jsonb) - 'status' - 'reasons' - 'checkedAt' || $2::jsonb WHERE id = $1`,
        [number.id, { status: health.status, reasons, checkedAt: health.checkedAt }],
      );
      changed.push({ number, health });
      const detail = health.issues.map((i) => i.message).join(' ') || health.reason || '';
      const log = `number ${number.displayPhoneNumber} (${number.phoneNumberId}) is ${health.status} ${detail}`.trim();
      if (health.status === 'connected') this.logger.log(log);
      else this.logger.warn(log);
    }
    return changed;
  }
}
