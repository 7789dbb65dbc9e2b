import { call, errorOf, resetBed, sendTemplate, startTestBed, TestBed, wamidOf } from '../__fixtures__/harness';
import {
  DEMO_CONTACTS,
  DEMO_DISPLAY_PHONE_NUMBER,
  DEMO_PHONE_NUMBER_ID,
  DEMO_TEMPLATE_IDS,
  DEMO_TEMPLATES,
  DEMO_WABA_ID,
} from '../seed/demo-seed';

const { maria, omar } = DEMO_CONTACTS;

const FRESH_NUMBER = '104500000000001';
const FRESH_DISPLAY = '15557010000';

/** A coexistence number onboarded an hour ago (sync requests allowed), with the demo's phone history. */
async function onboardFreshNumber(bed: TestBed): Promise<void> {
  const created = await call(bed.sim, 'POST', '/_sim/meta/numbers', {
    phoneNumberId: FRESH_NUMBER,
    wabaId: '104500000000000',
    displayPhoneNumber: FRESH_DISPLAY,
    onboardedAt: new Date(Date.now() - 3600_000).toISOString(),
    history: [
      {
        waId: maria.waId,
        messages: [
          { direction: 'inbound', type: 'image', daysBeforeOnboarding: 30 },
          { direction: 'inbound', text: 'Hello, are you open on Sundays?', daysBeforeOnboarding: 20 },
          { direction: 'outbound', text: 'Yes, from 10am to 2pm 🙂', daysBeforeOnboarding: 19.9 },
          { direction: 'outbound', type: 'image', caption: 'Sunday opening hours', daysBeforeOnboarding: 10, status: 'DELIVERED' },
        ],
      },
      {
        waId: DEMO_CONTACTS.lucia.waId,
        messages: [
          { direction: 'outbound', text: 'Your order #5521 has shipped.', daysBeforeOnboarding: 40 },
          { direction: 'inbound', text: '¡Genial, gracias!', daysBeforeOnboarding: 39.9 },
        ],
      },
      { waId: DEMO_CONTACTS.priya.waId, messages: [{ direction: 'inbound', text: 'Do you ship to London?', daysBeforeOnboarding: 120 }] },
    ],
    addressBook: [
      { phoneNumber: maria.waId, fullName: 'Maria Lopez (VIP)', firstName: 'Maria' },
      { phoneNumber: DEMO_CONTACTS.joao.waId, fullName: 'João Silva', firstName: 'João', userId: DEMO_CONTACTS.joao.userId },
    ],
  });
  expect(created.status).toBe(201);
}

interface HistoryChunkValue {
  history: {
    metadata?: { phase: number; chunk_order: number; progress: number };
    threads?: { id: string; messages: Record<string, unknown>[] }[];
    errors?: { code: number }[];
  }[];
}

