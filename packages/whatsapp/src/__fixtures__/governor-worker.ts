/**
 * Child process for the governor integration test: says it is ready, waits for the parent's
 * `go` (so every process starts together however long each took to load), acquires a fixed
 * number of slots in a few concurrent loops and reports every grant. Run with
 * `node -r @swc-node/register`.
 */
import Redis from 'ioredis';
import { ThroughputGovernor } from '../governor/throughput-governor.service';

export interface GovernorWorkerArgs {
  redisUrl: string;
  keyPrefix: string;
  phoneNumberId: string;
  capPerSecond: number;
  grantsPerLoop: number;
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
  await governor.currentRate(args.phoneNumberId); // connected and the scripts loaded before `ready`
  const go = new Promise((resolve) => process.once('message', resolve));
  process.send?.('ready');
  await go;
  const loop = async () => {
    for (let i = 0; i < args.grantsPerLoop; i++) {
      const { grantedAt, done } = await governor.acquire({ phoneNumberId: args.phoneNumberId, capPerSecond: args.capPerSecond });
      await done();
      grants.push({ grantedAt, localAt: Date.now(), pid: process.pid });
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, loop));
  redis.disconnect();
  process.send?.({ grants }, () => process.exit(0));
}

void main();
