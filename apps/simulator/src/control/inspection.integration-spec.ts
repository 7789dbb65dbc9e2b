import { call, errorOf, resetBed, sendTemplate, sendText, startTestBed, TestBed } from '../__fixtures__/harness';
import { DEMO_CLOUD_PHONE_NUMBER_ID, DEMO_CONTACTS, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES, DEMO_WABA_ID } from '../seed/demo-seed';

const { maria, omar } = DEMO_CONTACTS;

interface LedgerEntry {
  seq: number;
  phoneNumberId: string;
  recipient?: string;
  outcome: string;
  errorCode?: number;
  templateName?: string;
  at: string;
}

const ledger = async (bed: TestBed, query = '') =>
  (await call<{ entries: LedgerEntry[] }>(bed.sim, 'GET', `/_sim/ledger${query}`)).body.entries;

describe('inspection, Graph reads and admin', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('ledgers accepted and refused sends, filterable by number, recipient, outcome, code and time', async () => {
    await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId);
    await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.summerSale, ['20%']);
    const middle = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sendTemplate(bed.sim, DEMO_CLOUD_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack);
    expect((await ledger(bed)).map((e) => [e.phoneNumberId, e.recipient, e.outcome, e.errorCode])).toEqual([
      [DEMO_PHONE_NUMBER_ID, maria.waId, 'accepted', undefined],
      [DEMO_PHONE_NUMBER_ID, omar.waId, 'refused', 132015],
      [DEMO_CLOUD_PHONE_NUMBER_ID, omar.waId, 'accepted', undefined],
    ]);
    expect((await ledger(bed, `?phoneNumberId=${DEMO_CLOUD_PHONE_NUMBER_ID}`)).map((e) => e.seq)).toEqual([3]);
    expect((await ledger(bed, `?recipient=${omar.waId}&outcome=refused`)).map((e) => e.templateName)).toEqual([DEMO_TEMPLATES.summerSale]);
    expect((await ledger(bed, `?since=${middle}`)).map((e) => e.seq)).toEqual([3]);
    expect((await ledger(bed, `?since=${new Date(middle).toISOString()}`)).map((e) => e.seq)).toEqual([3]);
    expect((await ledger(bed, '?errorCode=132015')).map((e) => e.seq)).toEqual([2]);
    expect((await call(bed.sim, 'GET', '/_sim/ledger?since=yesterday')).status).toBe(400);
  });

  it('counts refusals per error code in /_sim/stats', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, `1555400${String(i).padStart(4, '0')}`, DEMO_TEMPLATES.welcomeBack),
      ),
    );
    await sendText(bed.sim, DEMO_CLOUD_PHONE_NUMBER_ID, omar.waId);
    await bed.sim.whenIdle();
    const stats = await call<{
      sends: { accepted: number; refused: number; refusedByCode: Record<string, number> };
      errorCodes: Record<string, number>;
      webhooks: { delivered: number };
    }>(bed.sim, 'GET', '/_sim/stats');
    expect(stats.body.sends).toMatchObject({ accepted: 21, refused: 5, refusedByCode: { 130429: 5 } });
    expect(stats.body.errorCodes).toEqual({ 130429: 5, 131047: 1 });
    expect(stats.body.webhooks.delivered).toBe(20 * 3 + 1);
  });

  it('lists numbers, templates and conversations', async () => {
    const numbers = await call<{ numbers: { phoneNumberId: string; mode: string; capPerSecond: number; connected: boolean }[] }>(
      bed.sim,
      'GET',
      '/_sim/numbers',
    );
    expect(numbers.body.numbers.map((n) => [n.phoneNumberId, n.mode, n.capPerSecond, n.connected])).toEqual([
      [DEMO_PHONE_NUMBER_ID, 'coexistence', 20, true],
      [DEMO_CLOUD_PHONE_NUMBER_ID, 'cloud', 80, true],
    ]);
    const templates = await call<{ templates: { name: string; status: string }[] }>(
      bed.sim,
      'GET',
      `/_sim/templates?wabaId=${DEMO_WABA_ID}`,
    );
    expect(templates.body.templates.find((t) => t.name === DEMO_TEMPLATES.summerSale)?.status).toBe('PAUSED');
    const conversations = await call<{ conversations: { windowOpen: boolean; contact: { waId: string } }[] }>(
      bed.sim,
      'GET',
      `/_sim/conversations?phoneNumberId=${DEMO_PHONE_NUMBER_ID}`,
    );
    expect(conversations.body.conversations).toEqual([
      expect.objectContaining({ windowOpen: true, contact: expect.objectContaining({ waId: maria.waId }) }),
    ]);
    expect((await call(bed.sim, 'GET', '/_sim/conversations?waId=19999999999')).status).toBe(404);
  });

  it('pages message_templates like Graph', async () => {
    const first = await call<{
      data: { name: string; status: string; category: string; language: string; components: unknown[] }[];
      paging: { next?: string; cursors: { after: string } };
    }>(bed.sim, 'GET', `/v23.0/${DEMO_WABA_ID}/message_templates?limit=4`);
    expect(first.body.data).toHaveLength(4);
    expect(first.body.paging.next).toContain(`after=${first.body.paging.cursors.after}`);
    const second = await call<{ data: { name: string }[]; paging: { next?: string } }>(
      bed.sim,
      'GET',
      `/v23.0/${DEMO_WABA_ID}/message_templates?limit=4&after=${first.body.paging.cursors.after}`,
    );
    expect(second.body.data).toHaveLength(3);
    expect(second.body.paging.next).toBeUndefined();
    const names = [...first.body.data, ...second.body.data].map((t) => t.name).sort();
    expect(names).toEqual(Object.values(DEMO_TEMPLATES).sort());
    expect(errorOf(await call(bed.sim, 'GET', '/v23.0/1234/message_templates')).code).toBe(100);
  });

  it('answers phone number fields for coexistence and cloud numbers', async () => {
    const fields = 'is_on_biz_app,platform_type,throughput,display_phone_number';
    expect((await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}?fields=${fields}`)).body).toEqual({
      is_on_biz_app: true,
      platform_type: 'CLOUD_API',
      throughput: { level: 'STANDARD' },
      display_phone_number: '15557012244',
      id: DEMO_PHONE_NUMBER_ID,
    });
    expect((await call(bed.sim, 'GET', `/v23.0/${DEMO_CLOUD_PHONE_NUMBER_ID}?fields=is_on_biz_app`)).body).toEqual({
      is_on_biz_app: false,
      id: DEMO_CLOUD_PHONE_NUMBER_ID,
    });
    expect(errorOf(await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}?fields=secret_sauce`)).code).toBe(100);
    expect(errorOf(await call(bed.sim, 'GET', '/v23.0/987654321')).code).toBe(100);
  });

  it('answers malformed JSON and unknown paths in each surface’s own error shape', async () => {
    const graph = await fetch(`${bed.sim.url}/v23.0/${DEMO_PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-access-token', 'content-type': 'application/json' },
      body: '{"to":',
    });
    expect(graph.status).toBe(400);
    expect(await graph.json()).toMatchObject({ error: { code: 100, type: 'OAuthException' } });
    expect((await call(bed.sim, 'GET', '/_sim/nothing-here')).body).toMatchObject({ statusCode: 404 });
    expect(errorOf(await call(bed.sim, 'GET', '/v2/123')).code).toBe(100);
  });

  it('serves the OpenAPI document with the Graph and control paths', async () => {
    const doc = await call<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
      bed.sim,
      'GET',
      '/_sim/docs-json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/{version}/{phoneNumberId}/messages',
      '/{version}/{wabaId}/message_templates',
      '/_sim/customers/messages',
      '/_sim/business/messages/{wamid}/edit',
      '/_sim/meta/numbers/{phoneNumberId}/history',
      '/_sim/ledger',
      '/_sim/config',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
    expect(doc.body.paths['/_sim/customers/messages'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object' } } },
    });
    const ui = await fetch(`${bed.sim.url}/_sim/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('reset empties state and re-seeds; config changes are validated and reset', async () => {
    await call(bed.sim, 'POST', '/_sim/meta/contacts', { waId: '15556667777', profileName: 'Temp' });
    expect((await call(bed.sim, 'POST', '/_sim/config', { failRate: 2 })).status).toBe(400);
    expect((await call(bed.sim, 'POST', '/_sim/config', { failRate: 0.5 })).body).toMatchObject({ failRate: 0.5, readRate: 1 });
    await call(bed.sim, 'POST', '/_sim/reset', { seed: false });
    expect((await call<{ numbers: unknown[] }>(bed.sim, 'GET', '/_sim/numbers')).body.numbers).toEqual([]);
    expect((await call(bed.sim, 'GET', '/_sim/config')).body).toMatchObject({ failRate: 0 });
    await call(bed.sim, 'POST', '/_sim/reset', { seed: true });
    const contacts = await call<{ contacts: { waId?: string }[] }>(bed.sim, 'GET', '/_sim/contacts');
    expect(contacts.body.contacts.map((c) => c.waId)).not.toContain('15556667777');
    expect(contacts.body.contacts.map((c) => c.waId)).toContain(maria.waId);
  });
});