describe('Meta-side events', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  describe('history sync', () => {
    it('runs once on the Graph request: phased chunks, placeholders, follow-up media only within 14 days', async () => {
      await onboardFreshNumber(bed);
      const request = await call(bed.sim, 'POST', `/v23.0/${FRESH_NUMBER}/smb_app_data`, {
        messaging_product: 'whatsapp',
        sync_type: 'history',
      });
      expect(request.body).toEqual({ messaging_product: 'whatsapp', request_id: expect.any(String) });
      await bed.receiver.waitFor(() => bed.receiver.changes('history').length === 3);
      await bed.sim.whenIdle();
      const values = bed.receiver.changes('history').map((c) => c.value as unknown as HistoryChunkValue & Record<string, unknown>);
      const chunks = values.filter((v) => v.history);
      expect(chunks.map((v) => v.history[0].metadata)).toEqual([
        { phase: 1, chunk_order: 1, progress: 50 },
        { phase: 2, chunk_order: 1, progress: 100 },
      ]);
      const phase1 = chunks[0].history[0].threads ?? [];
      expect(phase1.map((t) => [t.id, t.messages.map((m) => m.type)])).toEqual([
        [maria.waId, ['media_placeholder', 'text', 'text', 'media_placeholder']],
        [DEMO_CONTACTS.lucia.waId, ['text', 'text']],
      ]);
      expect(phase1[0].messages[2]).toMatchObject({
        from: FRESH_DISPLAY,
        to: maria.waId,
        text: { body: 'Yes, from 10am to 2pm 🙂' },
        history_context: { status: 'READ' },
      });
      const followUps = values.filter((v) => !v.history);
      expect(followUps).toHaveLength(1);
      const [echo] = followUps[0].message_echoes as Record<string, unknown>[];
      expect(echo).toMatchObject({
        from: FRESH_DISPLAY,
        to: maria.waId,
        id: phase1[0].messages[3].id,
        type: 'image',
        image: { caption: 'Sunday opening hours', id: expect.any(String) },
      });
      const again = await call(bed.sim, 'POST', `/v23.0/${FRESH_NUMBER}/smb_app_data`, {
        messaging_product: 'whatsapp',
        sync_type: 'history',
      });
      expect(errorOf(again)).toMatchObject({ code: 100, error_data: { details: expect.stringContaining('only once') } });
    });

    it('history never opens the window', async () => {
      await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/history`, {
        threads: [{ waId: omar.waId, messages: [{ direction: 'inbound', text: 'Hello from the past', daysBeforeOnboarding: 0.5 }] }],
      });
      const conversation = await call<{ conversations: { windowOpen: boolean; messages: { source: string }[] }[] }>(
        bed.sim,
        'GET',
        `/_sim/conversations?waId=${omar.waId}`,
      );
      expect(conversation.body.conversations[0]).toMatchObject({ windowOpen: false, messages: [{ source: 'history' }] });
    });

    it('chunks by size and can shuffle chunks within a phase', async () => {
      const messages = Array.from({ length: 5 }, (_, i) => ({ direction: 'inbound', text: `m${i}`, daysBeforeOnboarding: 10 + i }));
      const result = await call<{ chunks: { phase: number; chunkOrder: number; messages: number }[] }>(
        bed.sim,
        'POST',
        `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/history`,
        {
          threads: [{ waId: omar.waId, messages }],
          chunkSize: 2,
          shuffleChunks: true,
        },
      );
      expect(result.body.chunks.map((c) => c.chunkOrder).sort()).toEqual([1, 2, 3]);
      expect(result.body.chunks.map((c) => c.messages).reduce((a, b) => a + b, 0)).toBe(5);
    });

    it('sends error 2593109 when the business declined history sharing', async () => {
      await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/history`, { declined: true });
      await bed.sim.whenIdle();
      const [change] = bed.receiver.changes('history');
      expect((change.value as unknown as HistoryChunkValue).history).toEqual([
        {
          errors: [
            {
              code: 2593109,
              title: expect.any(String),
              message: expect.any(String),
              error_data: { details: 'History sharing is turned off by the business' },
            },
          ],
        },
      ]);
    });

    it('refuses a sync request more than 24 h after onboarding (the demo number: 3 days) and on cloud numbers', async () => {
      const late = await call(bed.sim, 'POST', `/v23.0/${DEMO_PHONE_NUMBER_ID}/smb_app_data`, {
        messaging_product: 'whatsapp',
        sync_type: 'smb_app_state_sync',
      });
      expect(errorOf(late).error_data.details).toContain('24 hours');
      const cloud = await call(bed.sim, 'POST', '/v23.0/117845209336471/smb_app_data', {
        messaging_product: 'whatsapp',
        sync_type: 'history',
      });
      expect(errorOf(cloud).code).toBe(100);
    });
  });

  it('syncs contacts on request and on later add/remove', async () => {
    await onboardFreshNumber(bed);
    await call(bed.sim, 'POST', `/v23.0/${FRESH_NUMBER}/smb_app_data`, { messaging_product: 'whatsapp', sync_type: 'smb_app_state_sync' });
    await bed.receiver.waitFor(() => bed.receiver.changes('smb_app_state_sync').length === 1);
    await call(bed.sim, 'POST', `/_sim/meta/numbers/${FRESH_NUMBER}/contact-sync`, {
      items: [{ action: 'remove', phoneNumber: maria.waId }],
    });
    await bed.sim.whenIdle();
    const [initial, removal] = bed.receiver.changes('smb_app_state_sync').map((c) => c.value.state_sync as Record<string, unknown>[]);
    expect(initial).toEqual([
      {
        type: 'contact',
        contact: { full_name: 'Maria Lopez (VIP)', first_name: 'Maria', phone_number: maria.waId },
        action: 'add',
        metadata: { timestamp: expect.any(String) },
      },
      expect.objectContaining({
        contact: expect.objectContaining({ phone_number: DEMO_CONTACTS.joao.waId, user_id: DEMO_CONTACTS.joao.userId }),
      }),
    ]);
    expect(removal).toEqual([
      { type: 'contact', contact: { phone_number: maria.waId }, action: 'remove', metadata: { timestamp: expect.any(String) } },
    ]);
    const numbers = await call<{ numbers: { phoneNumberId: string; addressBook: { phoneNumber: string }[] }[] }>(
      bed.sim,
      'GET',
      '/_sim/numbers',
    );
    expect(numbers.body.numbers.find((n) => n.phoneNumberId === FRESH_NUMBER)?.addressBook.map((e) => e.phoneNumber)).toEqual([
      DEMO_CONTACTS.joao.waId,
    ]);
  });

  it('disconnect → PARTNER_REMOVED with disconnection_info, 133010 and silence; reconnect restores', async () => {
    const result = await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/disconnect`, {
      reason: 'PRIMARY_INACTIVITY',
      initiatedBy: 'SYSTEM',
    });
    expect(result.body).toEqual({ deliveryId: expect.any(Number), numbers: [DEMO_PHONE_NUMBER_ID] });
    await bed.sim.whenIdle();
    const [update] = bed.receiver.received;
    expect(update.body.entry[0]).toEqual({
      id: DEMO_WABA_ID,
      time: expect.any(Number),
      changes: [
        {
          value: {
            event: 'PARTNER_REMOVED',
            waba_info: { waba_id: DEMO_WABA_ID, owner_business_id: expect.any(String) },
            disconnection_info: { reason: 'PRIMARY_INACTIVITY', initiated_by: 'SYSTEM' },
          },
          field: 'account_update',
        },
      ],
    });
    const refused = await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack);
    expect(errorOf(refused).code).toBe(133010);
    const fields = await call(bed.sim, 'GET', `/v23.0/${DEMO_PHONE_NUMBER_ID}?fields=is_on_biz_app,platform_type`);
    expect(fields.body).toEqual({ is_on_biz_app: true, platform_type: 'NOT_APPLICABLE', id: DEMO_PHONE_NUMBER_ID });
    const inbound = await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: omar.waId,
      message: { type: 'text', text: 'hello?' },
    });
    expect(inbound.body.deliveryId).toBeNull();
    await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/reconnect`);
    await bed.sim.whenIdle();
    expect(bed.receiver.changes('account_update').map((c) => c.value.event)).toEqual(['PARTNER_REMOVED', 'ACCOUNT_RECONNECTED']);
    expect((await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack)).status).toBe(200);
  });

  it('ACCOUNT_OFFBOARDED pauses sends until ACCOUNT_RECONNECTED', async () => {
    await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/disconnect`, { event: 'ACCOUNT_OFFBOARDED' });
    expect(errorOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack)).code).toBe(133010);
    await call(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/reconnect`);
    await bed.sim.whenIdle();
    expect(bed.receiver.changes('account_update').map((c) => c.value)).toEqual([
      { event: 'ACCOUNT_OFFBOARDED' },
      { event: 'ACCOUNT_RECONNECTED' },
    ]);
  });

  it('template status changes are announced and enforced', async () => {
    const paused = await call(bed.sim, 'POST', '/_sim/meta/templates/status', {
      name: DEMO_TEMPLATES.orderShipped,
      language: 'en_US',
      wabaId: DEMO_WABA_ID,
      event: 'PAUSED',
    });
    expect(paused.status).toBe(200);
    expect(errorOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.orderShipped, ['Omar', '#1'])).code).toBe(
      132015,
    );
    await call(bed.sim, 'POST', '/_sim/meta/templates/status', { templateId: DEMO_TEMPLATE_IDS.order_shipped_v2, event: 'REINSTATED' });
    const sent = await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.orderShipped, ['Omar', '#1']);
    expect(sent.status).toBe(200);
    await call(bed.sim, 'POST', '/_sim/meta/templates/status', { templateId: DEMO_TEMPLATE_IDS.order_shipped_v2, event: 'DISABLED' });
    expect(errorOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.orderShipped, ['Omar', '#1'])).code).toBe(
      132016,
    );
    await bed.sim.whenIdle();
    const events = bed.receiver.changes('message_template_status_update').map((c) => c.value);
    expect(events.map((e) => e.event)).toEqual(['PAUSED', 'REINSTATED', 'DISABLED']);
    expect(events[0]).toMatchObject({
      message_template_id: Number(DEMO_TEMPLATE_IDS.order_shipped_v2),
      message_template_name: 'order_shipped_v2',
      message_template_language: 'en_US',
      message_template_category: 'UTILITY',
      reason: 'NONE',
      other_info: { title: 'FIRST_PAUSE' },
    });
    expect(bed.receiver.statuses(wamidOf(sent)).length).toBe(3);
  });

  it('approving a pending template makes it sendable', async () => {
    await call(bed.sim, 'POST', '/_sim/meta/templates', {
      wabaId: DEMO_WABA_ID,
      name: 'back_in_stock',
      language: 'en_US',
      category: 'UTILITY',
      status: 'PENDING',
      components: [{ type: 'BODY', text: '{{1}} is back in stock' }],
    });
    expect(errorOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, 'back_in_stock', ['Trail shoes'])).code).toBe(132001);
    await call(bed.sim, 'POST', '/_sim/meta/templates/status', { name: 'back_in_stock', language: 'en_US', event: 'APPROVED' });
    expect((await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, 'back_in_stock', ['Trail shoes'])).status).toBe(200);
  });

  it('rejects bad control bodies with 400 and unknown numbers with 404', async () => {
    const bad = await call<{ issues: { path: string }[] }>(bed.sim, 'POST', `/_sim/meta/numbers/${DEMO_PHONE_NUMBER_ID}/disconnect`, {
      reason: 'BORED',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('reason');
    expect((await call(bed.sim, 'POST', '/_sim/meta/numbers/1/reconnect')).status).toBe(404);
    const duplicate = await call(bed.sim, 'POST', '/_sim/meta/numbers', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      wabaId: DEMO_WABA_ID,
      displayPhoneNumber: DEMO_DISPLAY_PHONE_NUMBER,
    });
    expect(duplicate.status).toBe(409);
    expect(bed.receiver.received).toHaveLength(0);
  });
});
