import type { TemplateCategory } from '../state/sim-state.types';

export interface Pricing {
  billable: boolean;
  pricing_model: 'PMP';
  category: string;
  type: 'regular' | 'free_customer_service';
}

/**
 * Per-message pricing (July 2025 onwards): non-template messages are free service messages;
 * utility templates inside an open window are free; every other template is charged.
 */
export function pricingFor(templateCategory: TemplateCategory | undefined, windowOpen: boolean): Pricing {
  if (templateCategory === undefined) return { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
  const category = templateCategory.toLowerCase();
  if (templateCategory === 'UTILITY' && windowOpen)
    return { billable: false, pricing_model: 'PMP', category, type: 'free_customer_service' };
  return { billable: true, pricing_model: 'PMP', category, type: 'regular' };
}
