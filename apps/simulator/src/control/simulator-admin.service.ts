import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { BehaviourService } from '../common/behaviour.service';
import { SchedulerService } from '../common/scheduler.service';
import { RateLimiterService } from '../limits/rate-limiter.service';
import { applyDemoSeed } from '../seed/demo-seed';
import { ResolvedSimulatorOptions, SIM_OPTIONS } from '../simulator-options.types';
import { LedgerService } from '../state/ledger.service';
import { SimStateService } from '../state/sim-state.service';
import { WebhookDispatcherService } from '../webhooks/webhook-dispatcher.service';

/** Whole-simulator operations: reset, seed, idle detection and the counters of `/_sim/stats`. */
@Injectable()
export class SimulatorAdminService {
  constructor(
    @Inject(SIM_OPTIONS) private readonly options: ResolvedSimulatorOptions,
    private readonly state: SimStateService,
    private readonly ledger: LedgerService,
    private readonly dispatcher: WebhookDispatcherService,
    private readonly scheduler: SchedulerService,
    private readonly limits: RateLimiterService,
    private readonly behaviour: BehaviourService,
  ) {}

  /** Drops every pending status and webhook, empties state and ledgers, then optionally seeds. */
  reset(options: { seed?: boolean; keepConfig?: boolean } = {}): void {
    this.scheduler.cancelAll();
    this.dispatcher.reset();
    this.ledger.reset();
    this.limits.reset();
    this.state.reset();
    if (!options.keepConfig) this.behaviour.reset();
    if (options.seed ?? this.options.seed) applyDemoSeed(this.state);
  }

  /** True when no status is scheduled and no webhook is queued, in flight or waiting to retry. */
  isIdle(): boolean {
    return this.scheduler.pending === 0 && this.dispatcher.isIdle();
  }

  async waitIdle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.isIdle()) {
      if (Date.now() >= deadline) return false;
      await sleep(10);
    }
    return true;
  }

  stats(): Record<string, unknown> {
    const sends = this.ledger.stats();
    const errorCodes: Record<string, number> = { ...sends.refusedByCode };
    for (const [code, n] of Object.entries(sends.asyncFailuresByCode)) errorCodes[code] = (errorCodes[code] ?? 0) + n;
    return {
      sends,
      errorCodes,
      webhooks: this.dispatcher.stats(),
      state: {
        numbers: this.state.numbers.size,
        contacts: this.state.contacts.size,
        templates: this.state.templates.size,
        conversations: this.state.conversations.size,
      },
      idle: this.isIdle(),
    };
  }
}
