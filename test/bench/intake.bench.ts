// npm run bench:intake — 20,000 signed webhook deliveries (10 % duplicated, statuses
// shuffled) at 1,000/s (BENCH_RATE) into the real api, with a `kill -9` of the api halfway and a
// restart; ack latency beside a bare signature-checking node:http server in the same
// run; then checks the store holds exactly the expected messages and final statuses.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from '@tandem/testing';
import { PRODUCTION_TEST_SECRETS } from '../system/production-secrets';
import { percentile, progress, writeReport } from './bench.util';
import { NUMBER, type Plan, planDeliveries } from './intake-payloads';
import { deliverAll, summarize } from './load.util';

const TOTAL = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const CONTACTS = 800;
const SECRET = PRODUCTION_TEST_SECRETS.META_APP_SECRET;
/** Bootstraps the bench's only admin (the env token opens no route). */
const TOKEN = PRODUCTION_TEST_SECRETS.TANDEM_ADMIN_TOKEN;
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const plan = planDeliveries(TOTAL, CONTACTS);
  console.log(
    `${plan.bodies.length} deliveries: ${plan.inboundWamids.length} inbound messages, ${plan.outbound.length * 3} statuses, 10 % duplicates`,
  );

  const baseline = await startBaseline();
  const bar1 = progress('baseline (signature check only)', TOTAL);
  const base = await deliverAll({
    url: baseline.url,
    bodies: plan.bodies,
    secret: SECRET,
    ratePerSec: RATE,
    maxInFlight: 64,
    onProgress: (n) => bar1.update(n),
  });
  bar1.end();
  baseline.child.kill('SIGTERM');

  const db = await createTestDatabase('bench_intake');
  const port = 3900 + (process.pid % 50);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    ...PRODUCTION_TEST_SECRETS,
    DATABASE_URL: db.url,
    API_PORT: String(port),
    QUEUE_PREFIX: `bench-intake-${process.pid}`,
    META_APP_SECRET: SECRET,
    TANDEM_ADMIN_TOKEN: TOKEN,
    INTAKE_SWEEP_INTERVAL_SECONDS: '5',
  };
  let api = await startApi(env, port);
  const numberId = await registerNumber(port);
  const url = `http://127.0.0.1:${port}/webhooks/whatsapp`;
  // A second, disjoint batch is delivered while the api is killed with SIGKILL and restarted.
  const chaos = planDeliveries(Math.round(TOTAL / 4), CONTACTS, 'chaos');
  await seedOutbound(db.dataSource, numberId, [...plan.outbound, ...chaos.outbound]);

  const bar2 = progress('api: measured run', TOTAL);
  const load = await deliverAll({
    url,
    bodies: plan.bodies,
    secret: SECRET,
    ratePerSec: RATE,
    maxInFlight: 64,
    onProgress: (n) => bar2.update(n),
  });
  bar2.end();

  const bar3 = progress('api: kill -9 at 30 % of a second batch, restart', chaos.bodies.length);
  let restartMs = 0;
  const chaosLoad = await deliverAll({
    url,
    bodies: chaos.bodies,
    secret: SECRET,
    ratePerSec: RATE,
    maxInFlight: 64,
    onProgress: (n) => bar3.update(n),
    at: {
      acked: Math.floor(chaos.bodies.length * 0.3),
      run: async () => {
        const killedAt = Date.now();
        api.kill('SIGKILL');
        api = await startApi(env, port);
        restartMs = Date.now() - killedAt;
      },
    },
  });
  bar3.end();

  // The load is over: how long until every accepted delivery is processed.
  const processedAfterLoadS = await waitForProcessing(db.dataSource);
  const check = await verifyStore(db.dataSource, merge(plan, chaos));
  const apiLat = summarize(load);
  const baseLat = summarize(base);
  const report = {
    deliveries: TOTAL,
    ratePerSec: Math.round(load.ratePerSec),
    ackP50Ms: apiLat.p50,
    ackP99Ms: apiLat.p99,
    baselineP50Ms: baseLat.p50,
    baselineP99Ms: baseLat.p99,
    baselineRatePerSec: Math.round(base.ratePerSec),
    ackP999Ms: Math.round(percentile(load.latenciesMs, 99.9) * 100) / 100,
    chaosDeliveries: chaos.bodies.length,
    redeliveriesAfterKill: chaosLoad.redeliveries,
    lost: check.lost,
    duplicated: check.duplicated,
    expectedInbound: plan.inboundWamids.length + chaos.inboundWamids.length,
    storedInbound: check.storedInbound,
    expectedFinalStatuses: plan.outbound.length + chaos.outbound.length,
    storedFinalStatuses: check.finalRead,
    apiRestartMs: restartMs,
    processedAfterLoadS,
  };
  console.table(report);
  const ok = await writeReport('intake', report, [
    { what: 'deliveries lost', value: report.lost, limit: 0, unit: '', bound: 'max' },
    { what: 'deliveries applied twice', value: report.duplicated, limit: 0, unit: '', bound: 'max' },
    { what: 'accepted rate / offered rate', value: Number((load.ratePerSec / RATE).toFixed(3)), limit: 0.98, unit: '', bound: 'min' },
    { what: 'ack p99', value: apiLat.p99, limit: 100, unit: 'ms', bound: 'max' },
    { what: 'all accepted deliveries processed after the load ended', value: processedAfterLoadS, limit: 30, unit: 's', bound: 'max' },
  ]);
  api.kill('SIGTERM');
  await db.close();
  process.exit(ok ? 0 : 1);
}

