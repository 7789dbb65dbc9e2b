import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { type GovernorClock, systemClock } from './governor-clock';
import { CURRENT_RATE_SCRIPT, RELEASE_SLOT_SCRIPT, RESERVE_SLOT_SCRIPT } from './governor-scripts.util';
import { RedisScript } from './redis-script.util';
import { SendLog } from './send-log';
import { slotSpacing } from './slot-spacing.util';

const reserveSlot = new RedisScript(RESERVE_SLOT_SCRIPT);
const currentRate = new RedisScript(CURRENT_RATE_SCRIPT);
const releaseSlot = new RedisScript(RELEASE_SLOT_SCRIPT);

export interface ThroughputGovernorOptions {
  /** A dedicated or shared ioredis connection (not in subscriber mode). */
  redis: Redis;
  /** Prefix of every key, e.g. `tandem:gov`. Use a unique one per test. */
  keyPrefix: string;
  /**
   * Room in the schedule for a send's late wake-up plus its round trip before the sends
   * after it start to slip (see slot-spacing.util.ts). Default per cap: half a slot,
   * 25 … 80 ms (≥ 92.5 % of the cap).
   */
  jitterBudgetMs?: number;
  /** Pair guard: one message to the same recipient per this period. Default 6000 ms (reference §8). */
  pairPeriodMs?: number;
  /** Pair guard: messages to one recipient allowed back to back before the period applies. Default 20. */
  pairBurst?: number;
  /**
   * How long a send may stay unanswered before the governor stops counting it (a caller
   * that crashed before calling `done`). Default 16 s: the WhatsApp client's 15 s timeout.
   */
  maxFlightMs?: number;
  /** Where time comes from. Default {@link systemClock}: the wall clock and Redis's `TIME`. */
  clock?: GovernorClock;
}

export interface AcquireRequest {
  phoneNumberId: string;
  /** Configured throughput of the number (messages per second), e.g. 20 for coexistence. */
  capPerSecond: number;
  /** Phone or BSUID; enables the pair-rate guard for this (number, recipient). */
  recipient?: string;
  /** Aborting rejects (AbortError) and gives a reserved slot back. */
  signal?: AbortSignal;
}

export interface AcquireResult {
  /** The granted slot, epoch ms on the schedule's clock (Redis's, unless a test clock is injected). */
  grantedAt: number;
  /** Time spent waiting inside `acquire`. */
  waitedMs: number;
  /**
   * Call when the send's answer (or error) came back. Until then the send counts as
   * possibly still on its way to Meta, holding back the next ones (up to `maxFlightMs`).
   */
  done(): Promise<void>;
}

type ScriptReply = [number, number, number, number?];

/**
 * Paces sends per phone number across every process through Redis, so that Meta never
 * counts more than the cap in any second at its edge. `acquire` resolves when the caller
 * may send now; it waits as long as needed and never fails because of load. Two steps: an
 * evenly spaced slot (the plan), then, at the slot, the send log (the guarantee: a send
 * goes only if fewer than `cap` earlier sends may have reached Meta within the last second
 * — an unanswered one counts as possibly arriving any moment). Call `done` once answered.
 * @example
 * const governor = new ThroughputGovernor({ redis, keyPrefix: 'tandem:gov' });
 * const slot = await governor.acquire({ phoneNumberId, capPerSecond: 20, recipient: waId });
 * try { await client.sendMessage(phoneNumberId, waId, message); } finally { await slot.done(); }
 */
export class ThroughputGovernor {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly jitterBudgetMs: number | undefined;
  private readonly pairPeriodUs: number;
  private readonly pairBurst: number;
  private readonly maxFlightUs: number;
  private readonly clock: GovernorClock;

  constructor(options: ThroughputGovernorOptions) {
    this.redis = options.redis;
    this.prefix = options.keyPrefix;
    this.jitterBudgetMs = options.jitterBudgetMs;
    this.pairPeriodUs = (options.pairPeriodMs ?? 6000) * 1000;
    this.pairBurst = options.pairBurst ?? 20;
    this.maxFlightUs = (options.maxFlightMs ?? 16_000) * 1000;
    this.clock = options.clock ?? systemClock;
    if (this.jitterBudgetMs !== undefined) slotSpacing(1, this.jitterBudgetMs); // throws on a bad budget
    if (!(this.pairBurst >= 1) || !(this.pairPeriodUs > 0)) throw new RangeError('pairBurst ≥ 1 and pairPeriodMs > 0');
  }

