import type { Redis } from 'ioredis';
import { COMMIT_SEND_SCRIPT, SEND_DONE_SCRIPT } from './governor-scripts.util';
import { RedisScript } from './redis-script.util';

const commitSend = new RedisScript(COMMIT_SEND_SCRIPT);
const sendDone = new RedisScript(SEND_DONE_SCRIPT);

const SECOND_US = 1_000_000;

/**
 * A number's log of sends, each scored with the latest time it can have reached Meta (see
 * COMMIT_SEND_SCRIPT): the governor's last check before a send, and where the send's answer
 * is recorded. `now` is the schedule's clock in µs ('' = Redis `TIME`).
 */
export class SendLog {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly maxFlightUs: number,
  ) {}

  /** Records a send about to go out: 0 when recorded, else the µs until one would fit. */
  async commit(cap: number, member: string, now: string): Promise<number> {
    const reply = (await commitSend.run(this.redis, [this.key], [cap, SECOND_US, member, now, this.maxFlightUs])) as [number, number];
    return reply[0] === 1 ? 0 : Math.max(1, reply[1]);
  }

  /** The send's answer came back (or it failed): it reached Meta, if at all, before now. */
  async done(member: string, now: string): Promise<void> {
    await sendDone.run(this.redis, [this.key], [member, now]);
  }
}
