import { call, errorOf, send, sendTemplate, sendText, startTestBed, TestBed, TEST_TOKEN, wamidOf, resetBed } from '../__fixtures__/harness';
import { DEMO_CLOUD_PHONE_NUMBER_ID, DEMO_CONTACTS, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES } from '../seed/demo-seed';

const maria = DEMO_CONTACTS.maria.waId;
const omar = DEMO_CONTACTS.omar.waId;

describe('Graph send rules', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('accepts a text in the open window with Meta’s response shape', async () => {
    const result = await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, `+${maria}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${maria}`, wa_id: maria }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
  });

  it.each([
    ['missing', null],
    ['wrong', 'not-the-token'],
  ])('refuses a %s bearer token with 401 code 190', async (_label, token) => {
    const result = await call(
      bed.sim,
      'POST',
      `/v23.0/${DEMO_PHONE_NUMBER_ID}/messages`,
      { messaging_product: 'whatsapp', to: maria, text: { body: 'x' } },
      token,
    );
    expect(result.status).toBe(401);
    expect(errorOf(result)).toMatchObject({ code: 190, type: 'OAuthException', error_data: { messaging_product: 'whatsapp' } });
    expect(errorOf(result).fbtrace_id).toEqual(expect.any(String));
  });

  it('refuses an unknown phone number id with 400 code 100', async () => {
    const result = await sendText(bed.sim, '999999999999999', maria);
    expect(result.status).toBe(400);
    expect(errorOf(result)).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it.each([
    ['no messaging_product', { messaging_product: undefined, to: maria, type: 'text', text: { body: 'x' } }, 100],
    ['unknown type', { to: maria, type: 'carousel' }, 100],
    ['missing text body', { to: maria, type: 'text', text: {} }, 131008],
    ['image without id or link', { to: maria, type: 'image', image: { caption: 'x' } }, 131009],
    [
      'four reply buttons',
      {
        to: maria,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply', reply: { id, title: id } })) },
        },
      },
      131009,
    ],
    [
      'button title over 20 characters',
      {
        to: maria,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick' },
          action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'x'.repeat(21) } }] },
        },
      },
      131009,
    ],
    [
      'list with 11 rows',
      {
        to: maria,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Pick' },
          action: {
            button: 'Slots',
            sections: [{ title: 'All', rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` })) }],
          },
        },
      },
      131009,
    ],
  ])('refuses an invalid body (%s) with 400 and the right code, accepting nothing', async (_label, body, code) => {
    const result = await send(bed.sim, DEMO_PHONE_NUMBER_ID, body);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe(code);
    const ledger = await call<{ entries: { outcome: string; errorCode?: number }[] }>(bed.sim, 'GET', '/_sim/ledger');
    expect(ledger.body.entries).toEqual([expect.objectContaining({ outcome: 'refused', errorCode: code })]);
  });

  it.each([
    ['an unknown template', 132001, 'no_such_template', 'en_US'],
    ['an existing template in another language', 132001, DEMO_TEMPLATES.pricingInfo, 'pt_BR'],
    ['a paused template', 132015, DEMO_TEMPLATES.summerSale, 'en_US'],
    ['a disabled template', 132016, DEMO_TEMPLATES.springPromo, 'en_US'],
  ])('refuses %s with code %d', async (_label, code, name, language) => {
    const result = await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
      to: omar,
      type: 'template',
      template: { name, language: { code: language }, components: [] },
    });
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe(code);
  });

  it('refuses a PENDING template with 132001', async () => {
    const created = await call(bed.sim, 'POST', '/_sim/meta/templates', {
      wabaId: '114620785021387',
      name: 'new_arrivals',
      language: 'en_US',
      category: 'MARKETING',
      status: 'PENDING',
      components: [{ type: 'BODY', text: 'New arrivals are in!' }],
    });
    expect(created.status).toBe(201);
    const result = await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar, 'new_arrivals');
    expect(errorOf(result).code).toBe(132001);
  });

  it.each([
    ['too few body parameters', DEMO_TEMPLATES.orderShipped, ['Omar']],
    ['too many body parameters', DEMO_TEMPLATES.pricingInfo, ['Omar', 'extra']],
    ['parameters for a template without any', DEMO_TEMPLATES.welcomeBack, ['Omar']],
  ])('refuses %s with 132000', async (_label, name, params) => {
    const result = await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar, name, params);
    expect(result.status).toBe(400);
    expect(errorOf(result).code).toBe(132000);
    expect(errorOf(result).error_data.details).toContain('body: number of localizable_params');
  });

  it('checks named parameters by name', async () => {
    const template = (params: { parameter_name: string; text: string }[]) =>
      send(bed.sim, DEMO_PHONE_NUMBER_ID, {
        to: omar,
        type: 'template',
        template: {
          name: DEMO_TEMPLATES.appointmentReminder,
          language: { code: 'en_US' },
          components: [{ type: 'body', parameters: params.map((p) => ({ type: 'text', ...p })) }],
        },
      });
    const wrong = await template([
      { parameter_name: 'first_name', text: 'Omar' },
      { parameter_name: 'time', text: 'Friday' },
    ]);
    expect(errorOf(wrong).code).toBe(132000);
    const right = await template([
      { parameter_name: 'date', text: 'Friday' },
      { parameter_name: 'first_name', text: 'Omar' },
    ]);
    expect(right.status).toBe(200);
  });

  it('refuses the 21st send inside one second on a 20 mps number with 130429 and does not accept it', async () => {
    const contacts = Array.from({ length: 21 }, (_, i) => `1555100${String(i).padStart(4, '0')}`);
    const results = await Promise.all(contacts.map((to) => sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, to, DEMO_TEMPLATES.welcomeBack)));
    const refused = results.filter((r) => r.status !== 200);
    expect(results.filter((r) => r.status === 200)).toHaveLength(20);
    expect(refused).toHaveLength(1);
    expect(refused[0].status).toBe(400);
    expect(errorOf(refused[0]).code).toBe(130429);
    const ledger = await call<{ entries: { outcome: string; errorCode?: number }[] }>(
      bed.sim,
      'GET',
      `/_sim/ledger?phoneNumberId=${DEMO_PHONE_NUMBER_ID}`,
    );
    expect(ledger.body.entries.filter((e) => e.outcome === 'accepted')).toHaveLength(20);
    expect(ledger.body.entries.filter((e) => e.errorCode === 130429)).toHaveLength(1);
    await bed.sim.whenIdle();
    expect(new Set(bed.receiver.statuses().map((s) => s.id)).size).toBe(20);
  });

  it('lets the cloud number (80 mps) send 21 in one second', async () => {
    const results = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        sendTemplate(bed.sim, DEMO_CLOUD_PHONE_NUMBER_ID, `1555200${String(i).padStart(4, '0')}`, DEMO_TEMPLATES.welcomeBack),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('refuses the 46th message to one recipient within the burst with 131056, others still go', async () => {
    const results: number[] = [];
    for (let i = 0; i < 46; i++) {
      const result = await sendTemplate(bed.sim, DEMO_CLOUD_PHONE_NUMBER_ID, omar, DEMO_TEMPLATES.welcomeBack);
      results.push(result.status === 200 ? 200 : errorOf(result).code);
    }
    expect(results.slice(0, 45).every((r) => r === 200)).toBe(true);
    expect(results[45]).toBe(131056);
    expect((await sendTemplate(bed.sim, DEMO_CLOUD_PHONE_NUMBER_ID, maria, DEMO_TEMPLATES.welcomeBack)).status).toBe(200);
  });

  it('marks an inbound message as read', async () => {
    const inbound = await call<{ wamid: string }>(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: omar,
      message: { type: 'text', text: 'Anyone there?' },
    });
    const result = await send(bed.sim, DEMO_PHONE_NUMBER_ID, { status: 'read', message_id: inbound.body.wamid });
    expect(result).toEqual({ status: 200, body: { success: true } });
    expect(bed.sim.state.findMessage(inbound.body.wamid)?.message.readByBusiness).toBe(true);
    const unknown = await send(bed.sim, DEMO_PHONE_NUMBER_ID, { status: 'read', message_id: 'wamid.nope' });
    expect(errorOf(unknown).code).toBe(131009);
  });

  it('accepts the token as access_token query parameter too', async () => {
    const result = await call(
      bed.sim,
      'GET',
      `/v23.0/${DEMO_PHONE_NUMBER_ID}?fields=is_on_biz_app&access_token=${TEST_TOKEN}`,
      undefined,
      null,
    );
    expect(result.body).toEqual({ is_on_biz_app: true, id: DEMO_PHONE_NUMBER_ID });
  });

  it('returns the wamid of a reply with context and echoes biz_opaque_callback_data on statuses', async () => {
    const first = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, maria, 'first'));
    const reply = await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
      to: maria,
      type: 'text',
      text: { body: 'second' },
      context: { message_id: first },
      biz_opaque_callback_data: 'run=1;node=a',
    });
    await bed.receiver.waitFor(() => bed.receiver.statuses(wamidOf(reply)).length === 3);
    expect(bed.receiver.statuses(wamidOf(reply)).map((s) => s.biz_opaque_callback_data)).toEqual([
      'run=1;node=a',
      'run=1;node=a',
      'run=1;node=a',
    ]);
    expect(bed.sim.state.findMessage(wamidOf(reply))?.message.context).toEqual({ id: first, from: '15557012244' });
  });
});
