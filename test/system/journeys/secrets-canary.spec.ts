import { journeyBuilder } from '@tandem/journey-model';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminToken, publishJourney, stackApi, startEngineStack, until, type EngineStack } from './engine-stack';

// The canary-secret suite (docs/security.md, "Secrets"): a unique credential set through the
// REST API and used by an HTTP node in its URL and a header against a local API that fails and
// echoes the request back. The value must appear in no API answer, no stored row and no log.
jest.setTimeout(240_000);

const CANARY = `canary${randomUUID().replace(/-/g, '')}`;
let stack: EngineStack;
let echo: Server;
let echoUrl = '';
let api: ReturnType<typeof stackApi>;

beforeAll(async () => {
  echo = createServer((req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `cannot serve ${req.url}`, authorization: req.headers.authorization }));
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  // The workers' outbound guard lets the journey reach the local echo server only.
  process.env.HTTP_ALLOW_HOSTS = '127.0.0.1';
  stack = await startEngineStack('secrets_canary', 1);
  api = stackApi(stack, await createAdminToken(stack, 'canary'));
});
afterAll(async () => {
  await stack?.close();
  await new Promise((r) => echo?.close(r));
});

it('never shows a node credential in API answers, stored rows, errors or logs, even when the call fails', async () => {
  const put = await api('PUT', '/api/credentials/crm', { value: { apiKey: CANARY } });
  expect(put.status).toBe(200);
  const journeyId = await publishJourney(
    stack,
    journeyBuilder()
      .trigger({ kind: 'api' })
      .node('call', 'core.http-request@1', {
        url: `${echoUrl}/lookup?key={{credential.apiKey}}`,
        headers: [{ name: 'Authorization', value: 'Bearer {{credential.apiKey}}' }],
        credential: 'crm',
        saveAs: 'answer',
      })
      .node('note', 'core.add-tag@1', { tag: 'lookup-failed' })
      .edge('call', 'error', 'note')
      .build() as unknown as Record<string, unknown>,
  );
  const [contact] = await stack.db.dataSource.query(
    `INSERT INTO contacts (workspace_id, number_id, wa_id, profile_name) VALUES ($1, $2, '15550001111', 'Canary') RETURNING id`,
    [stack.workspaceId, stack.numberId],
  );
  const started = await api('POST', `/api/journeys/${journeyId}/runs`, { contactId: contact.id });
  expect(started.status).toBe(202);
  const run = await until(
    async () => {
      const [row] = await stack.db.dataSource.query('SELECT id FROM journey_runs WHERE journey_id = $1', [journeyId]);
      const r = row ? await api('GET', `/api/runs/${row.id}`) : undefined;
      return r?.status === 200 && JSON.parse(r.text).status === 'completed' ? r : undefined;
    },
    90_000,
    'run completed',
  );
  expect(run.text).toContain('[redacted]');

  const answers = [put, run, await api('GET', '/api/credentials'), await api('GET', '/api/audit')];
  for (const answer of answers) expect(answer.text).not.toContain(CANARY);
  const rows = await stack.db.dataSource.query(
    `SELECT (SELECT json_agg(s) FROM run_steps s) AS steps, (SELECT json_agg(r) FROM journey_runs r) AS runs,
            (SELECT json_agg(a) FROM audit_log a) AS audit, (SELECT json_agg(e) FROM domain_events e) AS events`,
  );
  expect(JSON.stringify(rows)).not.toContain(CANARY);
  expect(stack.logs()).not.toContain(CANARY);
});
