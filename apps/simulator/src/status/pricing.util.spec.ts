import { pricingFor } from './pricing.util';

describe('pricingFor', () => {
  it.each([
    ['free-form message', undefined, true, { category: 'service', type: 'free_customer_service', billable: false }],
    ['utility template inside the window', 'UTILITY', true, { category: 'utility', type: 'free_customer_service', billable: false }],
    ['utility template outside the window', 'UTILITY', false, { category: 'utility', type: 'regular', billable: true }],
    ['marketing template inside the window', 'MARKETING', true, { category: 'marketing', type: 'regular', billable: true }],
    ['authentication template', 'AUTHENTICATION', false, { category: 'authentication', type: 'regular', billable: true }],
  ] as const)('%s', (_label, category, windowOpen, expected) => {
    expect(pricingFor(category, windowOpen)).toEqual({ pricing_model: 'PMP', ...expected });
  });
});
