import type { SimTemplate } from '../state/sim-state.types';

type TemplateSeed = Omit<SimTemplate, 'id' | 'wabaId' | 'language' | 'parameterFormat'> & {
  parameterFormat?: SimTemplate['parameterFormat'];
};

/** The demo template set (all en_US); ids are fixed per WABA so fixtures can refer to them. */
export const DEMO_TEMPLATE_SEEDS: TemplateSeed[] = [
  {
    name: 'pricing_info',
    category: 'MARKETING',
    status: 'APPROVED',
    components: [
      { type: 'BODY', text: 'Hi {{1}}, here are our prices this week: running shoes from €59, trail shoes from €79.' },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Talk to sales' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
  },
  {
    name: 'follow_up_reminder',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [{ type: 'BODY', text: 'Hi {{1}}, just checking in: is there anything else we can help you with?' }],
  },
  {
    name: 'order_shipped_v2',
    category: 'UTILITY',
    status: 'APPROVED',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Your order is on its way' },
      { type: 'BODY', text: 'Good news {{1}}! Your order {{2}} has shipped.' },
    ],
  },
  {
    name: 'welcome_back',
    category: 'MARKETING',
    status: 'APPROVED',
    components: [
      { type: 'BODY', text: 'Welcome back! It has been a while. Reply to this message to pick up where we left off.' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: "Yes, let's talk" },
          { type: 'QUICK_REPLY', text: 'Not now' },
        ],
      },
    ],
  },
  {
    name: 'appointment_reminder',
    category: 'UTILITY',
    status: 'APPROVED',
    parameterFormat: 'NAMED',
    components: [{ type: 'BODY', text: 'Hi {{first_name}}, see you on {{date}} at our downtown store.' }],
  },
  {
    name: 'summer_sale_2026',
    category: 'MARKETING',
    status: 'PAUSED',
    components: [{ type: 'BODY', text: 'Summer sale: {{1}} off everything until Sunday!' }],
  },
  {
    name: 'spring_promo_2025',
    category: 'MARKETING',
    status: 'DISABLED',
    components: [{ type: 'BODY', text: 'Spring promo: free shipping on every order this week.' }],
  },
];
