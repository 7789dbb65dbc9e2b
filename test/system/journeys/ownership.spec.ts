import { journeyBuilder } from '@tandem/journey-model';
import { createHash, randomBytes } from 'node:crypto';
import { DEMO, publishJourney, startEngineStack, until, type EngineStack, type LedgerEntry } from './engine-stack';

// Conversation ownership end to end (#14): simulator (customer and the teammate's phone app) →
// api (intake, ownership, return-to-bot sweeper) → worker (dispatcher, runs) → simulator.
// Time passes logically: the stored instants move into the past and the api's sweeper (every
// second here) gives the conversation back — nothing sleeps to prove that nothing happened.
jest.setTimeout(240_000);

let stack: EngineStack;
let agent = '';

beforeAll(async () => {
  process.env.OWNERSHIP_SWEEP_INTERVAL_SECONDS = '1';
  stack = await startEngineStack('ownership', 1);
  const token = `tdt_${randomBytes(32).toString('base64url')}`;
  await stack.db.dataSource.query(
    `INSERT INTO api_tokens (workspace_id, name, role, token_hash, prefix) VALUES ($1, 'inbox agent', 'agent', $2, $3)`,
    [stack.workspaceId, createHash('sha256').update(token).digest('hex'), token.slice(0, 10)],
  );
  agent = `Bearer ${token}`;
});
afterAll(async () => {
  await stack?.close();
});
afterEach(() => {
  if (expect.getState().assertionCalls !== expect.getState().numPassingAsserts) console.log(stack.logs().slice(-20_000));
});

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: agent, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const customerSays = (waId: string, text: string) =>
  stack.sim('/_sim/customers/messages', { phoneNumberId: DEMO.phoneNumberId, waId, profileName: 'Rita', message: { type: 'text', text } });
const teammateSays = (waId: string, text: string) =>
  stack.sim('/_sim/business/messages', { phoneNumberId: DEMO.phoneNumberId, to: waId, message: { type: 'text', text } });
const botSent = async (waId: string) =>
  (await stack.ledger()).filter((e: LedgerEntry) => e.recipient === waId && e.outcome === 'accepted').map((e) => e.type);
const contactOf = async (waId: string): Promise<{ id: string; ownership: string }> =>
  (await stack.db.dataSource.query('SELECT id, ownership FROM contacts WHERE wa_id = $1', [waId]))[0];
const runsOf = (journeyId: string): Promise<{ id: string; status: string; workflow_id: string }[]> =>
  stack.db.dataSource.query('SELECT id, status, workflow_id FROM journey_runs WHERE journey_id = $1 ORDER BY started_at', [journeyId]);
/** Every engine event of the contact was handled by the dispatcher: `kind` events counted. */
const dispatched = async (contactId: string, kind: string) => {
  const [row] = await stack.db.dataSource.query(
    `SELECT count(*) FILTER (WHERE kind = $2)::int AS n, count(*) FILTER (WHERE dispatched_at IS NULL)::int AS pending
     FROM domain_events WHERE contact_key = $1`,
    [contactId, kind],
  );
  return row.pending === 0 ? (row.n as number) : undefined;
};

