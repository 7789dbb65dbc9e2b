// npm run bench:reply — inbound message → first reply arriving at the simulator, p50/p99,
// at 20 inbound/s through the whole of Tandem (signed webhook → intake → dispatcher →
// Temporal journey → rules → governor → outbox → Cloud API), beside a raw minimal
// Temporal workflow doing the same single send, in the same run and on the same simulator.
import { loadConfig } from '@tandem/config';
import { startTandemStack } from '../system/tandem-stack';
import { percentile, writeReport } from './bench.util';
import { cpuWindow, type CpuUsage } from './cpu-usage.util';
import {
  customersWrite,
  edge,
  node,
  publishJourney,
  replyLatencies,
  stageBreakdown,
  startRawReceiver,
  BENCH_NUMBER,
} from './engine-bench.util';
import { startRawRuntime } from './raw/raw-runtime';

const PER_SEC = Number(process.env.BENCH_INBOUND_PER_SEC ?? 20);
const COUNT = Number(process.env.BENCH_REPLIES ?? 300);

async function main(): Promise<boolean> {
  const stack = await startTandemStack('bench_reply');
  try {
    await publishJourney(stack, 'Reply bench', (numberId) => ({
      schemaVersion: 1,
      entryNodeId: 'reply',
      triggers: [{ id: 'ping', kind: 'message.received', match: { kind: 'keywords', keywords: ['ping'], mode: 'exact' } }],
      nodes: [node('reply', 'core.send-text@1', { text: 'pong' }, 0), node('end', 'core.end@1', {}, 300)],
      edges: [edge('reply', 'main', 'end')],
      settings: { reEntry: 'always', onTeammateReply: 'ignore', timezone: 'UTC', numberId },
    }));
    // Warm-up: the first runs pay for connections and caches.
    await replyLatencies(stack, await customersWrite(stack, '4477009', 20, PER_SEC, 'ping'));

    console.log(`Tandem: ${COUNT} customers write "ping" at ${PER_SEC}/s …`);
    const tandemCpu = cpuWindow();
    const measured = await customersWrite(stack, '4477001', COUNT, PER_SEC, 'ping');
    const tandem = await replyLatencies(stack, measured);
    const tandemUsage = tandemCpu.stop();
    const stages = await stageBreakdown(stack, measured);
    console.log('median ms after the webhook reached the api:', stages);

    const { TEMPORAL_ADDRESS } = loadConfig(['temporal']);
    const raw = await startRawRuntime({
      address: TEMPORAL_ADDRESS,
      graphUrl: stack.simUrl,
      phoneNumberId: BENCH_NUMBER,
      token: stack.env.META_ACCESS_TOKEN ?? 'sim-access-token',
    });
    const receiver = await startRawReceiver(raw, 'rawReplyWorkflow');
    await stack.sim('/_sim/config', { body: { webhookUrl: receiver.url } });
    await replyLatencies(stack, await customersWrite(stack, '4477008', 20, PER_SEC, 'ping'));
    console.log(`raw workflow: ${COUNT} customers write "ping" at ${PER_SEC}/s …`);
    const rawCpu = cpuWindow();
    const rawLat = await replyLatencies(stack, await customersWrite(stack, '4477002', COUNT, PER_SEC, 'ping'));
    const rawUsage = rawCpu.stop();
    receiver.server.close();
    await raw.stop();

    const report = {
      inboundPerSec: PER_SEC,
      replies: COUNT,
      p50Ms: Math.round(percentile(tandem, 50)),
      p99Ms: Math.round(percentile(tandem, 99)),
      rawP50Ms: Math.round(percentile(rawLat, 50)),
      rawP99Ms: Math.round(percentile(rawLat, 99)),
      p50VsRaw: Number((percentile(tandem, 50) / percentile(rawLat, 50)).toFixed(2)),
      stagesMedianMs: stages,
      cpuMsPerMessage: cpuMsPerMessage(tandemUsage),
      rawCpuMsPerMessage: cpuMsPerMessage(rawUsage),
    };
    console.table(report);
    // Near 100 % × cores the machine is saturated and latency depends on queueing, not on the path.
    console.log(`CPU while Tandem answered: ${describeCpu(tandemUsage)}`);
    console.log(`CPU while the raw workflow answered: ${describeCpu(rawUsage)}`);
    return await writeReport('reply', { ...report, cpu: { tandem: tandemUsage, raw: rawUsage } }, [
      { what: 'first reply p50', value: report.p50Ms, limit: 150, unit: 'ms', bound: 'max' },
      { what: 'first reply p99', value: report.p99Ms, limit: 500, unit: 'ms', bound: 'max' },
      { what: 'first reply p50 / raw workflow p50', value: report.p50VsRaw, limit: 1.3, unit: '×', bound: 'max' },
      {
        what: "CPU per inbound message (with its reply's status webhooks)",
        value: report.cpuMsPerMessage,
        limit: 70,
        unit: 'ms',
        bound: 'max',
      },
    ]);
  } finally {
    await stack.stop();
  }
}

/** CPU milliseconds the system (Tandem or raw path, simulator and load generator) spent per message. */
function cpuMsPerMessage(usage: CpuUsage): number {
  return Math.round(((usage.totalPercent / 100) * usage.seconds * 1000) / COUNT);
}

function describeCpu(usage: CpuUsage): string {
  const groups = Object.entries(usage.percentByGroup)
    .filter(([g, pct]) => g !== 'other' && pct > 0)
    .map(([g, pct]) => `${g} ${pct} %`);
  return `${usage.totalPercent} % of ${usage.cores * 100} % over ${usage.seconds} s (${groups.join(', ')}), ${cpuMsPerMessage(usage)} ms per message`;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
