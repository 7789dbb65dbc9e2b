// Templates and alerts end to end through the simulator: a template created through REST is
// reviewed by "Meta" and used in a journey; Meta pauses it: the journey is flagged, its node
// takes the failed port (a text fallback), and the alert is posted, signed, to a webhook the
// admin configured; PARTNER_REMOVED is posted too. The receiver verifies signatures on its own.
import { journeyBuilder } from '@tandem/journey-model';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTandemStack, type ApiInit, type TandemStack } from './tandem-stack';

jest.setTimeout(180_000);

const NUMBER = '108932450377265';
const WABA = '114620785021387';
const MARIA = { waId: '15551234567', profileName: 'Maria Lopez' };

interface Post {
  headers: IncomingHttpHeaders;
  raw: string;
}

let stack: TandemStack;
const posts: Post[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    posts.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(204).end();
  });
});

const asMarketer = <T = unknown>(path: string, init: Omit<ApiInit, 'as'> = {}) => stack.api<T>(path, { ...init, as: 'marketer' });

function verified(post: Post, secret: string): boolean {
  const ts = String(post.headers['x-tandem-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${ts}.${post.raw}`).digest('hex')}`);
  const given = Buffer.from(String(post.headers['x-tandem-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const alertPost = (kind: string) =>
  until(`the ${kind} alert post`, async () => posts.find((p) => (JSON.parse(p.raw) as { alert: { kind: string } }).alert.kind === kind));

async function outbound(): Promise<{ type: string; template?: { name: string }; preview: string }[]> {
  const res = await stack.sim<{ conversations: { messages: { direction: string; type: string; preview: string }[] }[] }>(
    `/_sim/conversations?phoneNumberId=${NUMBER}&waId=${MARIA.waId}`,
  );
  return (res.body.conversations[0]?.messages ?? []).filter((m) => m.direction === 'outbound_api') as never;
}

let secret: string;
let numberId: string;
let journeyId: string;
let contactId: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  // The outbound HTTP guard lets the api reach the receiver on loopback only through its allowlist.
  process.env.HTTP_ALLOW_HOSTS = '127.0.0.1';
  process.env.ALERT_DISPATCH_INTERVAL_MS = '200';
  stack = await startTandemStack('alerts');
  expect((await stack.sim('/_sim/config', { body: { templateReviewMs: 500 } })).status).toBeLessThan(300);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
  const endpoint = await stack.api<{ secret: string }>('/api/alert-endpoints', {
    as: 'admin',
    body: { url, kinds: ['template.paused', 'number.disconnected'] },
  });
  expect(endpoint.status).toBe(201);
  secret = endpoint.body.secret;
  const numbers = await asMarketer<{ items: { id: string; phoneNumberId: string }[] }>('/api/numbers');
  numberId = numbers.body.items.find((n) => n.phoneNumberId === NUMBER)!.id;
});

afterAll(async () => {
  await stack?.stop();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

describe('templates and alerts through the simulator', () => {
  it('a template created → approved → used in a journey', async () => {
    const created = await asMarketer<{ status: string }>('/api/templates', {
      body: {
        numberId,
        name: 'pickup_ready',
        language: 'en_US',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'Hi {{1}}, your order is ready for pickup.', example: { body_text: [['Maria']] } }],
      },
    });
    expect(created).toMatchObject({ status: 201, body: { status: 'PENDING' } });
    await until('approval', async () => {
      const list = await asMarketer<{ items: { name: string; status: string }[] }>(`/api/templates?numberId=${numberId}`);
      return list.body.items.find((t) => t.name === 'pickup_ready' && t.status === 'APPROVED');
    });
    const document = journeyBuilder()
      .trigger({ kind: 'api' })
      .node('ready', 'core.send-template@1', {
        name: 'pickup_ready',
        language: 'en_US',
        body: [{ value: '{{contact.profileName}}', fallback: 'there' }],
      })
      .node('fallback', 'core.send-text@1', { text: 'Your order is ready for pickup.' })
      .node('end', 'core.end@1')
      .edge('ready', 'main', 'end')
      .edge('ready', 'failed', 'fallback')
      .edge('fallback', 'main', 'end')
      .settings({ numberId, reEntry: 'always' })
      .build();
    const journey = await asMarketer<{ id: string }>('/api/journeys', { body: { name: 'Pickup notice', document } });
    expect(journey.status).toBe(201);
    journeyId = journey.body.id;
    expect((await asMarketer(`/api/journeys/${journeyId}/publish`, { body: {} })).status).toBe(200);
    // Maria writes first, so the window is open for the text fallback later.
    await stack.sim('/_sim/customers/messages', { body: { phoneNumberId: NUMBER, ...MARIA, message: { type: 'text', text: 'hi' } } });
    contactId = await until('Maria as a contact', async () => {
      const contacts = await asMarketer<{ items: { id: string; waId: string }[] }>(`/api/contacts?search=${MARIA.waId}`);
      return contacts.body.items.find((c) => c.waId === MARIA.waId)?.id;
    });
    expect((await asMarketer(`/api/journeys/${journeyId}/runs`, { body: { contactId } })).status).toBeLessThan(300);
    await until('the template at Meta', async () => (await outbound()).find((m) => m.template?.name === 'pickup_ready'));
  });

  it('a template paused → journey flagged, node takes its fallback, alert webhook delivered and signed', async () => {
    const paused = await stack.sim('/_sim/meta/templates/status', {
      body: { wabaId: WABA, name: 'pickup_ready', language: 'en_US', event: 'PAUSED' },
    });
    expect(paused.status).toBeLessThan(300);
    const flagged = await until('the journey flagged', async () => {
      const list = await asMarketer<{ items: { id: string; templateWarnings: { name: string; status: string }[] }[] }>('/api/journeys');
      const warnings = list.body.items.find((j) => j.id === journeyId)?.templateWarnings ?? [];
      return warnings.length > 0 ? warnings : undefined;
    });
    expect(flagged).toEqual([expect.objectContaining({ name: 'pickup_ready', status: 'PAUSED' })]);
    const post = await alertPost('template.paused');
    expect(verified(post, secret)).toBe(true);
    expect(JSON.parse(post.raw).alert.body).toContain('"Pickup notice"');
    expect((await asMarketer(`/api/journeys/${journeyId}/runs`, { body: { contactId } })).status).toBeLessThan(300);
    await until('the text fallback', async () => (await outbound()).find((m) => m.type === 'text'));
    expect((await outbound()).filter((m) => m.template?.name === 'pickup_ready')).toHaveLength(1);
  });

  it('PARTNER_REMOVED → number disconnected, sends refused with the reason, alert delivered', async () => {
    const res = await stack.sim(`/_sim/meta/numbers/${NUMBER}/disconnect`, {
      body: { event: 'PARTNER_REMOVED', reason: 'PRIMARY_INACTIVITY', initiatedBy: 'SYSTEM' },
    });
    expect(res.status).toBeLessThan(300);
    const post = await alertPost('number.disconnected');
    expect(verified(post, secret)).toBe(true);
    expect(JSON.parse(post.raw).alert).toMatchObject({ severity: 'critical', data: { reason: 'PRIMARY_INACTIVITY' } });
    const bell = await asMarketer<{ unread: number; items: { kind: string }[] }>('/api/alerts');
    expect(bell.body.items.map((a) => a.kind)).toEqual(expect.arrayContaining(['template.paused', 'number.disconnected']));

    const numbers = await asMarketer<{ items: { id: string; connection: { state: string } }[] }>('/api/numbers');
    expect(numbers.body.items.find((n) => n.id === numberId)?.connection.state).toBe('disconnected');
    // A send now is refused at the rule step with the reason, and nothing reaches Meta.
    type RunList = { items: { id: string; status: string }[] };
    const runsOfJourney = async () => (await asMarketer<RunList>(`/api/runs?journeyId=${journeyId}`)).body.items;
    const before = new Set((await runsOfJourney()).map((r) => r.id));
    const sentBefore = (await outbound()).length;
    expect((await asMarketer(`/api/journeys/${journeyId}/runs`, { body: { contactId } })).status).toBeLessThan(300);
    const run = await until('the run on the disconnected number', async () =>
      (await runsOfJourney()).find((r) => !before.has(r.id) && !['running', 'waiting'].includes(r.status)),
    );
    // Step data is shown to roles with runs.raw (admins).
    const detail = await stack.api<{ steps: { port: string; output: { status?: string; reason?: string; detail?: string } | null }[] }>(
      `/api/runs/${run.id}`,
      { as: 'admin' },
    );
    expect(detail.body.steps.map((step) => step.port)).toEqual(['failed', 'failed']);
    const refusals = detail.body.steps.map((step) => step.output).filter((o) => o?.status === 'refused');
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ reason: 'number_disconnected', detail: expect.stringContaining('disconnected') });
    }
    expect((await outbound()).length).toBe(sentBefore);
  });
});
