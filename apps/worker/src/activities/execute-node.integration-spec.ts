import { SecretStore, secretKeysFromEnv } from '@tandem/db';
import { journeyBuilder } from '@tandem/journey-model';
import { createGuardedHttpClient, defineNode, RetryableNodeError } from '@tandem/node-sdk';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { processOutput } from '../runtime/output-redaction';
import { createEngineHarness, eventually, type EngineHarness } from '../__fixtures__/engine-harness';

jest.setTimeout(60_000);

let h: EngineHarness;
let quotes: Server;
let quotesUrl = '';
let flakyCalls = 0;
// The production guard, opened for the local quotes server only (as HTTP_ALLOW_HOSTS would).
const http = createGuardedHttpClient({ allow: '127.0.0.1' });

/** A custom node as a third party would write it: credentials, HTTP, contact changes, a send. */
const quoteNode = defineNode({
  type: 'acme.quote',
  version: 1,
  label: 'Quote',
  category: 'Integrations',
  icon: 'tag',
  description: 'Fetches a price and sends it.',
  config: z.object({ credential: z.string(), url: z.string() }),
  ports: ['main', 'closed'],
  async run(ctx, config) {
    const { apiKey } = await ctx.credentials.get(config.credential);
    const response = await ctx.http.request({ method: 'GET', url: config.url, headers: { authorization: `Bearer ${apiKey}` } });
    const price = (response.body as { price: number }).price;
    await ctx.contacts.setAttribute('quote', price);
    ctx.logger.info('quoted', { price });
    const outcome = await ctx.whatsapp.send({ type: 'text', text: { body: `Your price: ${price}` } });
    if (outcome.status !== 'accepted') return { port: 'closed', output: outcome };
    return { port: 'main', output: { price }, variables: { price } };
  },
});

/** A node that asks for a credential its settings do not name. */
const snoopNode = defineNode({
  type: 'acme.snoop',
  version: 1,
  label: 'Snoop',
  category: 'Integrations',
  icon: 'eye',
  description: 'Reads a credential it was not given.',
  config: z.object({}),
  ports: ['main'],
  async run(ctx) {
    await ctx.credentials.get('quotes');
    return { port: 'main' };
  },
});

const flakyNode = defineNode({
  type: 'acme.flaky',
  version: 1,
  label: 'Flaky',
  category: 'Integrations',
  icon: 'zap',
  description: 'Fails once, then works.',
  config: z.object({}),
  ports: ['main'],
  async run() {
    if (++flakyCalls === 1) throw new RetryableNodeError('CRM busy', { retryAfterMs: 100 });
    return { port: 'main' };
  },
});

beforeAll(async () => {
  quotes = createServer((req, res) => {
    if (req.url?.startsWith('/echo')) {
      // A failing API that repeats the request back, as many do in their error pages.
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `bad request ${req.url}`, auth: req.headers.authorization }));
      return;
    }
    const ok = req.headers.authorization === 'Bearer secret-key';
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { price: 42 } : { error: 'unauthorized' }));
  });
  await new Promise<void>((r) => quotes.listen(0, '127.0.0.1', r));
  quotesUrl = `http://127.0.0.1:${(quotes.address() as AddressInfo).port}/quote`;
  h = await createEngineHarness('execute_node');
  h.deps.registry.register(quoteNode, flakyNode, snoopNode);
  const store = new SecretStore(secretKeysFromEnv());
  await store.put(h.db.dataSource.manager, h.store.workspaceId, 'quotes', JSON.stringify({ apiKey: 'secret-key' }), null);
  await store.put(h.db.dataSource.manager, h.store.workspaceId, 'meta.waba-1', 'canary-meta-business-token', null);
  h.deps.http = http;
  await h.startWorker();
});
afterAll(async () => {
  await h.close();
  await http.close();
  await new Promise((r) => quotes.close(r));
});
afterEach(() => h.db.dataSource.query(`UPDATE journeys SET status = 'paused'`));

