import { call, sendTemplate, startTestBed, TEST_SECRET, TestBed, wamidOf, resetBed } from '../__fixtures__/harness';
import { verifySignature } from '../__fixtures__/webhook-receiver';
import { DEMO_CONTACTS, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES } from '../seed/demo-seed';

const { omar, noa, sam } = DEMO_CONTACTS;

interface DeliveryView {
  id: number;
  field: string;
  state: string;
  duplicateOf?: number;
  attempts: { attempt: number; statusCode: number | null; at: string }[];
  payload: { entry: { changes: { value: Record<string, unknown> }[] }[] };
}

async function deliveries(bed: TestBed, query = ''): Promise<DeliveryView[]> {
  return (await call<{ deliveries: DeliveryView[] }>(bed.sim, 'GET', `/_sim/deliveries${query}`)).body.deliveries;
}

describe('webhook delivery', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it('signs the exact bytes, escaping non-ASCII like Meta (Hebrew and emoji names verify)', async () => {
    await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: noa.waId,
      profileName: noa.profileName,
      message: { type: 'text', text: 'שלום, אפשר לקבוע תור למחר? 🙂' },
    });
    await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      userId: sam.userId,
      profileName: sam.profileName,
      message: { type: 'text', text: 'hey' },
    });
    await bed.receiver.waitFor(() => bed.receiver.received.length === 2);
    for (const webhook of bed.receiver.received) {
      expect(webhook.contentType).toBe('application/json');
      expect(verifySignature(webhook.raw, webhook.signature, TEST_SECRET)).toBe(true);
      expect(verifySignature(webhook.raw, webhook.signature, 'another-secret')).toBe(false);
      expect(verifySignature(Buffer.from(JSON.stringify(webhook.body)), webhook.signature, TEST_SECRET)).toBe(false);
      expect([...webhook.raw].every((byte) => byte < 0x80)).toBe(true);
    }
    const byBsuid = (userId: boolean) => bed.receiver.received.find((w) => w.raw.toString().includes('user_id') === userId);
    const [hebrew, username] = [byBsuid(false), byBsuid(true)].map((w) => {
      if (!w) throw new Error('webhook missing');
      return w;
    });
    expect(hebrew.raw.toString()).toContain('"name":"\\u05e0\\u05d5\\u05e2\\u05d4 \\u05db\\u05d4\\u05df"');
    expect(hebrew.raw.toString()).toContain('\\ud83d\\ude42');
    expect(hebrew.body.entry[0].changes[0].value.contacts).toEqual([{ profile: { name: 'נועה כהן' }, wa_id: noa.waId }]);
    expect(username.body.entry[0].changes[0].value.contacts).toEqual([{ profile: { name: 'Sam 🌵' }, wa_id: '', user_id: sam.userId }]);
    expect(username.body.entry[0].changes[0].value.messages).toEqual([expect.objectContaining({ from: '', from_user_id: sam.userId })]);
  });

  it('retries a non-200 answer with exponential backoff until it is accepted', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { retry: { initialMs: 100 } });
    bed.receiver.respond = (index) => (index < 3 ? 500 : 200);
    await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: omar.waId,
      message: { type: 'text', text: 'Hi' },
    });
    await bed.sim.whenIdle();
    const [delivery] = await deliveries(bed);
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 200],
    ]);
    const times = delivery.attempts.map((a) => Date.parse(a.at));
    const gaps = times.slice(1).map((t, i) => t - times[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(195);
    expect(gaps[2]).toBeGreaterThanOrEqual(395);
    expect(bed.receiver.received.map((w) => w.raw.toString())).toEqual(Array(4).fill(bed.receiver.received[0].raw.toString()));
  });

  it('holds later webhooks of the same contact behind a failing one (order per contact)', async () => {
    bed.receiver.respond = (index) => (index < 2 ? 503 : 200);
    for (const text of ['one', 'two', 'three']) {
      await call(bed.sim, 'POST', '/_sim/customers/messages', {
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        waId: omar.waId,
        message: { type: 'text', text },
      });
    }
    await bed.sim.whenIdle();
    const accepted = bed.receiver.changes('messages').map((c) => (c.value.messages as { text: { body: string } }[])[0].text.body);
    expect(accepted).toEqual(['one', 'two', 'three']);
  });

  it('retries network errors and gives up at the horizon', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { webhookUrl: 'http://127.0.0.1:9/unreachable', retry: { initialMs: 20, horizonMs: 150 } });
    await call(bed.sim, 'POST', '/_sim/customers/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      waId: omar.waId,
      message: { type: 'text', text: 'Hi' },
    });
    await bed.sim.whenIdle();
    const [delivery] = await deliveries(bed);
    expect(delivery.state).toBe('dropped');
    expect(delivery.attempts.length).toBeGreaterThanOrEqual(3);
    expect(delivery.attempts.every((a) => a.statusCode === null)).toBe(true);
    const last = Date.parse(delivery.attempts[delivery.attempts.length - 1].at) - Date.parse(delivery.attempts[0].at);
    expect(last).toBeLessThanOrEqual(150 + 100);
    const stats = await call<{ webhooks: { dropped: number; attemptsByStatus: Record<string, number> } }>(bed.sim, 'GET', '/_sim/stats');
    expect(stats.body.webhooks.dropped).toBe(1);
    expect(stats.body.webhooks.attemptsByStatus.network_error).toBe(delivery.attempts.length);
  });

  it('delivers every webhook twice with duplicateRate 1 (same bytes, same signature)', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { duplicateRate: 1 });
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack));
    await bed.sim.whenIdle();
    expect(
      bed.receiver
        .statuses(wamid)
        .map((s) => s.status)
        .sort(),
    ).toEqual(['delivered', 'delivered', 'read', 'read', 'sent', 'sent']);
    expect((await deliveries(bed)).filter((d) => d.duplicateOf !== undefined)).toHaveLength(3);
    const signaturesByBody = new Map<string, (string | undefined)[]>();
    for (const webhook of bed.receiver.received) {
      const key = webhook.raw.toString();
      signaturesByBody.set(key, [...(signaturesByBody.get(key) ?? []), webhook.signature]);
    }
    expect([...signaturesByBody.values()].map((signatures) => [signatures.length, new Set(signatures).size])).toEqual([
      [2, 1],
      [2, 1],
      [2, 1],
    ]);
  });

  it('holds sent behind delivered and read with outOfOrder hold_sent', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { outOfOrder: 'hold_sent' });
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack));
    await bed.sim.whenIdle();
    expect(bed.receiver.statuses(wamid).map((s) => s.status)).toEqual(['delivered', 'read', 'sent']);
  });

  it('still emits each status once with outOfOrder shuffle', async () => {
    await call(bed.sim, 'POST', '/_sim/config', { outOfOrder: 'shuffle' });
    const wamids = await Promise.all(
      ['15553000001', '15553000002', '15553000003', '15553000004', '15553000005'].map(async (to) =>
        wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, to, DEMO_TEMPLATES.welcomeBack)),
      ),
    );
    await bed.sim.whenIdle();
    for (const wamid of wamids)
      expect(
        bed.receiver
          .statuses(wamid)
          .map((s) => s.status)
          .sort(),
      ).toEqual(['delivered', 'read', 'sent']);
  });

  it('lists deliveries with field and wamid filters', async () => {
    const wamid = wamidOf(await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, omar.waId, DEMO_TEMPLATES.welcomeBack));
    await call(bed.sim, 'POST', '/_sim/business/messages', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      to: omar.waId,
      message: { type: 'text', text: 'From the phone' },
    });
    await bed.sim.whenIdle();
    expect((await deliveries(bed, `?contains=${encodeURIComponent(wamid)}`)).map((d) => d.state)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    const echoes = await deliveries(bed, '?field=smb_message_echoes');
    expect(echoes).toHaveLength(1);
    expect(echoes[0].attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200 })]);
    expect((await call(bed.sim, 'GET', '/_sim/deliveries?state=bogus')).status).toBe(400);
  });
});
