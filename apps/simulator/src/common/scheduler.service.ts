import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Timers the simulator owns (status progression, retries), so reset and shutdown can cancel them all. */
@Injectable()
export class SchedulerService implements OnApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly timers = new Set<NodeJS.Timeout>();

  schedule(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        task();
      } catch (error) {
        this.logger.error(`scheduled task failed: ${String(error)}`);
      }
    }, delayMs);
    this.timers.add(timer);
  }

  get pending(): number {
    return this.timers.size;
  }

  cancelAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  onApplicationShutdown(): void {
    this.cancelAll();
  }
}
