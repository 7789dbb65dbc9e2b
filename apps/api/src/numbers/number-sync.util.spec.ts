import { syncRequestView } from './number-sync.util';

const onboardedAt = new Date('2026-12-01T10:00:00Z');
const base = {
  mode: 'coexistence' as const,
  onboardedAt,
  syncRequestedAt: null,
  contactSyncRequestedAt: null,
  syncRequestError: null,
  connectionState: 'connected' as const,
};
const at = (iso: string) => new Date(iso);

describe('syncRequestView', () => {
  test.each([
    ['open until 24 h after onboarding', base, '2026-12-02T09:59:59Z', 'open'],
    ['closed one second after the deadline', base, '2026-12-02T10:00:01Z', 'window_closed'],
    [
      'requested once both syncs were asked for',
      { ...base, syncRequestedAt: onboardedAt, contactSyncRequestedAt: onboardedAt },
      '2026-12-05T00:00:00Z',
      'requested',
    ],
    ['still open with only the contacts asked for', { ...base, contactSyncRequestedAt: onboardedAt }, '2026-12-01T11:00:00Z', 'open'],
    ['not applicable to a cloud number', { ...base, mode: 'cloud' as const }, '2026-12-01T11:00:00Z', 'not_applicable'],
    ['not applicable without an onboarding instant', { ...base, onboardedAt: null }, '2026-12-01T11:00:00Z', 'not_applicable'],
  ])('%s', (_label, number, now, state) => {
    expect(syncRequestView(number, at(now)).state).toBe(state);
  });

  test('the deadline is onboarding + 24 h', () => {
    expect(syncRequestView(base, at('2026-12-01T12:00:00Z')).deadline).toBe('2026-12-02T10:00:00.000Z');
  });
});
