import { PlanInput, planStatuses } from './status-plan.util';

const base: PlanInput = {
  freeForm: false,
  windowOpen: true,
  onWhatsApp: true,
  readReceipts: true,
  delays: { sent: 50, delivered: 150, read: 400 },
  failRate: 0,
  failCode: 131026,
  readRate: 1,
  outOfOrder: 'off',
  random: () => 0.5,
};

const summary = (input: Partial<PlanInput>) =>
  planStatuses({ ...base, ...input }).map((p) => `${p.status}${p.errorCode ? `:${p.errorCode}` : ''}@${p.delayMs}`);

describe('planStatuses', () => {
  it.each([
    ['template, normal progression', {}, ['sent@50', 'delivered@150', 'read@400']],
    ['free-form inside the window', { freeForm: true }, ['sent@50', 'delivered@150', 'read@400']],
    ['free-form outside the window fails with 131047', { freeForm: true, windowOpen: false }, ['failed:131047@50']],
    ['template outside the window is fine', { windowOpen: false }, ['sent@50', 'delivered@150', 'read@400']],
    ['recipient not on WhatsApp', { onWhatsApp: false }, ['failed:131026@50']],
    ['read receipts off stops at delivered', { readReceipts: false }, ['sent@50', 'delivered@150']],
    ['read rate 0 stops at delivered', { readRate: 0 }, ['sent@50', 'delivered@150']],
    ['fail rate 1 fails after sent with the configured code', { failRate: 1, failCode: 131049 }, ['sent@50', 'failed:131049@150']],
    ['hold_sent emits sent after read', { outOfOrder: 'hold_sent' }, ['sent@500', 'delivered@150', 'read@400']],
  ] as const)('%s', (_label, input, expected) => {
    expect(summary(input)).toEqual(expected);
  });

  it('shuffle keeps the same statuses and times in another order', () => {
    const plan = planStatuses({ ...base, outOfOrder: 'shuffle', random: () => 0 });
    expect(plan.map((p) => p.status)).toEqual(['sent', 'delivered', 'read']);
    expect(plan.map((p) => p.delayMs).sort((a, b) => a - b)).toEqual([50, 150, 400]);
    expect(plan.map((p) => p.delayMs)).not.toEqual([50, 150, 400]);
  });
});
