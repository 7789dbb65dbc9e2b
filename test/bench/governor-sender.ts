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
  warmUp(job)
    .then(
      () =>
        new Promise<void>((resolve) => {
          process.send?.({ ready: true });
          process.once('message', () => resolve());
        }),
    )
    .then(() => run(job))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
});

/**
 * A long-running worker has its connections open and its code compiled; a fresh process
 * does not, and its first second is jittery. Warm up before the measured run: open the
 * HTTP connections, load the governor's script, compile the client's validation.
 */
async function warmUp(job: Job): Promise<void> {
  const redis = new Redis(job.redisUrl);
  await new ThroughputGovernor({ redis, keyPrefix: `${job.keyPrefix}:warm` }).currentRate(job.phoneNumberId);
  await redis.quit();
  const client = new WhatsAppClient({ baseUrl: job.simUrl, graphVersion: 'v23.0', accessToken: job.accessToken });
  for (let round = 0; round < 20; round++) {
    await Promise.all(Array.from({ length: job.concurrency }, () => client.getPhoneNumber(job.phoneNumberId, ['display_phone_number'])));
  }
}

async function run(job: Job): Promise<void> {
  const redis = new Redis(job.redisUrl);
  const governor = new ThroughputGovernor({ redis, keyPrefix: job.keyPrefix });
  const client = new WhatsAppClient({ baseUrl: job.simUrl, graphVersion: 'v23.0', accessToken: job.accessToken });
  const queue = [...job.recipients];
  const worker = async () => {
    for (let to = queue.shift(); to !== undefined; to = queue.shift()) {
      const slot = await governor.acquire({ phoneNumberId: job.phoneNumberId, capPerSecond: job.cap, recipient: to });
      try {
        await client
          .sendMessage(job.phoneNumberId, to, {
            type: 'template',
            template: { name: job.template, language: { code: 'en_US' } },
          })
          .finally(() => slot.done());
        process.send?.({ ok: true });
      } catch (err) {
        process.send?.({ ok: false, code: err instanceof GraphApiError ? err.code : -1 });
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  await redis.quit();
}
