import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TandemStack } from '../system/tandem-stack';
import type { RawRuntime } from './raw/raw-runtime';

/**
 * The seeded cloud number (80 mps): 20 replies/s on the 20 mps coexistence number would
 * measure the throughput cap, not the engine.
 */
export const BENCH_NUMBER = '117845209336471';

/** Creates and publishes a journey on the demo number; returns its id. */
export async function publishJourney(
  stack: TandemStack,
  name: string,
  doc: (numberId: string) => Record<string, unknown>,
): Promise<string> {
  const numbers = await stack.api<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  const number = numbers.body.items.find((n) => n.phoneNumberId === BENCH_NUMBER);
  if (!number) throw new Error('demo number missing');
  const created = await stack.api<{ id: string }>('/api/journeys', { body: { name, document: doc(number.id) } });
  if (created.status !== 201) throw new Error(`create journey: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await stack.api(`/api/journeys/${created.body.id}/publish`, { body: {} });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.id;
}

export const node = (id: string, type: string, config: Record<string, unknown>, x: number) => ({ id, type, config, position: { x, y: 0 } });
export const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}-${sourcePort}`, source, sourcePort, target });

/** Sends `count` inbound texts from distinct new customers at `perSec`; returns their wa_ids. */
export async function customersWrite(stack: TandemStack, prefix: string, count: number, perSec: number, text: string): Promise<string[]> {
  const waIds = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);
  const started = performance.now();
  await Promise.all(
    waIds.map(async (waId, i) => {
      const wait = started + (i * 1000) / perSec - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const res = await stack.sim('/_sim/customers/messages', {
        body: { phoneNumberId: BENCH_NUMBER, waId, profileName: `Bench ${i}`, message: { type: 'text', text } },
      });
      if (res.status >= 300) throw new Error(`customer message: ${res.status} ${JSON.stringify(res.body)}`);
    }),
  );
  return waIds;
}

interface SimMessage {
  direction: string;
  at: string;
}

/** Inbound → first reply latency per contact, from the simulator's own clock. */
export async function replyLatencies(stack: TandemStack, waIds: string[], timeoutMs = 60_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  const out: number[] = [];
  for (const waId of waIds) {
    for (;;) {
      const res = await stack.sim<{ conversations: { messages: SimMessage[] }[] }>(
        `/_sim/conversations?phoneNumberId=${BENCH_NUMBER}&waId=${waId}`,
      );
      const messages = res.body.conversations[0]?.messages ?? [];
      const inbound = messages.find((m) => m.direction === 'inbound');
      const reply = messages.find((m) => m.direction === 'outbound_api');
      if (inbound && reply) {
        out.push(Date.parse(reply.at) - Date.parse(inbound.at));
        break;
      }
      if (Date.now() > deadline) throw new Error(`no reply for ${waId}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return out;
}

/**
 * The raw baseline's webhook receiver: parses the body and starts the raw workflow for
 * each inbound message (no signature check, store, queue or rules).
 */
export async function startRawReceiver(raw: RawRuntime, workflow: 'rawReplyWorkflow'): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        entry?: { changes?: { value?: { messages?: { id: string; from: string }[] } }[] }[];
      };
      const messages = (body.entry ?? []).flatMap((e) => (e.changes ?? []).flatMap((c) => c.value?.messages ?? []));
      for (const m of messages) {
        await raw.client.workflow.start(workflow, {
          taskQueue: raw.taskQueue,
          workflowId: `raw-${m.id}`,
          args: [m.from, 'pong'],
          requestEagerStart: true,
        });
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Median milliseconds from the inbound's arrival at the api to each later stage of its reply. */
export interface StageBreakdown {
  /** webhook delivery stored → processed by intake. */
  processed: number;
  /** → journey run row created (after the workflow start). */
  runStarted: number;
  /** → the engine event marked dispatched (the dispatcher had started the run). */
  dispatched: number;
  /** → the send node's activity started. */
  nodeStarted: number;
  /** → outbox row of the reply written (inside the send activity). */
  sendQueued: number;
  /** → Cloud API accepted the reply. */
  sent: number;
}

/** Per-stage medians for the given customers, from the store's own timestamps (one clock: PostgreSQL's). */
export async function stageBreakdown(stack: TandemStack, waIds: string[]): Promise<StageBreakdown> {
  const rows: { processed: number; dispatched: number; run_started: number; node_started: number; send_queued: number; sent: number }[] =
    await stack.db.dataSource.query(
      `SELECT
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.processed_at - d.received_at) * 1000) AS processed,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.dispatched_at - d.received_at) * 1000) AS dispatched,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.started_at - d.received_at) * 1000) AS run_started,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.started_at - d.received_at) * 1000) AS node_started,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.created_at - d.received_at) * 1000) AS send_queued,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - d.received_at) * 1000) AS sent
     FROM contacts c
     JOIN domain_events e ON e.kind = 'message.received' AND e.payload->>'contactId' = c.id::text
     JOIN webhook_deliveries d ON d.id = e.delivery_id
     JOIN journey_runs r ON r.contact_id = c.id
     JOIN outbox_sends o ON o.run_id = r.id
     JOIN run_steps s ON s.run_id = r.id AND s.node_id = o.node_id
     WHERE c.wa_id = ANY($1)`,
      [waIds],
    );
  const row = rows[0];
  const ms = (v: number | null) => Math.round(Number(v ?? Number.NaN));
  return {
    processed: ms(row?.processed),
    runStarted: ms(row?.run_started),
    dispatched: ms(row?.dispatched),
    nodeStarted: ms(row?.node_started),
    sendQueued: ms(row?.send_queued),
    sent: ms(row?.sent),
  };
}
