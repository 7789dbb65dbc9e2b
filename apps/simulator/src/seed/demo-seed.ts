import type { SimStateService } from '../state/sim-state.service';
import type { StagedThread } from '../state/sim-state.types';
import { DEMO_TEMPLATE_SEEDS } from './demo-templates';

const DAY = 24 * 60 * 60 * 1000;

/** Tenant A: the coexistence number of the fixtures. */
export const DEMO_WABA_ID = '114620785021387';
export const DEMO_PHONE_NUMBER_ID = '108932450377265';
export const DEMO_DISPLAY_PHONE_NUMBER = '15557012244';
/** Tenant B: an ordinary Cloud API number (80 mps) for contrast. */
export const DEMO_CLOUD_WABA_ID = '120398475610923';
export const DEMO_CLOUD_PHONE_NUMBER_ID = '117845209336471';
export const DEMO_CLOUD_DISPLAY_PHONE_NUMBER = '447700900456';
export const DEMO_TEMPLATE_LANGUAGE = 'en_US';

export const DEMO_CONTACTS = {
  /** Wrote 2 h ago, so her window is open at seed time. */
  maria: { waId: '15551234567', profileName: 'Maria Lopez' },
  joao: { waId: '5511987654321', userId: 'BR.1874412093345512', profileName: 'João Silva' },
  priya: { waId: '447700900123', profileName: 'Priya Shah' },
  lucia: { waId: '34612345678', profileName: 'Lucía Fernández' },
  omar: { waId: '971501234567', profileName: 'Omar Haddad' },
  noa: { waId: '972521234567', profileName: 'נועה כהן' },
  /** Username user: only the BSUID is known. */
  sam: { userId: 'US.13491208655302741918', profileName: 'Sam 🌵' },
  /** Not on WhatsApp: every send to it fails with 131026. */
  unreachable: { waId: '15550009999', profileName: 'Unreachable', onWhatsApp: false },
} as const;

export const DEMO_TEMPLATES = {
  pricingInfo: 'pricing_info',
  followUpReminder: 'follow_up_reminder',
  orderShipped: 'order_shipped_v2',
  welcomeBack: 'welcome_back',
  appointmentReminder: 'appointment_reminder',
  summerSale: 'summer_sale_2026',
  springPromo: 'spring_promo_2025',
} as const;

/** Template ids on the coexistence WABA (the first two match the template-status fixtures). */
export const DEMO_TEMPLATE_IDS: Record<string, string> = {
  order_shipped_v2: '1689556908129832',
  summer_sale_2026: '1702873366051204',
  pricing_info: '1421198756334071',
  follow_up_reminder: '1533870124588213',
  welcome_back: '1290045671239984',
  appointment_reminder: '1367790022415566',
  spring_promo_2025: '1188234509871230',
};

function demoHistory(onboardedAt: number): StagedThread[] {
  return [
    {
      waId: DEMO_CONTACTS.maria.waId,
      messages: [
        { direction: 'inbound', type: 'image', at: onboardedAt - 30 * DAY, status: 'READ' },
        { direction: 'inbound', type: 'text', text: 'Hello, are you open on Sundays?', at: onboardedAt - 20 * DAY, status: 'READ' },
        { direction: 'outbound', type: 'text', text: 'Yes, from 10am to 2pm 🙂', at: onboardedAt - 20 * DAY + 540_000, status: 'READ' },
        { direction: 'outbound', type: 'image', caption: 'Sunday opening hours', at: onboardedAt - 10 * DAY, status: 'DELIVERED' },
      ],
    },
    {
      waId: DEMO_CONTACTS.lucia.waId,
      messages: [
        { direction: 'outbound', type: 'text', text: 'Your order #5521 has shipped.', at: onboardedAt - 40 * DAY, status: 'DELIVERED' },
        { direction: 'inbound', type: 'text', text: '¡Genial, gracias!', at: onboardedAt - 40 * DAY + 3_600_000, status: 'READ' },
      ],
    },
    {
      waId: DEMO_CONTACTS.priya.waId,
      messages: [{ direction: 'inbound', type: 'text', text: 'Do you ship to London?', at: onboardedAt - 120 * DAY, status: 'READ' }],
    },
  ];
}

/** Loads the demo tenants, contacts, templates and staged history into an empty state. */
export function applyDemoSeed(state: SimStateService, now = Date.now()): void {
  const onboardedAt = now - 3 * DAY;
  const coex = state.addNumber({
    phoneNumberId: DEMO_PHONE_NUMBER_ID,
    wabaId: DEMO_WABA_ID,
    displayPhoneNumber: DEMO_DISPLAY_PHONE_NUMBER,
    verifiedName: 'Tandem Running Store',
    mode: 'coexistence',
    capPerSecond: 20,
    onboardedAt,
    stagedHistory: demoHistory(onboardedAt),
    addressBook: [
      { phoneNumber: DEMO_CONTACTS.maria.waId, fullName: 'Maria Lopez (VIP)', firstName: 'Maria' },
      { phoneNumber: DEMO_CONTACTS.joao.waId, fullName: 'João Silva', firstName: 'João', userId: DEMO_CONTACTS.joao.userId },
    ],
  });
  state.addNumber({
    phoneNumberId: DEMO_CLOUD_PHONE_NUMBER_ID,
    wabaId: DEMO_CLOUD_WABA_ID,
    displayPhoneNumber: DEMO_CLOUD_DISPLAY_PHONE_NUMBER,
    verifiedName: 'Tandem Cloud Demo',
    mode: 'cloud',
    capPerSecond: 80,
    onboardedAt: now - 30 * DAY,
  });
  for (const contact of Object.values(DEMO_CONTACTS)) state.upsertContact(contact);
  DEMO_TEMPLATE_SEEDS.forEach((seed, index) => {
    for (const wabaId of [DEMO_WABA_ID, DEMO_CLOUD_WABA_ID]) {
      const id = wabaId === DEMO_WABA_ID ? DEMO_TEMPLATE_IDS[seed.name] : String(1_900_000_000_000_000 + index);
      state.addTemplate({ ...seed, parameterFormat: seed.parameterFormat ?? 'POSITIONAL', id, wabaId, language: DEMO_TEMPLATE_LANGUAGE });
    }
  });
  const maria = state.upsertContact(DEMO_CONTACTS.maria);
  const conversation = state.conversation(coex, maria);
  const at = now - 2 * 60 * 60 * 1000;
  state.addMessage(conversation, {
    wamid: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBRCMjdENzg5Q0MxQ0M1RDc0RDFBMgA=',
    direction: 'inbound',
    source: 'live',
    type: 'text',
    content: { body: 'Hi! Do you still have the blue running shoes in size 42?' },
    preview: 'Hi! Do you still have the blue running shoes in size 42?',
    at,
    statuses: [],
  });
  conversation.lastLiveInboundAt = at;
}
