import { timeWindowSchema } from './time-window.schema';
import { longestClosedGapMs, nextTimeInWindow, type TimeWindow } from './time-window.util';
import { wallClock, zonedTimeToUtc } from './zoned-time.util';

const weekdays: TimeWindow = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' };
const at = (iso: string) => Date.parse(iso);

describe('nextTimeInWindow', () => {
  test.each<[string, string, TimeWindow, string, string]>([
    ['inside the window: now', '2025-06-09T10:00:00Z', weekdays, 'Europe/Lisbon', '2025-06-09T10:00:00Z'],
    ['before opening: today 09:00 local (WEST)', '2025-06-09T07:30:00Z', weekdays, 'Europe/Lisbon', '2025-06-09T08:00:00Z'],
    ['after closing: next day', '2025-06-09T16:30:00Z', weekdays, 'Europe/Lisbon', '2025-06-10T08:00:00Z'],
    ['saturday: monday', '2025-06-07T10:00:00Z', weekdays, 'Europe/Lisbon', '2025-06-09T08:00:00Z'],
    ['friday evening: monday', '2025-06-13T18:00:00Z', weekdays, 'Europe/Lisbon', '2025-06-16T08:00:00Z'],
    ['half-hour zone', '2025-01-01T00:00:00Z', { days: ['wed'], start: '09:00', end: '10:00' }, 'Asia/Kolkata', '2025-01-01T03:30:00Z'],
    ['west of UTC, local date behind UTC', '2025-06-10T02:00:00Z', weekdays, 'America/Sao_Paulo', '2025-06-10T12:00:00Z'],
    [
      'overnight window still open after midnight',
      '2025-06-14T02:00:00Z',
      { days: ['fri'], start: '22:00', end: '06:00' },
      'UTC',
      '2025-06-14T02:00:00Z',
    ],
    [
      'sunday-night window open on monday morning',
      '2025-06-09T03:00:00Z',
      { days: ['sun'], start: '22:00', end: '06:00' },
      'UTC',
      '2025-06-09T03:00:00Z',
    ],
    [
      'overnight window closed: opens tonight',
      '2025-06-13T07:00:00Z',
      { days: ['fri'], start: '22:00', end: '06:00' },
      'UTC',
      '2025-06-13T22:00:00Z',
    ],
    ['same weekday next week', '2025-06-09T18:00:00Z', { days: ['mon'], start: '09:00', end: '17:00' }, 'UTC', '2025-06-16T09:00:00Z'],
    [
      'spring forward: 02:30 does not exist, 03:30 EDT',
      '2025-03-09T06:00:00Z',
      { days: ['sun'], start: '02:30', end: '04:00' },
      'America/New_York',
      '2025-03-09T07:30:00Z',
    ],
    [
      'fall back: 09:00 after the change is WET',
      '2025-10-25T20:00:00Z',
      { days: ['sun'], start: '09:00', end: '10:00' },
      'Europe/Lisbon',
      '2025-10-26T09:00:00Z',
    ],
  ])('%s', (_name, now, window, zone, expected) => {
    expect(new Date(nextTimeInWindow(at(now), window, zone)).toISOString()).toBe(new Date(at(expected)).toISOString());
  });

  it('returns an instant that is inside the window when read back in the zone', () => {
    const next = nextTimeInWindow(at('2025-06-07T10:00:00Z'), weekdays, 'Asia/Tokyo');
    const clock = wallClock(next, 'Asia/Tokyo');
    expect(clock.weekday).toBe(0);
    expect(clock.minuteOfDay).toBe(9 * 60);
  });
});

describe('longestClosedGapMs', () => {
  const hours = (h: number) => h * 3_600_000;
  test.each<[string, TimeWindow, number]>([
    ['every day 09–17', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '09:00', end: '17:00' }, hours(16)],
    ['weekdays 09–17 (the weekend)', weekdays, hours(64)],
    ['one day a week', { days: ['wed'], start: '09:00', end: '17:00' }, hours(7 * 24 - 8)],
    ['every night 22–06', { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '22:00', end: '06:00' }, hours(16)],
  ])('%s', (_name, window, expected) => {
    expect(longestClosedGapMs(window)).toBe(expected);
  });
});

describe('timeWindowSchema', () => {
  test.each([
    [{ start: '9:00', end: '17:00' }, 'a time such as 09:00'],
    [{ start: '09:00', end: '24:00' }, 'a time such as 09:00'],
    [{ start: '09:00', end: '09:00' }, 'end must differ'],
    [{ days: [], start: '09:00', end: '10:00' }, 'Too small'],
  ])('rejects %j', (window, message) => {
    const result = timeWindowSchema.safeParse(window);
    expect(result.error?.issues.map((i) => i.message).join(' | ')).toContain(message);
  });

  it('defaults to weekdays', () => {
    expect(timeWindowSchema.parse({ start: '09:00', end: '17:00' }).days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });
});

describe('zonedTimeToUtc', () => {
  test.each([
    [2025, 1, 15, 12 * 60, 'Europe/Lisbon', '2025-01-15T12:00:00.000Z'],
    [2025, 7, 15, 12 * 60, 'Europe/Lisbon', '2025-07-15T11:00:00.000Z'],
    [2025, 12, 32, 0, 'UTC', '2026-01-01T00:00:00.000Z'],
    [2025, 7, 1, 8 * 60, 'America/Los_Angeles', '2025-07-01T15:00:00.000Z'],
  ])('%d-%d-%d +%d min in %s → %s', (y, m, d, minutes, zone, expected) => {
    expect(new Date(zonedTimeToUtc(y, m, d, minutes, zone)).toISOString()).toBe(expected);
  });
});
