import { z } from 'zod';
import { defineNode } from '../define-node';
import { NodeConfigError } from '../node-errors';
import type { SendOutcome } from '../send-outcome.types';
import { runNode } from './run-node';
import { TEST_NOW } from './test-context';

const fallback = { name: 'reengage', language: { code: 'en' } };

/** Sends a text, with an optional fallback template; routes like the core send nodes. */
const say = defineNode({
  type: 'test.say',
  version: 1,
  label: 'Say',
  category: 'Test',
  icon: 'message-square',
  description: 'Sends a text.',
  config: z.object({ text: z.string(), withFallback: z.boolean().default(false) }),
  ports: ['main', 'window_closed', 'failed'],
  sendsFreeForm: true,
  async run(ctx, config) {
    const outcome = await ctx.whatsapp.send(
      { type: 'text', text: { body: config.text } },
      config.withFallback ? { fallbackTemplate: fallback } : undefined,
    );
    if (outcome.status === 'accepted') return { port: 'main', output: outcome };
    if (outcome.status === 'refused' && outcome.reason === 'window_closed') return { port: 'window_closed', output: outcome };
    return { port: 'failed', output: outcome };
  },
});

const closedWindow = { windowOpenUntil: TEST_NOW - 1 };
const marketingReengage = { name: 'reengage', language: 'en', status: 'APPROVED', category: 'MARKETING', components: [] };

describe('runNode send rules', () => {
  test.each<[string, Parameters<typeof runNode>[1], string, number]>([
    ['window open: sent', { config: { text: 'Hi' } }, 'main', 1],
    ['window closed: refused', { config: { text: 'Hi' }, contact: closedWindow }, 'window_closed', 0],
    ['window never opened: refused', { config: { text: 'Hi' }, contact: { windowOpenUntil: null } }, 'window_closed', 0],
    ['window closed with fallback: template sent', { config: { text: 'Hi', withFallback: true }, contact: closedWindow }, 'main', 1],
    ['opted out: refused', { config: { text: 'Hi' }, contact: { optedOut: true } }, 'failed', 0],
    ['teammate owns the chat: refused', { config: { text: 'Hi' }, contact: { humanOwned: true } }, 'failed', 0],
    [
      'fallback template not approved: refused',
      {
        config: { text: 'Hi', withFallback: true },
        contact: closedWindow,
        templates: [{ name: 'reengage', language: 'en', status: 'PAUSED', components: [] }],
      },
      'failed',
      0,
    ],
    [
      'marketing fallback to a contact who stopped marketing: refused',
      { config: { text: 'Hi', withFallback: true }, contact: closedWindow, marketingOptedOut: true, templates: [marketingReengage] },
      'failed',
      0,
    ],
    [
      'marketing fallback to a contact who takes marketing: sent',
      { config: { text: 'Hi', withFallback: true }, contact: closedWindow, templates: [marketingReengage] },
      'main',
      1,
    ],
    [
      'utility fallback to a contact who stopped marketing: sent',
      {
        config: { text: 'Hi', withFallback: true },
        contact: closedWindow,
        marketingOptedOut: true,
        templates: [{ ...marketingReengage, category: 'UTILITY' }],
      },
      'main',
      1,
    ],
  ])('%s', async (_name, options, port, sentCount) => {
    const result = await runNode(say, options);
    expect(result.port).toBe(port);
    expect(result.sent).toHaveLength(sentCount);
    expect(result.sendCalls).toHaveLength(1);
  });

  it('says why the marketing opt-out refused', async () => {
    const result = await runNode(say, {
      config: { text: 'Hi', withFallback: true },
      contact: closedWindow,
      marketingOptedOut: true,
      templates: [marketingReengage],
    });
    expect(result.output).toEqual({ status: 'refused', reason: 'opted_out', detail: 'the contact stopped marketing messages' });
  });

  it('records the fallback template as what was sent', async () => {
    const result = await runNode(say, { config: { text: 'Hi', withFallback: true }, contact: closedWindow });
    expect(result.sent).toEqual([{ type: 'template', template: fallback }]);
    expect(result.output).toEqual({ status: 'accepted', wamid: 'wamid.test.1', usedFallback: true });
  });

  it('uses stubbed outcomes in order, then the rules again', async () => {
    const failed: SendOutcome = { status: 'failed', code: 131026, classification: 'permanent', detail: 'undeliverable' };
    expect((await runNode(say, { config: { text: 'Hi' }, sendResults: [failed] })).port).toBe('failed');
    expect((await runNode(say, { config: { text: 'Hi' }, sendResults: () => undefined })).port).toBe('main');
  });

  it('validates the config before running', async () => {
    await expect(runNode(say, { config: { text: 42 } })).rejects.toThrow(NodeConfigError);
  });

  it('rejects a message WhatsApp would not accept', async () => {
    await expect(runNode(say, { config: { text: '' } })).rejects.toThrow('invalid WhatsApp message');
  });
});

