/**
 * Child process for the governor integration test: acquires slots in a few concurrent
 * loops until a deadline and reports every grant to the parent. Run with
 * `node -r @swc-node/register`.
 */
import Redis from 'ioredis';
import { ThroughputGovernor } from '../governor/throughput-governor.service';

export interface GovernorWorkerArgs {
  redisUrl: string;
  keyPrefix: string;
  phoneNumberId: string;
  capPerSecond: number;
  /** Epoch ms (shared machine clock) at which all workers start. */
  startAt: number;
  durationMs: number;
  concurrency: number;
}

export interface GovernorWorkerGrant {
  grantedAt: number;
  localAt: number;
  pid: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]) as GovernorWorkerArgs;
  const redis = new Redis(args.redisUrl);
  const governor = new ThroughputGovernor({ redis, keyPrefix: args.keyPrefix });
  const grants: GovernorWorkerGrant[] = [];
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, args.startAt - Date.now())));
  const deadline = args.startAt + args.durationMs;
  const loop = async () => {
    while (Date.now() < deadline) {
      const { grantedAt } = await governor.acquire({ phoneNumberId: args.phoneNumberId, capPerSecond: args.capPerSecond });
      grants.push({ grantedAt, localAt: Date.now(), pid: process.pid });
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, loop));
  redis.disconnect();
  process.send?.({ grants }, () => process.exit(0));
}

void main();
