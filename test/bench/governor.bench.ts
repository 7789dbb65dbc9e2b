// npm run bench:governor — 2,000 template sends at a 50 mps cap from 2 processes through
// the Redis throughput governor to the simulator. Reports achieved rate ÷ cap, the worst
// sliding 1 s window seen by the simulator, and its 130429 count.
import { fork, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@tandem/config';
import { PRODUCTION_TEST_SECRETS, simControlHeaders } from '../system/production-secrets';
import { freePort } from '../system/tandem-stack';
import { progress, worstSlidingWindow, writeReport } from './bench.util';

const CAP = 50;
const MESSAGES = 2000;
const PROCESSES = 2;
const NUMBER = { phoneNumberId: '900000000000001', wabaId: '900000000000000', displayPhoneNumber: '15550100001' };
const TEMPLATE = 'bench_ping';
const TOKEN = PRODUCTION_TEST_SECRETS.META_ACCESS_TOKEN;

async function main(): Promise<void> {
  const { REDIS_URL } = loadConfig(['redis']);
  // The simulator and the webhook sink run in processes of their own, as in production:
  // sharing an event loop with the load generator would skew the arrival times it measures.
  const [simPort, sinkPort] = await Promise.all([freePort(), freePort()]);
  const sink = spawn(process.execPath, ['-e', SINK], { env: { ...process.env, PORT: String(sinkPort) }, stdio: 'ignore' });
  const simProcess = spawn(process.execPath, [join(__dirname, '../../apps/simulator/dist/main.js')], {
    env: {
      ...process.env,
      ...PRODUCTION_TEST_SECRETS,
      SIMULATOR_PORT: String(simPort),
      SIMULATOR_WEBHOOK_URL: `http://127.0.0.1:${sinkPort}/`,
      META_ACCESS_TOKEN: TOKEN,
    },
    stdio: 'ignore',
  });
  const sim = { url: `http://127.0.0.1:${simPort}` };
  await waitUntilUp(`${sim.url}/_sim/numbers`);
  const post = (path: string, body: unknown) =>
    fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...simControlHeaders() },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    });
  // The simulator stamps arrivals on its own event loop; emitting ~150 status webhooks/s
  // during the run stalls that loop now and then, which bunches its arrival stamps (an
  // artifact Meta's edge does not have). Statuses are therefore held until after the run.
  await post('/_sim/config', { statusDelaysMs: { sent: 120_000, delivered: 120_000, read: 120_000 } });
  await post('/_sim/meta/numbers', { ...NUMBER, mode: 'cloud', capPerSecond: CAP, historyShared: false });
  await post('/_sim/meta/templates', {
    wabaId: NUMBER.wabaId,
    name: TEMPLATE,
    language: 'en_US',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Benchmark ping' }],
  });

  const recipients = Array.from({ length: MESSAGES }, (_, i) => `1555${String(2000000 + i).padStart(7, '0')}`);
  const keyPrefix = `bench:governor:${Date.now()}`;
  const children = Array.from({ length: PROCESSES }, (_, p) => {
    const child = fork(join(__dirname, 'governor-sender.ts'), [], { execArgv: ['-r', '@swc-node/register'] });
    child.send({
      redisUrl: REDIS_URL,
      keyPrefix,
      simUrl: sim.url,
      accessToken: TOKEN,
      phoneNumberId: NUMBER.phoneNumberId,
      cap: CAP,
      recipients: recipients.filter((_, i) => i % PROCESSES === p),
      template: TEMPLATE,
      concurrency: 3,
    });
    return child;
  });
  // Both senders warm up first, then start together.
  await Promise.all(children.map((c) => new Promise<void>((resolve) => c.once('message', () => resolve()))));
  const bar = progress(`sending at cap ${CAP}/s from ${PROCESSES} processes`, MESSAGES);
  let done = 0;
  const clientErrors: Record<string, number> = {};
  const started = Date.now();
  await Promise.all(
    children.map((child, p) => {
      child.on('message', (m: { ok: boolean; code?: number }) => {
        done++;
        if (!m.ok) clientErrors[String(m.code)] = (clientErrors[String(m.code)] ?? 0) + 1;
        bar.update(done);
      });
      child.send({ go: true });
      return new Promise<void>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sender ${p} exited ${code}`)))),
      );
    }),
  );
  bar.end();
  const elapsedMs = Date.now() - started;

  const ledger = (await (
    await fetch(`${sim.url}/_sim/ledger?phoneNumberId=${NUMBER.phoneNumberId}`, { headers: simControlHeaders() })
  ).json()) as {
    entries: { at: string; outcome: string; errorCode?: number }[];
  };
  const arrivals = ledger.entries.map((e) => Date.parse(e.at));
  // BENCH_DUMP=<file> keeps the simulator's arrival times for a closer look at the worst window.
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(arrivals));
  const accepted = ledger.entries.filter((e) => e.outcome === 'accepted').length;
  const throughputErrors = ledger.entries.filter((e) => e.errorCode === 130429).length;
  const spanS = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
  const achievedRate = (arrivals.length - 1) / spanS;
  const report = {
    cap: CAP,
    messages: MESSAGES,
    processes: PROCESSES,
    accepted,
    achievedRatePerSec: Number(achievedRate.toFixed(2)),
    achievedRatio: Number((achievedRate / CAP).toFixed(4)),
    worstWindow: worstSlidingWindow(arrivals),
    throughputErrors,
    clientErrors,
    elapsedMs,
  };
  console.table(report);
  const ok = await writeReport('governor', report, [
    { what: 'worst 1 s window at the simulator', value: report.worstWindow, limit: CAP, unit: 'messages', bound: 'max' },
    { what: '130429 (throughput) errors', value: throughputErrors, limit: 0, unit: '', bound: 'max' },
    { what: 'achieved rate / cap', value: report.achievedRatio, limit: 0.97, unit: '', bound: 'min' },
    { what: 'sends accepted', value: accepted, limit: MESSAGES, unit: '', bound: 'min' },
  ]);
  simProcess.kill('SIGTERM');
  sink.kill('SIGTERM');
  process.exit(ok ? 0 : 1);
}

const SINK = `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.writeHead(200).end()); }).listen(Number(process.env.PORT), '127.0.0.1');`;

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(url, { headers: simControlHeaders() }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
