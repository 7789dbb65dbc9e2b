// One sending process of the governor benchmark: takes its share of recipients, waits
// for a governor slot before each send, and reports every outcome to the parent.
import Redis from 'ioredis';
import { GraphApiError, ThroughputGovernor, WhatsAppClient } from '@tandem/whatsapp';

interface Job {
  redisUrl: string;
  keyPrefix: string;
  simUrl: string;
  accessToken: string;
  phoneNumberId: string;
  cap: number;
  recipients: string[];
  template: string;
  concurrency: number;
}

process.once('message', (job: Job) => {
  run(job).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});

async function run(job: Job): Promise<void> {
  const redis = new Redis(job.redisUrl);
  const governor = new ThroughputGovernor({ redis, keyPrefix: job.keyPrefix });
  const client = new WhatsAppClient({ baseUrl: job.simUrl, graphVersion: 'v23.0', accessToken: job.accessToken });
  const queue = [...job.recipients];
  const worker = async () => {
    for (let to = queue.shift(); to !== undefined; to = queue.shift()) {
      await governor.acquire({ phoneNumberId: job.phoneNumberId, capPerSecond: job.cap, recipient: to });
      try {
        await client.sendMessage(job.phoneNumberId, to, { type: 'template', template: { name: job.template, language: { code: 'en_US' } } });
        process.send?.({ ok: true });
      } catch (err) {
        process.send?.({ ok: false, code: err instanceof GraphApiError ? err.code : -1 });
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  await redis.quit();
}
