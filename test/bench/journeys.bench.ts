// npm run bench:journeys — journeys completed per second: N runs started by API of a
// four-step journey (set attribute → condition → send template → end), beside a raw
// minimal Temporal workflow with the same number of activities and the same send.
import { loadConfig } from '@tandem/config';
import { startTandemStack, type TandemStack } from '../system/tandem-stack';
import { progress, writeReport } from './bench.util';
import { BENCH_NUMBER, edge, node, publishJourney } from './engine-bench.util';
import { startRawRuntime } from './raw/raw-runtime';

const RUNS = Number(process.env.BENCH_JOURNEYS ?? 300);
const START_CONCURRENCY = 16;

async function main(): Promise<void> {
  const stack = await startTandemStack('bench_journeys');
  try {
    const journeyId = await publishJourney(stack, 'Journeys bench', (numberId) => ({
      schemaVersion: 1,
      entryNodeId: 'plan',
      triggers: [{ id: 'api', kind: 'api' }],
      nodes: [
        node('plan', 'core.set-attribute@1', { key: 'plan', value: 'pro' }, 0),
        node(
          'is-pro',
          'core.condition@1',
          { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'eq', value: 'pro' }] },
          300,
        ),
        node('hello', 'core.send-template@1', { name: 'welcome_back', language: 'en_US' }, 600),
        node('end', 'core.end@1', {}, 900),
      ],
      edges: [
        edge('plan', 'main', 'is-pro'),
        edge('is-pro', 'true', 'hello'),
        edge('is-pro', 'false', 'end'),
        edge('hello', 'main', 'end'),
      ],
      settings: { reEntry: 'always', onTeammateReply: 'ignore', timezone: 'UTC', numberId },
    }));
    const tandemPerSec = await runTandem(stack, journeyId);

    const { TEMPORAL_ADDRESS } = loadConfig(['temporal']);
    const raw = await startRawRuntime({
      address: TEMPORAL_ADDRESS,
      graphUrl: stack.simUrl,
      phoneNumberId: BENCH_NUMBER,
      token: stack.env.META_ACCESS_TOKEN ?? 'sim-access-token',
    });
    const started = performance.now();
    const bar = progress('raw minimal workflows', RUNS);
    let done = 0;
    await pool(RUNS, START_CONCURRENCY, async (i) => {
      await raw.client.workflow.execute('rawJourneyWorkflow', {
        taskQueue: raw.taskQueue,
        workflowId: `raw-journey-${process.pid}-${i}`,
        args: [waIdOf('4477005', i)],
      });
      bar.update(++done);
    });
    bar.end();
    const rawPerSec = RUNS / ((performance.now() - started) / 1000);
    await raw.stop();

    const report = { runs: RUNS, journeysPerSec: round(tandemPerSec), rawPerSec: round(rawPerSec), ratio: round(tandemPerSec / rawPerSec) };
    console.table(report);
    await writeReport('journeys', report);
  } finally {
    await stack.stop();
  }
}

async function runTandem(stack: TandemStack, journeyId: string): Promise<number> {
  const started = performance.now();
  // Completions are counted while the runs are still being started: the rate shown is since the first start.
  const bar = progress('Tandem journeys completed', RUNS);
  let startError: unknown;
  const starting = pool(RUNS, START_CONCURRENCY, async (i) => {
    const res = await stack.api(`/api/journeys/${journeyId}/runs`, { body: { waId: waIdOf('4477004', i), idempotencyKey: `bench-${i}` } });
    if (res.status !== 202) throw new Error(`start run: ${res.status} ${JSON.stringify(res.body)}`);
  }).catch((error: unknown) => {
    startError = error;
  });
  for (;;) {
    if (startError) throw startError;
    const page = await stack.api<{ total?: number }>(`/api/runs?journeyId=${journeyId}&status=completed&limit=1`);
    const completed = page.body.total ?? 0;
    bar.update(completed);
    if (completed >= RUNS) break;
    if (performance.now() - started > 600_000) throw new Error(`only ${completed}/${RUNS} journeys completed in 10 min`);
    await new Promise((r) => setTimeout(r, 250));
  }
  bar.end();
  await starting;
  return RUNS / ((performance.now() - started) / 1000);
}

const waIdOf = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`;
const round = (n: number) => Math.round(n * 100) / 100;

async function pool(count: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await fn(i);
    }),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