const runOnce = async (document: ReturnType<ReturnType<typeof journeyBuilder>['build']>, waId: string) => {
  const journeyId = await h.store.publish(document);
  const contactId = await h.store.contact(waId);
  await h.dispatcher.handle(h.store.contactSynced(contactId));
  const [run] = await eventually(async () => {
    const runs = await h.store.runsOf(journeyId);
    return runs.length === 1 && !['running', 'waiting'].includes(runs[0].status) ? runs : undefined;
  });
  const steps: {
    node_id: string;
    port: string | null;
    output: unknown;
    error: { code: string; message: string } | null;
    attempt: number;
  }[] = await h.db.dataSource.query('SELECT node_id, port, output, error, attempt FROM run_steps WHERE run_id = $1 ORDER BY step', [
    run.id,
  ]);
  return { run, steps, contactId };
};

describe('executeNode runs custom nodes like built-ins', () => {
  it('gives a custom node credentials, HTTP, contact updates and the one send path; later nodes see its results', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('quote', 'acme.quote@1', { credential: 'quotes', url: quotesUrl })
      .node('check', 'core.condition@1', {
        rules: [
          { field: 'vars.price', op: 'gt', value: 10 },
          { field: 'contact.attributes.quote', op: 'eq', value: 42 },
        ],
      })
      .node('done', 'core.add-tag@1', { tag: 'quoted' })
      .chain('quote', 'check')
      .edge('check', 'true', 'done')
      .build();
    const { run, steps } = await runOnce(doc, '15556660001');
    expect(run.status).toBe('completed');
    expect(steps.map((s) => [s.node_id, s.port])).toEqual([
      ['quote', 'main'],
      ['check', 'true'],
      ['done', 'main'],
    ]);
    expect(steps[0].output).toEqual({ price: 42 });
    expect(h.graph.sendsTo('15556660001').map((s) => s.body.text)).toEqual([{ body: 'Your price: 42' }]);
    // The value the node was handed is now hidden from the worker's own stdout/stderr as well.
    expect(processOutput.redact('key secret-key')).toBe('key [redacted]');
  });

  it('core.handoff hands the conversation to a person, on its timeline with the note and the run', async () => {
    const doc = journeyBuilder().trigger({ kind: 'contact.synced' }).node('handoff', 'core.handoff@1', { note: 'VIP, call back' }).build();
    const { run, contactId } = await runOnce(doc, '15556660010');
    expect(run.status).toBe('completed');
    const [contact] = await h.db.dataSource.query('SELECT ownership, owner_kind, human_owned FROM contacts WHERE id = $1', [contactId]);
    expect(contact).toEqual({ ownership: 'human', owner_kind: 'journey', human_owned: true });
    const events = await h.db.dataSource.query(
      'SELECT kind, actor_kind, actor_id, reason, run_ids FROM conversation_events WHERE contact_id = $1',
      [contactId],
    );
    expect(events).toEqual([
      {
        kind: 'taken',
        actor_kind: 'journey',
        actor_id: run.id,
        reason: 'the journey handed the conversation to a person: VIP, call back',
        run_ids: [run.id],
      },
    ]);
  });

  it('fails the run with node_config when a credential is missing, and records the step error', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('quote', 'acme.quote@1', { credential: 'nope', url: quotesUrl })
      .build();
    const { run, steps } = await runOnce(doc, '15556660002');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'node_config', nodeId: 'quote' } });
    expect(steps[0].error).toMatchObject({ code: 'NodeConfigError', message: 'credential "nope" is not set up (Settings → Credentials)' });
    expect(steps[0].attempt).toBe(1);
  });

  it('never hands a WABA’s Meta token to a node, even one whose settings name it', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('quote', 'acme.quote@1', { credential: 'meta.waba-1', url: quotesUrl })
      .build();
    const { run, steps } = await runOnce(doc, '15556660019');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'node_config', nodeId: 'quote' } });
    expect(steps[0].error).toMatchObject({
      message: 'credential "meta.waba-1" is reserved for Tandem (WhatsApp account tokens, alert signing secrets)',
    });
    expect(JSON.stringify(steps)).not.toContain('canary-meta-business-token');
  });

  it('gives a node only the credentials its settings name', async () => {
    const doc = journeyBuilder().trigger({ kind: 'contact.synced' }).node('snoop', 'acme.snoop@1').build();
    const { run, steps } = await runOnce(doc, '15556660008');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'node_config', nodeId: 'snoop' } });
    expect(steps[0].error).toMatchObject({ message: `credential "quotes" is not named in this node's settings` });
  });

  it('redacts credential values from the stored output and variables of a failing HTTP call', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('call', 'core.http-request@1', {
        url: `${quotesUrl.replace('/quote', '/echo')}?key={{credential.apiKey}}`,
        headers: [{ name: 'Authorization', value: 'Bearer {{credential.apiKey}}' }],
        credential: 'quotes',
        saveAs: 'answer',
      })
      .node('after', 'core.add-tag@1', { tag: 'called' })
      .edge('call', 'error', 'after')
      .build();
    const { run, steps } = await runOnce(doc, '15556660009');
    expect(run.status).toBe('completed');
    expect(steps[0]).toMatchObject({ port: 'error', output: { status: 500 } });
    expect(JSON.stringify(steps[0].output)).toContain('[redacted]');
    const stored = await h.db.dataSource.query('SELECT input, output, error FROM run_steps WHERE run_id = $1', [run.id]);
    expect(JSON.stringify(stored)).not.toContain('secret-key');
  });

  it("an opt-out node's change goes on the contact's opt history once, as done by a journey", async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('out', 'core.opt-out@1')
      .node('again', 'core.opt-out@1')
      .chain('out', 'again')
      .build();
    const { run } = await runOnce(doc, '15556660020');
    expect(run.status).toBe('completed');
    const history = await h.db.dataSource.query(
      `SELECT e.kind, e.source FROM contact_opt_events e JOIN contacts c ON c.id = e.contact_id WHERE c.wa_id = '15556660020'`,
    );
    expect(history).toEqual([{ kind: 'opt_out', source: 'journey' }]);
  });

  it('fails with node_config when the stored config does not parse', async () => {
    const doc = journeyBuilder().trigger({ kind: 'contact.synced' }).node('bad', 'core.send-text@1', { text: '' }).build();
    const { run } = await runOnce(doc, '15556660003');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'node_config' } });
  });

  it('retries a RetryableNodeError and records the attempt that succeeded', async () => {
    const doc = journeyBuilder().trigger({ kind: 'contact.synced' }).node('flaky', 'acme.flaky@1').build();
    const { run, steps } = await runOnce(doc, '15556660004');
    expect(run.status).toBe('completed');
    expect(steps).toEqual([expect.objectContaining({ node_id: 'flaky', port: 'main', attempt: 2, error: null })]);
  });

  it('fails the step of a custom node whose HTTP call the guard refuses, with the reason, without retrying', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('quote', 'acme.quote@1', { credential: 'quotes', url: 'http://169.254.169.254/latest/meta-data/' })
      .build();
    const { run, steps } = await runOnce(doc, '15556660006');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'node_failed', nodeId: 'quote' } });
    expect(steps[0].error).toMatchObject({ code: 'OutboundHttpError', message: 'the address 169.254.169.254 is private and not allowed' });
    expect(steps[0].attempt).toBe(1);
  });

  it('sends the HTTP node to its error port for a private address outside the allowlist', async () => {
    const doc = journeyBuilder()
      .trigger({ kind: 'contact.synced' })
      .node('call', 'core.http-request@1', { url: 'http://10.0.0.7/orders' })
      .build();
    const { run, steps } = await runOnce(doc, '15556660007');
    expect(run.status).toBe('completed');
    expect(steps[0]).toMatchObject({
      port: 'error',
      output: { error: 'the address 10.0.0.7 is private and not allowed', code: 'blocked_address' },
    });
  });

  it('fails with unknown_node when the worker does not have the node type', async () => {
    const doc = journeyBuilder().trigger({ kind: 'contact.synced' }).node('x', 'acme.not-installed@1').build();
    const { run } = await runOnce(doc, '15556660005');
    expect(run).toMatchObject({ status: 'failed', error: { code: 'unknown_node' } });
  });
});
