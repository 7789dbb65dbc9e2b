import { call, sendTemplate, sendText, startTestBed, TestBed, wamidOf, resetBed } from '../__fixtures__/harness';
import { DEMO_CONTACTS, DEMO_DISPLAY_PHONE_NUMBER, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES, DEMO_WABA_ID } from '../seed/demo-seed';

const { maria, omar, unreachable } = DEMO_CONTACTS;

describe('status webhooks', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('sends sent → delivered → read for an approved template, with PMP pricing and the callback data', async () => {
    const result = await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.orderShipped, ['Omar', '#5521'], {
      biz_opaque_callback_data: 'run=7f3c2a91;node=send_order_update',
    });
    expect(result.status).toBe(200);
    expect(result.body.messages).toEqual([{ id: expect.any(String), message_status: 'accepted' }]);
    const wamid = wamidOf(result);
    await bed.receiver.waitFor(() => bed.receiver.statuses(wamid).length === 3);
    const webhook = bed.receiver.received[0].body;
    expect(webhook.object).toBe('whatsapp_business_account');
    expect(webhook.entry[0].id).toBe(DEMO_WABA_ID);
    expect(webhook.entry[0].changes[0].value.metadata).toEqual({
      display_phone_number: DEMO_DISPLAY_PHONE_NUMBER,
      phone_number_id: DEMO_PHONE_NUMBER_ID,
    });
    const statuses = bed.receiver.statuses(wamid);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    for (const status of statuses) {
      expect(status).toMatchObject({
        id: wamid,
        recipient_id: omar.waId,
        timestamp: expect.stringMatching(/^\d{10}$/),
        biz_opaque_callback_data: 'run=7f3c2a91;node=send_order_update',
        pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
        conversation: { id: expect.stringMatching(/^[0-9a-f]{32}$/), origin: { type: 'utility' } },
      });
    }
    expect(statuses[0].conversation).toHaveProperty('expiration_timestamp');
  });

  it('accepts free-form outside the window, then fails it with 131047 (no sent)', async () => {
    const result = await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, 'Are you still interested?');
    expect(result.status).toBe(200);
    const wamid = wamidOf(result);
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid)).toEqual([
      {
        id: wamid,
        status: 'failed',
        timestamp: expect.any(String),
        recipient_id: omar.waId,
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: { details: expect.stringContaining('24 hours') },
            href: expect.stringContaining('developers.facebook.com'),
          },
        ],
      },
    ]);
    const ledger = await call<{ entries: { wamid?: string; asyncFailureCode?: number }[] }>(
      bed.sim,
      'GET',
      '/_sim/ledger?errorCode=131047',
    );
    expect(ledger.body.entries).toEqual([expect.objectContaining({ wamid, asyncFailureCode: 131047 })]);
  });

  it('delivers free-form once the customer has written (service pricing, free)', async () => {
    await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: omar.waId,
      profileName: 'Omar Haddad',
      message: { type: 'text', text: 'Hi' },
    });
    const wamid = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, 'Hi Omar, how can we help?'));
    await bed.receiver.waitFor(() => bed.receiver.statuses(wamid).length === 3);
    expect(bed.receiver.statuses(wamid).map((s) => [s.status, s.pricing])).toEqual(
      ['sent', 'delivered', 'read'].map((status) => [
        status,
        { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
      ]),
    );
  });

  it('makes utility templates free inside the window and marketing ones charged', async () => {
    const utility = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId, DEMO_TEMPLATES.followUpReminder, ['Maria']));
    const marketing = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId, DEMO_TEMPLATES.pricingInfo, ['Maria']));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(utility)[0].pricing).toMatchObject({ type: 'free_customer_service', category: 'utility' });
    expect(bed.receiver.statuses(marketing)[0].pricing).toMatchObject({ type: 'regular', category: 'marketing', billable: true });
  });

  it('fails sends to a number that is not on WhatsApp with 131026', async () => {
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, unreachable.waId, DEMO_TEMPLATES.welcomeBack));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => [s.status, (s.errors as { code: number }[] | undefined)?.[0].code])).toEqual([
      ['failed', 131026],
    ]);
  });

  it('applies failRate with the configured code after sent', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { failRate: 1, failCode: 131049 });
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'failed']);
    const stats = await call<{ errorCodes: Record<string, number> }>(bed.sim, 'GET', '/_sim/stats');
    expect(stats.body.errorCodes).toEqual({ 131049: 1 });
  });

  it('stops at delivered when the contact has read receipts off', async () => {
    await call(bed.sim, 'POST', '/_sim/meta/contacts', { waId: '15557778888', profileName: 'Private', readReceipts: false });
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, '15557778888', DEMO_TEMPLATES.welcomeBack));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => s.status)).toEqual(['sent', 'delivered']);
  });

  it('uses the configured delays', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { statusDelaysMs: { sent: 100, delivered: 250, read: 400 } });
    const started = Date.now();
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack));
    await bed.receiver.waitFor(() => bed.receiver.statuses(wamid).length === 3);
    const arrivals = bed.receiver.received.map((w) => w.at - started);
    expect(arrivals[0]).toBeGreaterThanOrEqual(95);
    expect(arrivals[1]).toBeGreaterThanOrEqual(245);
    expect(arrivals[2]).toBeGreaterThanOrEqual(395);
  });

  it('records the statuses on the conversation for the try-it chat', async () => {
    const wamid = wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId, 'Yes, size 42 is in stock'));
    await bed.sim.whenIdle();
    const result = await call<{
      conversations: { windowOpen: boolean; messages: { wamid: string; status?: string; direction: string }[] }[];
    }>(bed.sim, 'GET', `/_sim/conversations?phoneNumberId=${DEMO_PHONE_NUMBER_ID}&waId=${maria.waId}`);
    const [conversation] = result.body.conversations;
    expect(conversation.windowOpen).toBe(true);
    expect(conversation.messages.map((m) => [m.direction, m.status])).toEqual([
      ['inbound', undefined],
      ['outbound_api', 'read'],
    ]);
    expect(conversation.messages[1].wamid).toBe(wamid);
  });
});
