// The seeded demo journey end to end, every part real: the simulator plays the customer
// and the business phone app, its signed webhooks go through the api's intake, the
// worker's dispatcher starts and signals Temporal runs, and the sends come back to the
// simulator through the rules and the governor. Only the day-long wait is shortened (to
// seconds, by publishing a new version) so the test does not last a day. Its REST calls
// go as the seeded marketer, signed in with email and password like a person would.
import { Client, Connection } from '@temporalio/client';
import { startTandemStack, type ApiInit, type TandemStack } from './tandem-stack';

jest.setTimeout(180_000);

const NUMBER = '108932450377265';
const MARIA = { waId: '15551234567', profileName: 'Maria Lopez' };
const JOAO = { waId: '5511987654321', profileName: 'João Silva' };

interface SimMessage {
  direction: 'inbound' | 'outbound_api' | 'outbound_app';
  type: string;
  preview: string;
  template?: { name: string };
  content: Record<string, unknown>;
}

let stack: TandemStack;

/** The api as the marketer who owns the demo journey. */
const asMarketer = <T = unknown>(path: string, init: Omit<ApiInit, 'as'> = {}) => stack.api<T>(path, { ...init, as: 'marketer' });

beforeAll(async () => {
  stack = await startTandemStack('demo');
  await shortenTheDayLongWait();
});

afterAll(async () => {
  await stack?.stop();
});

async function shortenTheDayLongWait(): Promise<void> {
  const me = await asMarketer<{ workspace: { role: string }; user: { email: string } }>('/api/auth/me');
  expect(me.body).toMatchObject({ user: { email: 'marketer@demo.tandem.dev' }, workspace: { role: 'marketer' } });
  const list = await asMarketer<{ items: { id: string; name: string }[] }>('/api/journeys');
  const demo = list.body.items.find((j) => j.name === 'Welcome bot (demo)');
  if (!demo) throw new Error(`demo journey not seeded: ${JSON.stringify(list.body)}`);
  const detail = await asMarketer<{ draft: { nodes: { id: string; config: Record<string, unknown> }[] } }>(`/api/journeys/${demo.id}`);
  const draft = detail.body.draft;
  const wait = draft.nodes.find((n) => n.id === 'await-answer');
  if (!wait) throw new Error('demo journey has no await-answer node');
  wait.config.timeout = { amount: 4, unit: 'seconds' };
  expect((await asMarketer(`/api/journeys/${demo.id}/draft`, { method: 'PUT', body: { document: draft } })).status).toBe(200);
  const published = await asMarketer<{ version: number }>(`/api/journeys/${demo.id}/publish`, { body: {} });
  expect(published.status).toBe(200);
  expect(published.body.version).toBe(2);
}

async function conversation(waId: string): Promise<SimMessage[]> {
  const res = await stack.sim<{ conversations: { messages: SimMessage[] }[] }>(`/_sim/conversations?phoneNumberId=${NUMBER}&waId=${waId}`);
  return res.body.conversations[0]?.messages ?? [];
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

const outbound = (messages: SimMessage[]) => messages.filter((m) => m.direction === 'outbound_api');

async function customerSays(who: { waId: string; profileName: string }, message: Record<string, unknown>): Promise<void> {
  const res = await stack.sim('/_sim/customers/messages', { body: { phoneNumberId: NUMBER, ...who, message } });
  expect(res.status).toBeLessThan(300);
}

/** Inbound messages of a customer whose engine event has been dispatched (the engine's per-contact cursor). */
async function inboundDispatched(waId: string): Promise<number> {
  const [row] = await stack.db.dataSource.query(
    `SELECT count(*)::int AS n FROM domain_events d JOIN contacts c ON d.contact_key = c.id::text
     WHERE c.wa_id = $1 AND d.kind = 'message.received' AND d.dispatched_at IS NOT NULL`,
    [waId],
  );
  return row.n;
}

async function withTemporal<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  try {
    return await use(new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE ?? 'default' }));
  } finally {
    await connection.close();
  }
}