  async acquire(request: AcquireRequest): Promise<AcquireResult> {
    const cap = request.capPerSecond;
    const { intervalUs, windowUs } = slotSpacing(cap, this.jitterBudgetMs);
    const clock = this.clock;
    const started = clock.now();
    const keys = this.keys(request.phoneNumberId, request.recipient);
    const sends = new SendLog(this.redis, keys.sent, this.maxFlightUs);
    for (;;) {
      request.signal?.throwIfAborted();
      const member = randomUUID();
      const askedAt = clock.now();
      const [granted, waitUs, slotUs, tatUs] = (await reserveSlot.run(
        this.redis,
        [keys.log, keys.last, keys.pair],
        [
          cap,
          intervalUs,
          windowUs,
          member,
          request.recipient === undefined ? '0' : '1',
          this.pairPeriodUs,
          this.pairBurst,
          this.scheduleNow(),
        ],
      )) as ScriptReply;
      const answeredAt = clock.now();
      if (granted === 1) {
        // The slot on this process's clock. Not "answer + wait": a reply that sat in a busy
        // event loop would move the slot later by that delay.
        const slotAt = localSlotMs(slotUs, waitUs, askedAt, answeredAt);
        const release = () =>
          releaseSlot.run(this.redis, [keys.log, keys.last, keys.pair], [member, slotUs, intervalUs, tatUs ?? 0, this.pairPeriodUs]);
        await this.sleepHolding(slotAt - clock.now(), request.signal, release);
        // A late wake-up keeps its slot: the send log decides, and a send it holds back waits
        // (polling while the blocking send is unanswered) rather than going over the cap.
        for (;;) {
          const waitUs = await sends.commit(cap, member, this.scheduleNow());
          if (waitUs === 0) break;
          await this.sleepHolding(Math.min(waitUs / 1000, pollMs(intervalUs)), request.signal, release);
        }
        return { grantedAt: slotUs / 1000, waitedMs: clock.now() - started, done: () => sends.done(member, this.scheduleNow()) };
      }
      await clock.sleep(Math.max(1, waitUs / 1000), request.signal);
    }
  }

  /** Slots granted for the number in the last second (for the studio). */
  async currentRate(phoneNumberId: string): Promise<number> {
    return Number(await currentRate.run(this.redis, [this.keys(phoneNumberId).log], [this.scheduleNow()]));
  }

  private scheduleNow(): string {
    const us = this.clock.scheduleNowUs();
    return us === undefined ? '' : String(Math.round(us));
  }

  /** Sleeps until a reserved slot; on abort gives the slot back (fewer sends never break the cap). */
  private async sleepHolding(ms: number, signal: AbortSignal | undefined, release: () => Promise<unknown>): Promise<void> {
    if (ms <= 0) return;
    try {
      await this.clock.sleep(ms, signal);
    } catch (error) {
      await release();
      throw error;
    }
  }

  private keys(phoneNumberId: string, recipient?: string) {
    // Hash tag keeps a number's keys in one cluster slot; recipients are hashed so
    // phone numbers never appear in key names.
    const base = `${this.prefix}:{${phoneNumberId}}`;
    const who = recipient === undefined ? '-' : createHash('sha256').update(recipient).digest('hex').slice(0, 24);
    return { log: `${base}:log`, last: `${base}:last`, sent: `${base}:sent`, pair: `${base}:pair:${who}` };
  }
}

/**
 * A slot (Redis clock, µs) on the local wall clock, ms. Redis stamped its "now" (slot − wait)
 * between `askedAt` and `answeredAt` on a synchronized clock; a Redis clock outside that
 * interval is skewed by at least the distance, which is corrected.
 */
export function localSlotMs(slotUs: number, waitUs: number, askedAt: number, answeredAt: number): number {
  const redisNow = (slotUs - waitUs) / 1000;
  const skew = redisNow < askedAt ? askedAt - redisNow : redisNow > answeredAt ? answeredAt - redisNow : 0;
  return slotUs / 1000 + skew;
}

/** How often a held-back send asks again: an eighth of a slot, 2 … 10 ms. */
function pollMs(intervalUs: number): number {
  return Math.min(10, Math.max(2, intervalUs / 8000));
}
