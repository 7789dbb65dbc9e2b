/** What Meta's review decides about a submitted template. */
export type TemplateVerdict = { event: 'APPROVED' } | { event: 'REJECTED'; reason: string; description: string };

const PROMOTIONAL = /\b(sale|discount|\d+\s*% off|special offer|promo(tion)?|coupon|buy now)\b/i;
const SCAM = /\b(lottery|you (have )?won|guaranteed (income|returns)|crypto giveaway|wire (the )?money)\b/i;
const SHORTENER = /\b(bit\.ly|tinyurl\.com|goo\.gl|t\.co)\//i;

/**
 * The simulator's stand-in for Meta's review, a fixed rule so tests and demos can aim at
 * either verdict: scam wording or shortened links are rejected (`SCAM`, `INVALID_FORMAT`),
 * promotional wording in a UTILITY template is rejected as `INCORRECT_CATEGORY`, and a name
 * starting with `reject_` is rejected as `INVALID_FORMAT`; everything else is approved.
 */
export function reviewTemplate(template: {
  name: string;
  category: string;
  components: readonly { type: string; text?: string }[];
}): TemplateVerdict {
  const text = template.components.map((c) => c.text ?? '').join('\n');
  if (SCAM.test(text)) return { event: 'REJECTED', reason: 'SCAM', description: 'The template looks like a scam or fraud attempt.' };
  if (SHORTENER.test(text)) {
    return { event: 'REJECTED', reason: 'INVALID_FORMAT', description: 'Shortened URLs hide the destination and are not allowed.' };
  }
  if (template.category === 'UTILITY' && PROMOTIONAL.test(text)) {
    return {
      event: 'REJECTED',
      reason: 'INCORRECT_CATEGORY',
      description: 'The content is promotional: submit it as a MARKETING template.',
    };
  }
  if (template.name.startsWith('reject_')) {
    return { event: 'REJECTED', reason: 'INVALID_FORMAT', description: 'The template does not follow the formatting guidelines.' };
  }
  return { event: 'APPROVED' };
}
