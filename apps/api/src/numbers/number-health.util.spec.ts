import { computeNumberHealth, humanDuration, type HealthInput } from './number-health.util';

const now = new Date('2026-06-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600 * 1000);
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60 * 1000);
const SILENT_MS = 60 * 60 * 1000;

const base: HealthInput = {
  mode: 'coexistence',
  connectionState: 'connected',
  connectionReason: null,
  onboardedAt: daysAgo(30),
  createdAt: daysAgo(30),
  lastWebhookAt: minutesAgo(5),
  lastEchoAt: daysAgo(1),
};

describe('computeNumberHealth', () => {
  it.each([
    ['an active coexistence number', {}, 'connected', []],
    ['no echo for 12 days', { lastEchoAt: daysAgo(12) }, 'at_risk', ['app_inactive']],
    ['no echo for 11 days', { lastEchoAt: daysAgo(11.9) }, 'connected', []],
    ['never an echo, onboarded 13 days ago', { lastEchoAt: null, onboardedAt: daysAgo(13) }, 'at_risk', ['app_inactive']],
    ['a cloud number never echoes', { mode: 'cloud', lastEchoAt: null }, 'connected', []],
    ['no webhook for the silent period', { lastWebhookAt: minutesAgo(60) }, 'at_risk', ['silent_inbox']],
    ['never a webhook since onboarding long ago', { lastWebhookAt: null }, 'at_risk', ['silent_inbox']],
    ['both warnings', { lastWebhookAt: minutesAgo(90), lastEchoAt: daysAgo(13) }, 'at_risk', ['app_inactive', 'silent_inbox']],
    [
      'disconnected wins over warnings',
      { connectionState: 'disconnected', connectionReason: 'PRIMARY_INACTIVITY', lastEchoAt: daysAgo(20) },
      'disconnected',
      [],
    ],
    ['offboarded', { connectionState: 'offboarded', connectionReason: 'ACCOUNT_OFFBOARDED' }, 'offboarded', []],
  ] as const)('%s → %s', (_name, patch, status, codes) => {
    const health = computeNumberHealth({ ...base, ...patch }, now, SILENT_MS);
    expect(health.status).toBe(status);
    expect(health.issues.map((i) => i.code)).toEqual(codes);
  });

  it('tells the operator to open the app before day 14, with the deadline', () => {
    const health = computeNumberHealth({ ...base, lastEchoAt: daysAgo(12.5) }, now, SILENT_MS);
    expect(health.issues[0].message).toContain('open the app on the phone before day 14');
    expect(health.issues[0].deadline).toBe(new Date(daysAgo(12.5).getTime() + 14 * 24 * 3600 * 1000).toISOString());
  });

  it('keeps the reason of a disconnection', () => {
    const health = computeNumberHealth(
      { ...base, connectionState: 'disconnected', connectionReason: 'PRIMARY_INACTIVITY' },
      now,
      SILENT_MS,
    );
    expect(health).toMatchObject({ status: 'disconnected', reason: 'PRIMARY_INACTIVITY' });
  });
});

describe('humanDuration', () => {
  it.each([
    [59_000, '0 minutes'],
    [60_000, '1 minute'],
    [91 * 60_000, '91 minutes'],
    [3 * 3_600_000, '3 hours'],
    [30 * 86_400_000, '30 days'],
  ])('%i ms reads as %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});