const crm = defineNode({
  type: 'test.crm',
  version: 1,
  label: 'CRM',
  category: 'Test',
  icon: 'database',
  description: 'Looks the contact up and tags it.',
  config: z.object({ credential: z.string() }),
  ports: ['found', 'error'],
  async run(ctx, config) {
    const { token } = await ctx.credentials.get(config.credential);
    try {
      const response = await ctx.http.request({
        method: 'GET',
        url: `https://crm.test/c/${ctx.contact.waId}`,
        headers: { authorization: token },
      });
      ctx.logger.info('crm answered', { status: response.status });
      await ctx.contacts.addTag('known');
      await ctx.contacts.setAttribute('plan', (response.body as { plan: string }).plan);
      return { port: 'found', variables: { crm: response.body } };
    } catch (error) {
      return { port: 'error', output: { message: (error as Error).message } };
    }
  },
});

describe('runNode recording', () => {
  it('records HTTP calls, contact changes, logs and variables', async () => {
    const result = await runNode(crm, {
      config: { credential: 'crm' },
      credentials: { crm: { token: 'secret' } },
      httpResponses: [{ status: 200, body: { plan: 'pro' } }],
    });
    expect(result.port).toBe('found');
    expect(result.httpCalls).toEqual([{ method: 'GET', url: 'https://crm.test/c/351910000001', headers: { authorization: 'secret' } }]);
    expect(result.contactChanges).toEqual([
      { op: 'addTag', tag: 'known' },
      { op: 'setAttribute', key: 'plan', value: 'pro' },
    ]);
    expect(result.contact).toEqual(expect.objectContaining({ tags: ['known'], attributes: { plan: 'pro' } }));
    expect(result.variables).toEqual({ crm: { plan: 'pro' } });
    expect(result.logs).toEqual([{ level: 'info', message: 'crm answered', fields: { status: 200 } }]);
  });

  it('simulates network errors and fails loudly on unexpected requests', async () => {
    const network = await runNode(crm, {
      config: { credential: 'crm' },
      credentials: { crm: { token: 't' } },
      httpResponses: [new Error('ECONNRESET')],
    });
    expect(network).toEqual(expect.objectContaining({ port: 'error', output: { message: 'ECONNRESET' } }));
    const none = await runNode(crm, { config: { credential: 'crm' }, credentials: { crm: { token: 't' } } });
    expect(none.output).toEqual({
      message: 'runNode: unexpected HTTP request GET https://crm.test/c/351910000001 (no httpResponses left)',
    });
  });

  it('refuses unknown credentials as a config error', async () => {
    await expect(runNode(crm, { config: { credential: 'missing' } })).rejects.toThrow('credential "missing" is not set up');
  });
});

describe('runNode with a reply wait', () => {
  const ask = defineNode({
    type: 'test.ask',
    version: 1,
    label: 'Ask',
    category: 'Test',
    icon: 'help-circle',
    description: 'Asks yes or no.',
    config: z.object({}),
    ports: ['failed'],
    awaitsReply: () => ({
      timeout: { amount: 1, unit: 'hours' },
      branches: [
        { port: 'yes', match: { kind: 'choice', ids: ['yes'] } },
        { port: 'no', match: { kind: 'keyword', keywords: ['no'], mode: 'exact' } },
      ],
    }),
    async run(ctx) {
      await ctx.whatsapp.send({ type: 'text', text: { body: 'Yes or no?' } });
      return { awaitReply: true };
    },
  });

  test.each([
    [{ buttonId: 'yes' }, 'yes'],
    [{ text: 'No.' }, 'no'],
    [{ text: 'maybe' }, 'other'],
    ['timeout' as const, 'timeout'],
    [undefined, undefined],
  ])('reply %j → %s', async (reply, port) => {
    const result = await runNode(ask, { config: {}, reply });
    expect(result.port).toBe(port);
    expect(result.awaitReply?.timeout).toEqual({ amount: 1, unit: 'hours' });
  });
});
