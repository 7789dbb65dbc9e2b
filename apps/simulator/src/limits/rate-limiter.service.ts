import { Injectable } from '@nestjs/common';
import { BehaviourService } from '../common/behaviour.service';
import type { SimContact, SimNumber } from '../state/sim-state.types';
import { GcraDecision, PairRateLimiter } from './pair-rate.util';
import { SlidingWindowCounter } from './throughput.util';

/** Per-number throughput (sliding 1 s window) and per-pair rate (GCRA), both in memory. */
@Injectable()
export class RateLimiterService {
  private readonly throughput = new SlidingWindowCounter(1000);
  private readonly pairs = new PairRateLimiter();

  constructor(private readonly behaviour: BehaviourService) {}

  /** Counts a send arriving on the number; false when the number's cap is exceeded. */
  hitThroughput(number: SimNumber, now: number): boolean {
    return this.throughput.hit(number.phoneNumberId, now, number.capPerSecond);
  }

  takePair(number: SimNumber, contact: SimContact, now: number): GcraDecision {
    const { intervalMs, burst } = this.behaviour.current.pairRate;
    return this.pairs.take(`${number.phoneNumberId}:${contact.id}`, now, intervalMs, burst);
  }

  reset(): void {
    this.throughput.clear();
    this.pairs.clear();
  }
}
