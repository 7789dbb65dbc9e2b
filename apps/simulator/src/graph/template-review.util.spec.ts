import { reviewTemplate } from './template-review.util';

const t = (name: string, category: string, text: string) => ({ name, category, components: [{ type: 'BODY', text }] });

describe('reviewTemplate', () => {
  test.each([
    [t('order_update', 'UTILITY', 'Your order {{1}} has shipped.'), 'APPROVED', undefined],
    [t('summer', 'MARKETING', 'Summer sale: 20% off everything!'), 'APPROVED', undefined],
    [t('receipt', 'UTILITY', 'Thanks! Use coupon SAVE10 for 10% off next time.'), 'REJECTED', 'INCORRECT_CATEGORY'],
    [t('win', 'MARKETING', 'Congratulations, you won the lottery!'), 'REJECTED', 'SCAM'],
    [t('link', 'MARKETING', 'See https://bit.ly/abc for more'), 'REJECTED', 'INVALID_FORMAT'],
    [t('reject_me', 'MARKETING', 'Hello there'), 'REJECTED', 'INVALID_FORMAT'],
  ])('%o → %s %s', (template, event, reason) => {
    const verdict = reviewTemplate(template);
    expect(verdict.event).toBe(event);
    expect('reason' in verdict ? verdict.reason : undefined).toBe(reason);
  });
});
