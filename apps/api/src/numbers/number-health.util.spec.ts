import { computeNumberHealth, humanDuration, lastAppActivity, type HealthInput } from './number-health.util';

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

const stored = { status: 'connected', reasons: [], checkedAt: daysAgo(1).toISOString() };

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
    // "App opened" is not only echoes: any sign the phone app is in use counts.
    ['no echo for 13 days, an address-book sync yesterday', { lastEchoAt: daysAgo(13), contactSyncAt: daysAgo(1) }, 'connected', []],
    [
      'no echo ever, a history chunk uploaded 2 days ago',
      { lastEchoAt: null, historySync: { status: 'in_progress', updatedAt: daysAgo(2).toISOString() } },
      'connected',
      [],
    ],
    [
      'a declined history sync is no sign of use',
      { lastEchoAt: daysAgo(13), historySync: { status: 'declined', updatedAt: daysAgo(1).toISOString() } },
      'at_risk',
      ['app_inactive'],
    ],
    [
      'sends blocked after an auth error, with warnings kept',
      {
        lastEchoAt: daysAgo(13),
        health: { ...stored, sendBlocked: { code: 190, reason: 'Graph error 190', since: daysAgo(1).toISOString() } },
      },
      'send_blocked',
      ['app_inactive'],
    ],
    ['a stored status without a block is recomputed', { health: { ...stored, status: 'send_blocked' } }, 'connected', []],
    [
      'disconnected wins over a send block',
      { connectionState: 'disconnected', health: { ...stored, sendBlocked: { code: 190, reason: 'x', since: daysAgo(1).toISOString() } } },
      'disconnected',
      [],
    ],
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

describe('lastAppActivity', () => {
  it('is the latest of echo, address-book sync and history upload', () => {
    expect(lastAppActivity({ ...base, lastEchoAt: daysAgo(5), contactSyncAt: daysAgo(3) })).toEqual(daysAgo(3));
    expect(
      lastAppActivity({ ...base, lastEchoAt: daysAgo(5), historySync: { status: 'complete', updatedAt: daysAgo(4).toISOString() } }),
    ).toEqual(daysAgo(4));
    expect(lastAppActivity({ ...base, lastEchoAt: null })).toBeNull();
  });

  it('gives the app_inactive warning the latest sign as its "since"', () => {
    const health = computeNumberHealth({ ...base, lastEchoAt: daysAgo(20), contactSyncAt: daysAgo(12.5) }, now, SILENT_MS);
    expect(health.issues[0]).toMatchObject({ code: 'app_inactive', since: daysAgo(12.5).toISOString() });
  });

  it('a send block carries its reason', () => {
    const sendBlocked = { code: 190, reason: 'Graph error 190: access token expired or invalid', since: daysAgo(1).toISOString() };
    expect(computeNumberHealth({ ...base, health: { ...stored, sendBlocked } }, now, SILENT_MS)).toMatchObject({
      status: 'send_blocked',
      reason: sendBlocked.reason,
    });
  });
});
