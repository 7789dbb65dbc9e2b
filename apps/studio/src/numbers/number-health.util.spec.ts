import type { NumberDto } from '../api/intake.api';
import { healthView, historySyncView } from './number-health.util';

const NOW = Date.parse('2026-03-20T12:00:00Z');

const number = (over: Partial<NumberDto> = {}): NumberDto => ({
  id: 'n1',
  phoneNumberId: '1001',
  wabaId: '2001',
  displayPhoneNumber: '+351 910 000 000',
  mode: 'coexistence',
  throughputCap: 20,
  onboardedAt: '2026-03-01T12:00:00Z',
  connection: { state: 'connected', reason: null },
  lastWebhookAt: '2026-03-20T11:59:00Z',
  lastInboundAt: null,
  lastEchoAt: '2026-03-15T12:00:00Z',
  historySync: { status: 'none' },
  createdAt: '2026-03-01T12:00:00Z',
  health: { status: 'connected', reason: null, issues: [], checkedAt: '2026-03-20T12:00:00Z' },
  ...over,
});

describe('number health', () => {
  it('shows a healthy coexistence number with days since the phone app was used', () => {
    expect(healthView(number(), NOW)).toEqual({ tone: 'ok', label: 'Connected', details: [], daysSincePhoneActivity: 5, silent: false });
  });

  it('counts from onboarding when the phone app never sent anything, and warns when at risk', () => {
    const view = healthView(
      number({
        lastEchoAt: null,
        health: {
          status: 'at_risk',
          reason: null,
          issues: [{ code: 'app_inactive', message: 'No activity for 19 days', since: null }],
          checkedAt: '',
        },
      }),
      NOW,
    );
    expect(view).toMatchObject({ tone: 'warn', label: 'At risk', daysSincePhoneActivity: 19, details: ['No activity for 19 days'] });
  });

  it('counts days from the latest sign of the phone app, not only echoes', () => {
    expect(healthView(number({ lastEchoAt: '2026-03-01T12:00:00Z', lastAppActivityAt: '2026-03-18T12:00:00Z' }), NOW)).toMatchObject({
      daysSincePhoneActivity: 2,
    });
  });

  it('shows a send block with the error that caused it', () => {
    const reason = 'Graph error 190: access token expired or invalid';
    expect(healthView(number({ health: { status: 'send_blocked', reason, issues: [], checkedAt: '' } }), NOW)).toMatchObject({
      tone: 'bad',
      label: 'Sends blocked',
      details: [expect.stringContaining(reason)],
    });
  });

  it('shows the reason of a disconnection and flags a silent inbox', () => {
    expect(
      healthView(number({ health: { status: 'disconnected', reason: 'PARTNER_REMOVED', issues: [], checkedAt: '' } }), NOW),
    ).toMatchObject({
      tone: 'bad',
      details: ['Reason: partner removed'],
    });
    const silent = healthView(
      number({
        health: { status: 'at_risk', reason: null, issues: [{ code: 'silent_inbox', message: 'No webhook', since: null }], checkedAt: '' },
      }),
      NOW,
    );
    expect(silent.silent).toBe(true);
  });

  it('has no phone-app age for Cloud API numbers', () => {
    expect(healthView(number({ mode: 'cloud' }), NOW).daysSincePhoneActivity).toBeNull();
  });

  it.each([
    [{ status: 'none' as const }, null, 'No history sync yet'],
    [{ status: 'in_progress' as const, progress: 42.4, phase: 0 }, 42, 'Syncing history… 42% (phase 1)'],
    [{ status: 'complete' as const, messageCount: 310 }, 100, 'History synced (310 messages)'],
    [{ status: 'declined' as const }, null, 'History sharing declined on the phone'],
  ])('history sync %o', (sync, percent, label) => {
    expect(historySyncView(sync)).toEqual({ percent, label });
  });
});
