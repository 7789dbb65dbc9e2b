import type { AddressInfo } from 'node:net';
// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../simulator/src';
import { APP_SECRET, type IntakeHarness, startIntake, until } from '../webhooks/__fixtures__/intake-harness';
import { WABA_ID } from '../webhooks/__fixtures__/webhooks';

jest.setTimeout(30_000);

const TOKEN = 'template-submission-token';

describe('templates: create, submit to Meta, review verdict by webhook', () => {
  let sim: SimulatorHandle;
  let h: IntakeHarness;
  let numberId: string;

  beforeAll(async () => {
    sim = await createSimulatorApp({
      port: 0,
      webhookUrl: 'http://127.0.0.1:9/not-yet',
      appSecret: APP_SECRET,
      accessToken: TOKEN,
      seed: true,
      logger: false,
      behaviour: { templateReviewMs: 100 },
    });
    h = await startIntake('api_template_submit', { META_GRAPH_BASE_URL: sim.url, META_ACCESS_TOKEN: TOKEN });
    numberId = await h.seedNumber();
    await h.app.listen(0, '127.0.0.1');
    const { port } = h.app.getHttpServer().address() as AddressInfo;
    sim.configure({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` });
  });
  afterAll(async () => {
    await h.close();
    await sim.close();
  });

  const create = (body: Record<string, unknown>) =>
    h
      .http()
      .post('/api/templates')
      .set(h.auth)
      .send({ numberId, language: 'en_US', ...body });
  const stored = async (name: string) => (await h.ds.query('SELECT * FROM templates WHERE name = $1', [name]))[0];
  const simTemplate = (name: string) => sim.state.templatesOf(WABA_ID).find((t) => t.name === name);
  const verdict = (name: string) => until(async () => ((await stored(name))?.status !== 'PENDING' ? stored(name) : undefined));

  it('submits a template: PENDING at once, APPROVED when Meta’s review webhook arrives', async () => {
    const res = await create({
      name: 'order_ready',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Order ready' },
        { type: 'BODY', text: 'Hi {{1}}, your order {{2}} is ready for pickup.', example: { body_text: [['Ana', 'A-17']] } },
        { type: 'FOOTER', text: 'Acme Stores' },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'On my way' }] },
      ],
    }).expect(201);
    expect(res.body).toMatchObject({
      name: 'order_ready',
      status: 'PENDING',
      category: 'UTILITY',
      templateId: simTemplate('order_ready')?.id,
    });
    expect(simTemplate('order_ready')?.components).toHaveLength(4);
    expect(await verdict('order_ready')).toMatchObject({ status: 'APPROVED', status_reason: null });
    const [audit] = await h.ds.query(`SELECT target_label FROM audit_log WHERE action = 'template.created'`);
    expect(audit.target_label).toBe('order_ready (en_US)');
  });

  it('records Meta’s rejection reason', async () => {
    await create({
      name: 'receipt_with_coupon',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Thanks for your visit! Use coupon SAVE10 for 10% off next time.' }],
    }).expect(201);
    const row = await verdict('receipt_with_coupon');
    expect(row).toMatchObject({ status: 'REJECTED', status_reason: 'INCORRECT_CATEGORY' });
    const listed = await h.http().get(`/api/templates?numberId=${numberId}`).set(h.auth).expect(200);
    expect(listed.body.items.find((t: { name: string }) => t.name === 'receipt_with_coupon')).toMatchObject({
      statusDetail: 'The content is promotional: submit it as a MARKETING template.',
    });
  });

  it('refuses what Meta would refuse, with every problem and nothing submitted', async () => {
    const bad = await create({
      name: 'bad_one',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: '{{1}}, big news {{3}}' },
        { type: 'FOOTER', text: 'Bye {{1}}' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([
      'body: variables must be numbered {{1}} to {{2}} without gaps',
      'the body cannot start or end with a variable',
      'body: give one sample value for each of its 2 variables',
      'the footer cannot have variables',
    ]);
    expect((await create({ name: 'Bad Name', category: 'MARKETING', components: [{ type: 'BODY', text: 'x' }] })).status).toBe(400);
    expect((await create({ name: 'auth_code', category: 'AUTHENTICATION', components: [{ type: 'BODY', text: 'x' }] })).status).toBe(400);
    expect(simTemplate('bad_one')).toBeUndefined();
    expect(await stored('bad_one')).toBeUndefined();
    const dup = await create({ name: 'order_ready', category: 'UTILITY', components: [{ type: 'BODY', text: 'Again' }] });
    expect(dup.status).toBe(409);
    const unknown = await h
      .http()
      .post('/api/templates')
      .set(h.auth)
      .send({
        numberId: '0f1e7a52-0000-4000-8000-000000000000',
        name: 'x',
        language: 'en',
        category: 'UTILITY',
        components: [{ type: 'BODY', text: 'x' }],
      });
    expect(unknown.status).toBe(404);
  });

  it('passes on Meta’s own refusal as a 400', async () => {
    // Meta knows a name the local table does not (created in WhatsApp Manager, not synced yet).
    sim.state.addTemplate({ ...simTemplate('order_ready')!, id: '1234567', name: 'made_elsewhere' });
    const res = await create({ name: 'made_elsewhere', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello there' }] });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('already exists');
    expect(await stored('made_elsewhere')).toBeUndefined();
  });
});