async function startBaseline(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(__dirname, 'signature-baseline.ts'), [SECRET], { execArgv: ['-r', '@swc-node/register'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m: { port: number }) => resolve(m.port)));
  return { child, url: `http://127.0.0.1:${port}/` };
}

async function startApi(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      () => true,
      () => false,
    );
    if (up) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('api did not start');
}

/** Creates the first admin with the bootstrap token and signs in: the session cookie. */
async function signInAdmin(port: number): Promise<string> {
  const post = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const boot = await post('/api/auth/bootstrap', { adminToken: TOKEN, ...ADMIN });
  if (boot.status !== 204) throw new Error(`bootstrap: ${boot.status} ${await boot.text()}`);
  const signIn = await post('/api/auth/sign-in', ADMIN);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('tandem_session='));
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  return cookie;
}

async function registerNumber(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/numbers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await signInAdmin(port) },
    body: JSON.stringify({
      phoneNumberId: NUMBER.phoneNumberId,
      wabaId: NUMBER.wabaId,
      displayPhoneNumber: NUMBER.display,
      mode: 'coexistence',
      onboardedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    }),
  });
  if (res.status !== 201) throw new Error(`register number: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

type Db = Awaited<ReturnType<typeof createTestDatabase>>['dataSource'];

/** The messages "the engine sent earlier", which the statuses refer to. */
async function seedOutbound(ds: Db, numberId: string, outbound: { wamid: string; waId: string }[]): Promise<void> {
  const [{ workspace_id }] = await ds.query('SELECT workspace_id FROM business_numbers WHERE id = $1', [numberId]);
  const waIds = [...new Set(outbound.map((o) => o.waId))];
  await ds.query(`INSERT INTO contacts (workspace_id, number_id, wa_id) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`, [
    workspace_id,
    numberId,
    waIds,
  ]);
  await ds.query(
    `INSERT INTO messages (workspace_id, number_id, contact_id, wamid, direction, source, type, payload, meta_timestamp, status)
     SELECT $1, $2, c.id, o.wamid, 'api', 'live', 'text', '{}', now(), 'accepted'
     FROM unnest($3::text[], $4::text[]) AS o(wamid, wa_id) JOIN contacts c ON c.number_id = $2 AND c.wa_id = o.wa_id`,
    [workspace_id, numberId, outbound.map((o) => o.wamid), outbound.map((o) => o.waId)],
  );
}

function merge(a: Plan, b: Plan): Plan {
  return {
    bodies: [...a.bodies, ...b.bodies],
    inboundWamids: [...a.inboundWamids, ...b.inboundWamids],
    outbound: [...a.outbound, ...b.outbound],
    finalStatus: new Map([...a.finalStatus, ...b.finalStatus]),
  };
}

/** Waits until no stored delivery is pending or failed; resolves with the seconds it took. */
async function waitForProcessing(ds: Db): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < 900; i++) {
    const [{ open, total }] = await ds.query(
      `SELECT count(*) FILTER (WHERE outcome IN ('pending', 'failed'))::int AS open, count(*)::int AS total FROM webhook_deliveries`,
    );
    if (i % 5 === 0 || open === 0)
      console.log(`processing: ${total - open}/${total} stored deliveries processed (${Math.round((Date.now() - started) / 1000)} s)`);
    if (open === 0 && total > 0) return Math.round((Date.now() - started) / 100) / 10;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('deliveries still unprocessed after 15 min');
}

async function verifyStore(ds: Db, plan: Plan) {
  const [{ n: storedInbound }] = await ds.query(
    `SELECT count(DISTINCT wamid)::int AS n FROM messages WHERE direction = 'inbound' AND wamid = ANY($1)`,
    [plan.inboundWamids],
  );
  const [{ n: inboundRows }] = await ds.query(`SELECT count(*)::int AS n FROM messages WHERE direction = 'inbound'`);
  const [{ n: finalRead }] = await ds.query(`SELECT count(*)::int AS n FROM messages WHERE direction = 'api' AND status = 'read'`);
  const [{ n: timelineDupes }] = await ds.query(
    `SELECT count(*)::int AS n FROM messages m WHERE direction = 'api' AND jsonb_array_length(m.status_timeline) >
       (SELECT count(DISTINCT e->>'status') FROM jsonb_array_elements(m.status_timeline) e)`,
  );
  const [{ n: eventDupes }] = await ds.query(
    `SELECT (count(*) - count(DISTINCT payload->>'wamid'))::int AS n FROM domain_events WHERE kind = 'message.received'`,
  );
  const lost = plan.inboundWamids.length - storedInbound + (plan.outbound.length - finalRead);
  const duplicated = inboundRows - storedInbound + timelineDupes + eventDupes;
  return { storedInbound, finalRead, lost, duplicated };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