async function runsOf(waId: string) {
  const contacts = await asMarketer<{ items: { id: string; waId: string }[] }>(`/api/contacts?search=${waId}`);
  const contact = contacts.body.items.find((c) => c.waId === waId);
  if (!contact) return [];
  const runs = await asMarketer<{ items: { id: string; status: string; version: number }[] }>(`/api/runs?contactId=${contact.id}`);
  return runs.body.items;
}

describe('the seeded demo journey', () => {
  it('hi → menu → Pricing → pricing template → no answer → follow-up template', async () => {
    await customerSays(MARIA, { type: 'text', text: 'hi' });
    const menu = await until('the welcome menu', async () =>
      outbound(await conversation(MARIA.waId)).find((m) => m.type === 'interactive'),
    );
    expect(menu.preview).toContain('Welcome to Acme!');

    await customerSays(MARIA, { type: 'button_reply', title: 'Pricing' });
    const pricing = await until('the pricing template', async () =>
      outbound(await conversation(MARIA.waId)).find((m) => m.template?.name === 'pricing_info'),
    );
    expect(JSON.stringify(pricing.content)).toContain('Maria Lopez');

    const followUp = await until('the follow-up', async () =>
      outbound(await conversation(MARIA.waId)).find((m) => m.template?.name === 'follow_up_reminder'),
    );
    expect(followUp).toBeDefined();
    const [run] = await until('the completed run', async () => {
      const runs = await runsOf(MARIA.waId);
      return runs.some((r) => r.status === 'completed') ? runs : undefined;
    });
    expect(run.version).toBe(2);
    const detail = await asMarketer<{ steps: { nodeId: string; port: string | null }[] }>(`/api/runs/${run.id}`);
    expect(detail.body.steps.map((s) => `${s.nodeId}:${s.port}`)).toEqual([
      'welcome:pricing',
      'pricing:main',
      'await-answer:timeout',
      'follow-up:main',
      expect.stringMatching(/^done:/),
    ]);
    expect(outbound(await conversation(MARIA.waId))).toHaveLength(3);
  });

  it('a teammate answering from the phone app mid-journey hands the run off', async () => {
    await customerSays(JOAO, { type: 'text', text: 'hello' });
    await until('the welcome menu', async () => outbound(await conversation(JOAO.waId)).find((m) => m.type === 'interactive'));
    const sent = await stack.sim('/_sim/business/messages', {
      body: { phoneNumberId: NUMBER, to: JOAO.waId, message: { type: 'text', text: 'Olá João, aqui é a Ana da Acme 👋' } },
    });
    expect(sent.status).toBeLessThan(300);
    const runs = await until('the handed-off run', async () => {
      const all = await runsOf(JOAO.waId);
      return all.some((r) => r.status === 'handed_off') ? all : undefined;
    });
    expect(runs).toHaveLength(1);
    // The bot stays quiet afterwards: a button tap no longer gets an answer from it. Proven once
    // the engine has dispatched the tap (its event is marked dispatched): any run it started or
    // signalled is by then the latest execution of the run's (deterministic) workflow id.
    const [{ workflow_id: workflowId }] = await stack.db.dataSource.query(
      'SELECT r.workflow_id FROM journey_runs r JOIN contacts c ON c.id = r.contact_id WHERE c.wa_id = $1',
      [JOAO.waId],
    );
    const latestExecution = () => withTemporal(async (client) => (await client.workflow.getHandle(workflowId).describe()).runId);
    const before = { execution: await latestExecution(), dispatched: await inboundDispatched(JOAO.waId) };
    await customerSays(JOAO, { type: 'button_reply', title: 'Pricing' });
    await until('the tap dispatched', async () => ((await inboundDispatched(JOAO.waId)) > before.dispatched ? true : undefined));
    expect(await latestExecution()).toBe(before.execution);
    expect(await runsOf(JOAO.waId)).toHaveLength(1);
    expect(outbound(await conversation(JOAO.waId)).filter((m) => m.template?.name === 'pricing_info')).toHaveLength(0);
  });
});
