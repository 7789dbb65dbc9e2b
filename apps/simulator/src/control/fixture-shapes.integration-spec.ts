import { call, resetBed, send, sendTemplate, sendText, startTestBed, TestBed, wamidOf } from '../__fixtures__/harness';
import { loadWebhookFixture, shapeOf } from '../__fixtures__/shape';
import { DEMO_CONTACTS, DEMO_PHONE_NUMBER_ID, DEMO_TEMPLATES, DEMO_WABA_ID } from '../seed/demo-seed';

const { maria, joao, priya, lucia } = DEMO_CONTACTS;
const customer = (bed: TestBed, waId: string, message: Record<string, unknown>, profileName?: string) =>
  call(bed.sim, 'POST', '/_sim/customers/messages', { phoneNumberId: DEMO_PHONE_NUMBER_ID, waId, profileName, message });
const meta = (bed: TestBed, path: string, body: Record<string, unknown> = {}) => call(bed.sim, 'POST', `/_sim/meta${path}`, body);

type Scenario = (bed: TestBed) => Promise<unknown>;

/** Each scenario makes the simulator emit the webhook the named fixture shows. */
const scenarios: [fixture: string, field: string, scenario: Scenario][] = [
  ['messages.text', 'messages', (bed) => customer(bed, maria.waId, { type: 'text', text: 'Hi!' }, 'Maria Lopez')],
  ['messages.image', 'messages', (bed) => customer(bed, maria.waId, { type: 'image', caption: 'Box' }, 'Maria Lopez')],
  [
    'messages.interactive.button_reply',
    'messages',
    async (bed) => {
      await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
        to: maria.waId,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Confirm?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
        },
      });
      return customer(bed, maria.waId, { type: 'button_reply', id: 'yes' }, 'Maria Lopez');
    },
  ],
  [
    'messages.interactive.list_reply',
    'messages',
    async (bed) => {
      await send(bed.sim, DEMO_PHONE_NUMBER_ID, {
        to: lucia.waId,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Slot?' },
          action: { button: 'Slots', sections: [{ rows: [{ id: 's1', title: 'Wed 15:00', description: 'Downtown' }] }] },
        },
      });
      return customer(bed, lucia.waId, { type: 'list_reply', id: 's1' }, lucia.profileName);
    },
  ],
  [
    'messages.button.template_quick_reply',
    'messages',
    async (bed) => {
      await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, priya.waId, DEMO_TEMPLATES.pricingInfo, ['Priya']);
      return customer(bed, priya.waId, { type: 'quick_reply', buttonIndex: 1 }, priya.profileName);
    },
  ],
  [
    'messages.location',
    'messages',
    (bed) =>
      customer(bed, lucia.waId, {
        type: 'location',
        latitude: 40.4,
        longitude: -3.7,
        name: 'Sol',
        address: 'Madrid',
        url: 'https://maps.test/x',
      }),
  ],
  [
    'messages.reaction',
    'messages',
    async (bed) =>
      customer(bed, maria.waId, {
        type: 'reaction',
        messageId: wamidOf(await sendText(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId)),
        emoji: '👍',
      }),
  ],
  ['messages.unsupported', 'messages', (bed) => customer(bed, priya.waId, { type: 'unsupported' })],
  [
    'smb_message_echoes.text',
    'smb_message_echoes',
    (bed) =>
      call(bed.sim, 'POST', '/_sim/business/messages', {
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        to: maria.waId,
        message: { type: 'text', text: 'Hi' },
      }),
  ],
  [
    'smb_message_echoes.image',
    'smb_message_echoes',
    (bed) =>
      call(bed.sim, 'POST', '/_sim/business/messages', {
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        to: joao.waId,
        message: { type: 'image', caption: 'Nova caixa' },
      }),
  ],
  ['statuses.failed.131047', 'messages', (bed) => sendText(bed.sim, DEMO_PHONE_NUMBER_ID, DEMO_CONTACTS.omar.waId)],
  [
    'history.chunk',
    'history',
    (bed) =>
      meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/history`, {
        threads: [
          {
            waId: maria.waId,
            messages: [
              { direction: 'inbound', text: 'Open on Sundays?', daysBeforeOnboarding: 30 },
              { direction: 'outbound', type: 'image', daysBeforeOnboarding: 20 },
            ],
          },
        ],
      }),
  ],
  [
    'history.media_followup',
    'history',
    (bed) =>
      meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/history`, {
        threads: [{ waId: maria.waId, messages: [{ direction: 'outbound', type: 'image', caption: 'Hours', daysBeforeOnboarding: 2 }] }],
      }),
  ],
  ['history.declined', 'history', (bed) => meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/history`, { declined: true })],
  [
    'smb_app_state_sync.contact_add',
    'smb_app_state_sync',
    (bed) =>
      meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/contact-sync`, {
        items: [{ action: 'add', phoneNumber: maria.waId, fullName: 'Maria Lopez (VIP)', firstName: 'Maria' }],
      }),
  ],
  [
    'account_update.partner_removed',
    'account_update',
    (bed) => meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/disconnect`, { reason: 'PRIMARY_INACTIVITY' }),
  ],
  [
    'account_update.account_offboarded',
    'account_update',
    (bed) => meta(bed, `/numbers/${DEMO_PHONE_NUMBER_ID}/disconnect`, { event: 'ACCOUNT_OFFBOARDED' }),
  ],
  [
    'message_template_status_update.approved',
    'message_template_status_update',
    (bed) => meta(bed, '/templates/status', { name: 'order_shipped_v2', language: 'en_US', wabaId: DEMO_WABA_ID, event: 'APPROVED' }),
  ],
  [
    'message_template_status_update.paused',
    'message_template_status_update',
    (bed) => meta(bed, '/templates/status', { name: 'summer_sale_2026', language: 'en_US', wabaId: DEMO_WABA_ID, event: 'PAUSED' }),
  ],
];

describe('emitted webhooks have the fixtures’ exact shapes', () => {
  let bed: TestBed;

  beforeAll(async () => {
    bed = await startTestBed();
  });
  afterAll(() => bed.close());
  beforeEach(() => resetBed(bed));

  it.each(scenarios)('%s', async (fixture, field, scenario) => {
    await scenario(bed);
    await bed.sim.whenIdle();
    const fixtureBody = loadWebhookFixture(fixture);
    const emitted = [...bed.receiver.received]
      .reverse()
      .find(
        (w) =>
          w.body.entry[0].changes[0].field === field &&
          (field !== 'messages' || fixture.startsWith('statuses') === 'statuses' in w.body.entry[0].changes[0].value),
      );
    expect(emitted).toBeDefined();
    expect(shapeOf(emitted?.body)).toEqual(shapeOf(fixtureBody));
  });

  it.each(['statuses.sent', 'statuses.delivered', 'statuses.read'])('%s', async (fixture) => {
    await sendTemplate(bed.sim, DEMO_PHONE_NUMBER_ID, maria.waId, DEMO_TEMPLATES.orderShipped, ['Maria', '#5521'], {
      biz_opaque_callback_data: 'run=1',
    });
    await bed.sim.whenIdle();
    const status = fixture.split('.')[1];
    const emitted = bed.receiver.received.find(
      (w) => (w.body.entry[0].changes[0].value.statuses as { status: string }[])[0].status === status,
    );
    expect(shapeOf(emitted?.body)).toEqual(shapeOf(loadWebhookFixture(fixture)));
  });
});
