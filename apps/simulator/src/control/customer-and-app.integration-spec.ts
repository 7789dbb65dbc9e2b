import { call, errorOf, send, sendTemplate, sendText, startTestBed, TEST_TOKEN, TestBed, wamidOf, resetBed } from '../__fixtures__/harness';
import { DEMO_CONTACTS, DEMO_DISPLAY_PHONE_NUMBER, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES } from '../seed/demo-seed';

const { maria, priya, omar, lucia } = DEMO_CONTACTS;

function customer(bed: TestBed, waId: string, message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return call<{ wamid: string; deliveryId: number | null; windowOpenUntil: string | null }>(bed.sim, 'POST', '/_sim/customers/messages', {
    phoneNumberId: DEMO_PHONE_NUMBER_ID,
    waId,
    message,
    ...extra,
  });
}

function lastInbound(bed: TestBed): Record<string, unknown> {
  const messages = bed.receiver.changes('messages').flatMap((c) => (c.value.messages as Record<string, unknown>[] | undefined) ?? []);
  return messages[messages.length - 1];
}

describe('customer and business-app control API', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('a customer text opens the window so free-form sends get delivered', async () => {
    expect((await customer(bed, omar.waId, { type: 'text', text: 'Hello' })).body.windowOpenUntil).toEqual(expect.any(String));
    const wamid = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('a customer message dated before onboarding does not open the window', async () => {
    const beforeOnboarding = Math.floor(Date.now() / 1000) - 4 * 24 * 3600;
    const result = await customer(bed, omar.waId, { type: 'text', text: 'Old' }, { timestamp: beforeOnboarding });
    expect(result.body.windowOpenUntil).toBeNull();
  });

  it('taps a reply button of our interactive message, with context = our wamid', async () => {
    const sent = await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
      to: maria.waId,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Confirm your order?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'order_confirm_yes', title: 'Yes, confirm' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
    await customer(bed, maria.waId, { type: 'button_reply', id: 'order_confirm_yes' });
    await bed.receiver.waitFor(() => bed.receiver.changes('messages').some((c) => c.value.messages !== undefined));
    expect(lastInbound(bed)).toMatchObject({
      context: { from: DEMO_DISPLAY_PHONE_NUMBER, id: wamidOf(sent) },
      from: maria.waId,
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'order_confirm_yes', title: 'Yes, confirm' } },
    });
    expect((await customer(bed, maria.waId, { type: 'button_reply', id: 'maybe' })).status).toBe(400);
  });

  it('picks a list row and a template quick-reply button', async () => {
    await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
      to: lucia.waId,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'Pick a slot' },
        action: {
          button: 'Slots',
          sections: [{ title: 'Wednesday', rows: [{ id: 'slot_15', title: 'Wed 15:00', description: 'Downtown store' }] }],
        },
      },
    });
    const template = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, priya.waId, DEMO_TEMPLATES.pricingInfo, ['Priya']));
    await customer(bed, lucia.waId, { type: 'list_reply', title: 'Wed 15:00' });
    await customer(bed, priya.waId, { type: 'quick_reply', text: 'Stop promotions' });
    await bed.sim.whenIdle();
    const inbound = bed.receiver.changes('messages').flatMap((c) => (c.value.messages as Record<string, unknown>[] | undefined) ?? []);
    expect(inbound.find((m) => m.from === lucia.waId)).toMatchObject({
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'slot_15', title: 'Wed 15:00', description: 'Downtown store' } },
    });
    expect(inbound.find((m) => m.from === priya.waId)).toMatchObject({
      type: 'button',
      context: { id: template },
      button: { payload: 'Stop promotions', text: 'Stop promotions' },
    });
  });

  it('sends an image whose media can be fetched through Graph with the bearer token', async () => {
    await customer(bed, omar.waId, { type: 'image', caption: 'Box arrived damaged' });
    await bed.sim.whenIdle();
    const image = lastInbound(bed).image as { id: string; sha256: string; mime_type: string; url: string };
    const meta = await call(bed.sim, 'GET', `/v23.0/${image.id}`);
    expect(meta.body).toEqual({
      messaging_product: 'whatsapp',
      // A fresh link each time, valid for 5 minutes like Meta's.
      url: expect.stringMatching(new RegExp(`/_sim/media/${image.id}/bytes\\?expires=\\d+$`)),
      mime_type: 'image/png',
      sha256: image.sha256,
      file_size: expect.any(Number),
      id: image.id,
    });
    const bytes = await fetch(image.url, { headers: { authorization: `Bearer ${TEST_TOKEN}` } });
    const buffer = Buffer.from(await bytes.arrayBuffer());
    expect(bytes.headers.get('content-type')).toContain('image/png');
    expect(buffer.subarray(1, 4).toString()).toBe('PNG');
    expect(buffer.length).toBe(meta.body.file_size);
    expect((await fetch(image.url)).status).toBe(401);
  });

  it('shares a location and reacts to our message', async () => {
    const ours = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId, 'Your shoes are ready'));
    await customer(bed, maria.waId, { type: 'location', latitude: 40.416775, longitude: -3.70379, name: 'Puerta del Sol' });
    await customer(bed, maria.waId, { type: 'reaction', messageId: ours, emoji: '👍' });
    await bed.sim.whenIdle();
    const inbound = bed.receiver.changes('messages').flatMap((c) => (c.value.messages as Record<string, unknown>[] | undefined) ?? []);
    expect(inbound.map((m) => [m.type, m[m.type as string]])).toEqual([
      ['location', { latitude: 40.416775, longitude: -3.70379, name: 'Puerta del Sol' }],
      ['reaction', { message_id: ours, emoji: '👍' }],
    ]);
    expect((await customer(bed, maria.waId, { type: 'reaction', messageId: 'wamid.unknown', emoji: '👍' })).status).toBe(400);
  });

  it('rejects a bad customer body with a clear 400 and changes nothing', async () => {
    const noSender = await call<{ message: string }>(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      message: { type: 'text', text: 'x' },
    });
    expect(noSender.status).toBe(400);
    expect(noSender.body.message).toContain('waId or userId is required');
    const noText = await customer(bed, omar.waId, { type: 'text' });
    expect(noText.status).toBe(400);
    expect(noText.body).toMatchObject({ issues: [{ path: 'message.text' }] });
    const unknownNumber = await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: '1',
      waId: omar.waId,
      message: { type: 'text', text: 'x' },
    });
    expect(unknownNumber.status).toBe(404);
    expect(bed.receiver.received).toHaveLength(0);
  });

  it('echoes app messages, which neither need nor open the window', async () => {
    const echo = await call<{ wamid: string }>(bed.sim, 'POST', '/_sim/business/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      to: omar.waId,
      message: { type: 'text', text: 'Hi Omar, it is Ana from the store' },
    });
    await bed.sim.whenIdle();
    const [change] = bed.receiver.changes('smb_message_echoes');
    expect(change.value.message_echoes).toEqual([
      {
        from: DEMO_DISPLAY_PHONE_NUMBER,
        to: omar.waId,
        id: echo.body.wamid,
        timestamp: expect.any(String),
        type: 'text',
        text: { body: 'Hi Omar, it is Ana from the store' },
      },
    ]);
    const wamid = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, 'Following up'));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => [s.status, (s.errors as { code: number }[] | undefined)?.[0].code])).toEqual([
      ['failed', 131047],
    ]);
  });

  it('edits and revokes an earlier app message', async () => {
    const echo = await call<{ wamid: string }>(bed.sim, 'POST', '/_sim/business/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      to: maria.waId,
      message: { type: 'text', text: 'See you at 6' },
    });
    const edit = await call<{ wamid: string }>(bed.sim, 'POST', `/_sim/business/messages/${encodeURIComponent(echo.body.wamid)}/edit`, {
      text: 'See you at 7',
    });
    const revoke = await call<{ wamid: string }>(bed.sim, 'POST', `/_sim/business/messages/${encodeURIComponent(echo.body.wamid)}/revoke`);
    await bed.sim.whenIdle();
    const items = bed.receiver.changes('smb_message_echoes').flatMap((c) => c.value.message_echoes as Record<string, unknown>[]);
    expect(items.map((i) => [i.id, i.type, i[i.type as string]])).toEqual([
      [echo.body.wamid, 'text', { body: 'See you at 6' }],
      [edit.body.wamid, 'edit', { original_message_id: echo.body.wamid, message: { type: 'text', text: { body: 'See you at 7' } } }],
      [revoke.body.wamid, 'revoke', { original_message_id: echo.body.wamid }],
    ]);
    expect(bed.sim.state.findMessage(echo.body.wamid)?.message).toMatchObject({ editedText: 'See you at 7', revoked: true });
    expect((await call(bed.sim, 'POST', `/_sim/business/messages/${encodeURIComponent(echo.body.wamid)}/revoke`)).status).toBe(400);
    expect((await call(bed.sim, 'POST', '/_sim/business/messages/wamid.nope/edit', { text: 'x' })).status).toBe(404);
  });

  it('echoes an image to a BSUID contact with contacts[] and to_user_id', async () => {
    const joao = DEMO_CONTACTS.joao;
    await call(bed.sim, 'POST', '/_sim/business/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      to: joao.waId,
      message: { type: 'image', caption: 'Nova caixa' },
    });
    await bed.sim.whenIdle();
    const [change] = bed.receiver.changes('smb_message_echoes');
    expect(change.value.contacts).toEqual([{ wa_id: joao.waId, user_id: joao.userId }]);
    expect(change.value.message_echoes).toEqual([
      expect.objectContaining({
        to: joao.waId,
        to_user_id: joao.userId,
        type: 'image',
        image: expect.objectContaining({ caption: 'Nova caixa' }),
      }),
    ]);
  });

  it('refuses a send whose phone number id is a media id with code 100', async () => {
    await customer(bed, omar.waId, { type: 'image' });
    await bed.sim.whenIdle();
    const image = lastInbound(bed).image as { id: string };
    expect(errorOf(await sendText(bed.sim, image.id, omar.waId)).code).toBe(100);
  });
});
