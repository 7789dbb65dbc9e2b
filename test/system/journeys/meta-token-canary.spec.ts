import { journeyBuilder } from '@tandem/journey-model';
import { randomUUID } from 'node:crypto';
import { createAdminToken, publishJourney, stackApi, startEngineStack, until, type EngineStack } from './engine-stack';

// The canary-secret suite for Meta tokens (docs/security.md, "Secrets"): a unique value becomes a
// WABA's business token through the connect flow (the simulator's Embedded Signup issues it),
// serves sends and a template sync, then is revoked so the next send and sync fail. The value
// must appear in no API answer, no stored row and no log line of any process.
jest.setTimeout(240_000);

const CANARY = `EAAcanary${randomUUID().replace(/-/g, '')}`;
const DISPLAY = '15550008888';
let stack: EngineStack;
let api: ReturnType<typeof stackApi>;

beforeAll(async () => {
  stack = await startEngineStack('meta_token_canary', 1);
  api = stackApi(stack, await createAdminToken(stack, 'canary'));
});
afterAll(() => stack?.close());

const runsOf = async (journeyId: string): Promise<{ id: string; status: string }[]> =>
  stack.db.dataSource.query('SELECT id, status FROM journey_runs WHERE journey_id = $1 ORDER BY started_at', [journeyId]);

it('never shows a WABA’s Meta token in API answers, stored rows, errors or logs, even when Meta refuses it', async () => {
  const session = (await stack.sim('/_sim/meta/embedded-signup', { displayPhoneNumber: DISPLAY, businessToken: CANARY })) as Record<
    string,
    string
  >;
  const connect = await api('POST', '/api/numbers/connect', {
    code: session.code,
    wabaId: session.waba_id,
    phoneNumberId: session.phone_number_id,
  });
  expect(connect.status).toBe(201);
  const numberId = (JSON.parse(connect.text) as { id: string }).id;
  const journeyId = await publishJourney(
    stack,
    journeyBuilder()
      .trigger({ kind: 'message.received', match: { kind: 'any' } })
      .node('thanks', 'core.send-text@1', { text: 'Thanks for writing!' })
      .build() as unknown as Record<string, unknown>,
    numberId,
  );
  const write = (text: string) =>
    stack.sim('/_sim/customers/messages', { phoneNumberId: session.phone_number_id, waId: '15550001212', message: { type: 'text', text } });

  await write('hello');
  await until(async () => (await runsOf(journeyId)).find((r) => r.status === 'completed'), 90_000, 'first run completed');
  const synced = await api('POST', `/api/templates/sync?numberId=${numberId}`);
  expect(synced.status).toBe(200);

  await stack.sim('/_sim/meta/business-tokens/revoke', { wabaId: session.waba_id });
  const refusedSync = await api('POST', `/api/templates/sync?numberId=${numberId}`);
  expect(refusedSync.status).toBe(502);
  await write('hello again');
  const runs = await until(
    async () => {
      const all = await runsOf(journeyId);
      return all.length === 2 && !['running', 'waiting'].includes(all[1].status) ? all : undefined;
    },
    90_000,
    'second run finished',
  );
  const failedRun = await api('GET', `/api/runs/${runs[1].id}`);
  expect(failedRun.text).toMatch(/190|auth/i);

  const answers = [
    connect,
    synced,
    refusedSync,
    failedRun,
    await api('GET', `/api/runs/${runs[0].id}`),
    await api('GET', '/api/numbers'),
    await api('GET', `/api/numbers/${numberId}`),
    await api('GET', '/api/credentials'),
    await api('GET', '/api/audit'),
  ];
  for (const answer of answers) expect(answer.text).not.toContain(CANARY);
  const rows = await stack.db.dataSource.query(
    `SELECT (SELECT json_agg(s) FROM run_steps s) AS steps, (SELECT json_agg(r) FROM journey_runs r) AS runs,
            (SELECT json_agg(a) FROM audit_log a) AS audit, (SELECT json_agg(e) FROM domain_events e) AS events,
            (SELECT json_agg(n) FROM business_numbers n) AS numbers, (SELECT json_agg(o) FROM outbox_sends o) AS outbox,
            (SELECT json_agg(s) FROM secrets s) AS secrets`,
  );
  expect(JSON.stringify(rows)).not.toContain(CANARY);
  expect(stack.logs()).not.toContain(CANARY);
});