it('hi → bot answers → a teammate replies from the app → bot silent → N hours pass → back with the bot → the next hi starts the journey', async () => {
  const journeyId = await publishJourney(
    stack,
    journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['hi'] } })
      .node('hello', 'core.send-text@1', { text: 'Hello from the bot' })
      .build(),
  );
  const waId = '15558880001';
  await customerSays(waId, 'hi');
  await until(async () => (await botSent(waId)).length === 1, 30_000, 'the bot answered');
  await until(async () => (await runsOf(journeyId))[0]?.status === 'completed', 30_000, 'first run completed');

  await teammateSays(waId, 'Hi Rita, Paulo from the shop here');
  await until(async () => (await contactOf(waId))?.ownership === 'human', 30_000, 'the teammate holds the chat');
  const { id: contactId } = await contactOf(waId);
  const held = await api('GET', `/api/conversations/${contactId}/ownership`);
  expect(held.body).toMatchObject({ ownership: 'human', ownerKind: 'teammate', botReturnReason: 'quiet' });

  // The bot stays silent: the dispatcher handled the second "hi" and started nothing.
  await customerSays(waId, 'hi');
  await until(async () => (await dispatched(contactId, 'message.received')) === 2, 30_000, 'second hi dispatched');
  expect(await runsOf(journeyId)).toHaveLength(1);
  expect(await botSent(waId)).toEqual(['text']);

  // Twelve hours (the default) and a minute pass for this conversation.
  await stack.db.dataSource.query(
    `UPDATE contacts SET human_owned_at = human_owned_at - interval '12 hours 1 minute',
       last_human_message_at = last_human_message_at - interval '12 hours 1 minute' WHERE id = $1`,
    [contactId],
  );
  await until(async () => (await contactOf(waId)).ownership === 'bot', 30_000, 'back with the bot');
  const timeline = (await api('GET', `/api/conversations/${contactId}/timeline`)).body.items as Record<string, unknown>[];
  expect(timeline.map((e) => [e.kind, (e.actor as { kind: string }).kind, e.reason])).toEqual([
    ['taken', 'teammate', 'a teammate replied from the WhatsApp Business app'],
    ['given_back', 'system', '12 h without a human message'],
  ]);

  await customerSays(waId, 'hi');
  await until(async () => (await botSent(waId)).length === 2, 30_000, 'the journey answered again');
  expect(await runsOf(journeyId)).toHaveLength(2);
});

it('a run paused by a teammate reply continues to its next node when an agent gives the conversation back', async () => {
  const journeyId = await publishJourney(
    stack,
    journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['order'] } })
      .node('ask', 'core.send-text@1', { text: 'Which order number?' })
      .node('wait', 'core.wait-for-reply@1', { timeout: { amount: 1, unit: 'hours' } })
      .node('thanks', 'core.send-text@1', { text: 'Thanks, looking it up' })
      .chain('ask', 'wait')
      .edge('wait', 'other', 'thanks')
      .settings({ onTeammateReply: 'pause', onGiveBack: 'resume' })
      .build(),
  );
  const waId = '15558880002';
  await customerSays(waId, 'order');
  await until(async () => (await runsOf(journeyId))[0]?.status === 'waiting', 30_000, 'run waiting for the reply');
  await teammateSays(waId, 'I will check that for you');
  const [run] = await runsOf(journeyId);
  const signals = async () =>
    ((await stack.client.workflow.getHandle(run.workflow_id).fetchHistory()).events ?? []).flatMap((e) =>
      e.workflowExecutionSignaledEventAttributes ? [e.workflowExecutionSignaledEventAttributes.signalName] : [],
    );
  await until(async () => (await signals()).includes('teammateReply'), 30_000, 'the run heard the teammate');
  const { id: contactId } = await contactOf(waId);

  const back = await api('POST', `/api/conversations/${contactId}/give-back`, { reason: 'teammate done' });
  expect(back).toMatchObject({ status: 200, body: { ownership: 'bot' } });
  await until(async () => (await signals()).includes('resume'), 30_000, 'the run was resumed');
  await customerSays(waId, '#1234');
  await until(async () => (await runsOf(journeyId))[0].status === 'completed', 30_000, 'the run went on');
  expect(await botSent(waId)).toEqual(['text', 'text']);
  const detail = await api('GET', `/api/runs/${run.id}`);
  expect(detail.body.ownershipEvents).toEqual([
    expect.objectContaining({ kind: 'taken', runs: [{ runId: run.id, effect: 'paused' }] }),
    expect.objectContaining({ kind: 'given_back', reason: 'teammate done', runs: [{ runId: run.id, effect: 'resumed' }] }),
  ]);
});
